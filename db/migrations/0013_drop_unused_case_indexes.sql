DROP INDEX "cases_stage_idx";--> statement-breakpoint
DROP INDEX "cases_escalation_idx";