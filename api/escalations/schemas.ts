import { z } from 'zod';
import { PATHWAYS, RISK_LEVELS } from '../../domain/categories';
import { ESCALATION_REASONS, ESCALATION_VIEWS } from '../../domain/codes';
import { STAGES } from '../../domain/stages';
import { categoryCode, cursor, pageLimit, regionCode, staffId } from '../http/parse';

export const escalationQuery = z
  .object({
    view: z.enum(ESCALATION_VIEWS).default('escalated'),
    minLevel: z.coerce.number().int().min(1).max(3).default(1),
    region: regionCode.optional(),
    category: categoryCode.optional(),
    pathway: z.enum(PATHWAYS).optional(),
    stage: z.enum(STAGES).optional(),
    risk: z.enum(RISK_LEVELS).optional(),
    assignee: staffId.optional(),
    reason: z.enum(ESCALATION_REASONS).optional(),
    limit: pageLimit,
    cursor,
  })
  .strict();
export type EscalationQuery = z.infer<typeof escalationQuery>;
