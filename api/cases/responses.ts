// What the cases resource answers, for the OpenAPI document (and the API tests, which check real bodies
// against them).
import { z } from 'zod';
import { CATEGORIES, PATHWAYS, RISK_LEVELS } from '../../domain/categories';
import { ESCALATION_REASONS } from '../../domain/codes';
import { CASE_STATUSES, STAGES } from '../../domain/stages';
import { deadlineSchema } from '../http/openapi';

export const caseSummarySchema = z
  .object({
    caseId: z.string(),
    status: z.enum(CASE_STATUSES),
    stage: z.enum(STAGES),
    pathway: z.enum(PATHWAYS),
    category: z.enum(CATEGORIES),
    riskLevel: z.enum(RISK_LEVELS),
    regionCode: z.string(),
    jurisdiction: z.string(),
    assignedWorker: z.string().nullable(),
    escalationLevel: z.number().int().min(0).max(3),
    escalations: z.array(
      z.object({ reason: z.enum(ESCALATION_REASONS), subject: z.string(), level: z.number().int(), since: z.string(), acknowledged: z.boolean() }),
    ),
    nextDeadline: deadlineSchema,
    transfer: z.object({ status: z.string(), toRegion: z.string() }).nullable(),
    openedAt: z.string(),
    updatedAt: z.string(),
    links: z.object({ self: z.string(), timeline: z.string() }),
  })
  .meta({ id: 'CaseSummary', description: 'A case as the read model holds it: codes and opaque ids, no personal data' });

export const casePageSchema = z
  .object({ items: z.array(caseSummarySchema), nextCursor: z.string().nullable() })
  .meta({ id: 'CasePage' });

export const openedCaseSchema = z
  .object({ caseId: z.string(), workflowId: z.string(), links: z.object({ self: z.string() }) })
  .meta({ id: 'OpenedCase' });

export const caseViewSchema = z
  .looseObject({ caseId: z.string(), status: z.enum(CASE_STATUSES), stage: z.enum(STAGES), nextDeadline: deadlineSchema })
  .meta({ id: 'CaseView', description: 'The live case file from the workflow, including the (decrypted) intake details' });

export const commandResultSchema = caseViewSchema
  .extend({
    notesCount: z.number().int().min(0),
    newNotes: z.array(z.object({ at: z.string(), by: z.string(), text: z.string(), about: z.string() })),
  })
  .meta({
    id: 'CommandResult',
    description:
      'The case as the command left it, without its note history: how many notes it holds (notesCount) and the ones this command wrote (newNotes); GET /v1/cases/:id has every note',
  });

export const caseDetailsSchema = z
  .object({
    caseId: z.string(),
    projection: z.enum(['current', 'behind', 'pending', 'unavailable']).meta({
      description: 'The read model holds everything the case recorded (current), trails it (behind), holds nothing yet (pending), or did not answer (unavailable)',
    }),
    record: caseSummarySchema.nullable(),
    live: caseViewSchema.nullable(),
    access: z.enum(['full', 'decide_transfer', 'read']).meta({ description: 'How the caller sees the case: it holds it, decides on its transfer, or reads it for a while after handing it over' }),
    unavailable: z
      .array(z.enum(['read_model', 'workflow']))
      .optional()
      .meta({ description: 'Parts that did not answer: the read model (database down) or the live case (Temporal or its workers down)' }),
  })
  .meta({ id: 'CaseDetails' });

export const timelinePageSchema = z
  .object({
    items: z.array(
      z.object({
        seq: z.number().int(),
        type: z.string(),
        at: z.string(),
        actor: z.object({ id: z.string(), role: z.string() }),
        stage: z.string(),
        data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
      }),
    ),
    nextAfter: z.number().int().nullable(),
  })
  .meta({ id: 'TimelinePage' });
