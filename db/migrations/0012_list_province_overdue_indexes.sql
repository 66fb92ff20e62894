CREATE INDEX "cases_province_opened_idx" ON "cases" USING btree ("province_code","opened_at","case_id");--> statement-breakpoint
CREATE INDEX "cases_province_escalated_idx" ON "cases" USING btree ("province_code","escalation_level" DESC NULLS FIRST,"case_id") WHERE "cases"."status" = 'open' and "cases"."escalation_level" > 0;--> statement-breakpoint
CREATE INDEX "cases_region_due_idx" ON "cases" USING btree ("region_code","next_deadline_at","case_id") WHERE "cases"."status" = 'open';--> statement-breakpoint
CREATE INDEX "cases_province_due_idx" ON "cases" USING btree ("province_code","next_deadline_at","case_id") WHERE "cases"."status" = 'open';--> statement-breakpoint
CREATE INDEX "cases_due_idx" ON "cases" USING btree ("next_deadline_at","case_id") WHERE "cases"."status" = 'open';