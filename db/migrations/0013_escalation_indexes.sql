DROP INDEX "cases_stage_idx";--> statement-breakpoint
DROP INDEX "cases_escalation_idx";--> statement-breakpoint
DROP INDEX "cases_region_escalated_idx";--> statement-breakpoint
DROP INDEX "cases_escalated_idx";--> statement-breakpoint
DROP INDEX "cases_province_escalated_idx";--> statement-breakpoint
CREATE INDEX "cases_escalation_idx" ON "cases" USING btree ("escalation_level") WHERE "cases"."escalation_level" > 0;--> statement-breakpoint
CREATE INDEX "cases_region_escalated_idx" ON "cases" USING btree ("region_code",(-"escalation_level"),"case_id") WHERE "cases"."status" = 'open' and "cases"."escalation_level" > 0;--> statement-breakpoint
CREATE INDEX "cases_escalated_idx" ON "cases" USING btree ((-"escalation_level"),"case_id") WHERE "cases"."status" = 'open' and "cases"."escalation_level" > 0;--> statement-breakpoint
CREATE INDEX "cases_province_escalated_idx" ON "cases" USING btree ("province_code",(-"escalation_level"),"case_id") WHERE "cases"."status" = 'open' and "cases"."escalation_level" > 0;