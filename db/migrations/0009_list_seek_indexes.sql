DROP INDEX "cases_region_status_idx";--> statement-breakpoint
DROP INDEX "cases_province_status_idx";--> statement-breakpoint
DROP INDEX "cases_assignee_idx";--> statement-breakpoint
CREATE INDEX "cases_region_status_idx" ON "cases" USING btree ("region_code","status","opened_at","case_id");--> statement-breakpoint
CREATE INDEX "cases_province_status_idx" ON "cases" USING btree ("province_code","status","opened_at","case_id");--> statement-breakpoint
CREATE INDEX "cases_assignee_idx" ON "cases" USING btree ("assigned_worker","status","opened_at","case_id");