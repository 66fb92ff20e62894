CREATE TABLE "staff" (
	"staff_id" text PRIMARY KEY NOT NULL,
	"unit_code" text NOT NULL,
	"unit_kind" text NOT NULL,
	"region_code" text NOT NULL,
	"province_code" text NOT NULL,
	"kecamatan_code" text,
	"role" text NOT NULL,
	"certification_no" text,
	"certified_until" text,
	"verified_until" text,
	"active" boolean DEFAULT true NOT NULL,
	"caseload_warned_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"staff_id" text NOT NULL,
	"type" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "staff_events" ADD CONSTRAINT "staff_events_staff_id_staff_staff_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff"("staff_id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "staff_region_idx" ON "staff" USING btree ("region_code","active");--> statement-breakpoint
CREATE INDEX "staff_province_idx" ON "staff" USING btree ("province_code","active");--> statement-breakpoint
CREATE INDEX "staff_role_idx" ON "staff" USING btree ("role");--> statement-breakpoint
CREATE INDEX "staff_events_staff_idx" ON "staff_events" USING btree ("staff_id","id");--> statement-breakpoint
CREATE INDEX "cases_assignee_idx" ON "cases" USING btree ("assigned_worker","status");