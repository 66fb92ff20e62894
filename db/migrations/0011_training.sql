CREATE TABLE "training_groups" (
	"session_id" text NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	"case_id" text NOT NULL,
	"members" jsonb NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "training_groups_session_id_name_pk" PRIMARY KEY("session_id","name"),
	CONSTRAINT "training_groups_case_id_unique" UNIQUE("case_id")
);
--> statement-breakpoint
CREATE TABLE "training_messages" (
	"key" text PRIMARY KEY NOT NULL,
	"session_id" text NOT NULL,
	"case_id" text NOT NULL,
	"audience" text NOT NULL,
	"staff_id" text,
	"template" text NOT NULL,
	"channel" text NOT NULL,
	"language" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_refusals" (
	"id" serial PRIMARY KEY NOT NULL,
	"session_id" text NOT NULL,
	"case_id" text NOT NULL,
	"actor_id" text NOT NULL,
	"command" text NOT NULL,
	"code" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training_sessions" (
	"session_id" text PRIMARY KEY NOT NULL,
	"scenario_id" text NOT NULL,
	"scenario_version" integer NOT NULL,
	"trainer_id" text NOT NULL,
	"region_code" text NOT NULL,
	"scenario" jsonb NOT NULL,
	"time_scale" double precision NOT NULL,
	"started_at" timestamp with time zone NOT NULL,
	"ended_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "training_session_id" text;--> statement-breakpoint
ALTER TABLE "notifications" ADD COLUMN "training_session_id" text;--> statement-breakpoint
ALTER TABLE "training_groups" ADD CONSTRAINT "training_groups_session_id_training_sessions_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("session_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "training_refusals" ADD CONSTRAINT "training_refusals_session_id_training_sessions_session_id_fk" FOREIGN KEY ("session_id") REFERENCES "public"."training_sessions"("session_id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "training_messages_session_idx" ON "training_messages" USING btree ("session_id","created_at","key");--> statement-breakpoint
CREATE INDEX "training_refusals_case_idx" ON "training_refusals" USING btree ("case_id","id");--> statement-breakpoint
CREATE INDEX "cases_training_idx" ON "cases" USING btree ("training_session_id") WHERE "cases"."training_session_id" is not null;