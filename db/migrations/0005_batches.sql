CREATE TABLE "batches" (
	"batch_id" text PRIMARY KEY NOT NULL,
	"region_code" text NOT NULL,
	"province_code" text NOT NULL,
	"origin_region_code" text NOT NULL,
	"origin_agency" text NOT NULL,
	"status" text NOT NULL,
	"members" integer NOT NULL,
	"arrived" integer NOT NULL,
	"withdrawn" integer NOT NULL,
	"plan_version" integer NOT NULL,
	"opened_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"version" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "batches_region_idx" ON "batches" USING btree ("region_code","status");--> statement-breakpoint
CREATE INDEX "batches_province_idx" ON "batches" USING btree ("province_code","status");--> statement-breakpoint
CREATE INDEX "batches_opened_idx" ON "batches" USING btree ("opened_at","batch_id");