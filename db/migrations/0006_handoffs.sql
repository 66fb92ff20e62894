ALTER TABLE "batches" ADD COLUMN "escalation" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "access" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "transfer_status" text;--> statement-breakpoint
ALTER TABLE "cases" ADD COLUMN "transfer_to_region" text;--> statement-breakpoint
CREATE INDEX "cases_transfer_idx" ON "cases" USING btree ("transfer_to_region","transfer_status");