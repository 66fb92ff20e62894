// What the training resource accepts and answers: starting a session (scenario, groups, time scale), the
// sink's pages, and the shapes of a session, its groups' records and scores, and the scenario list.
import { z } from 'zod';
import { cursor, staffId } from '../http/parse';

const SCENARIO_ID = /^[a-z0-9][a-z0-9-]{2,63}$/;
/** Names the trainer types ("A", "Kelompok Mawar"): a label, never a person. */
const GROUP_NAME = /^[A-Za-z0-9][A-Za-z0-9 ._-]{0,39}$/;

export const groupName = z.string().regex(GROUP_NAME, 'expected a group name of at most 40 letters, digits, spaces, dots or dashes');

export const startSessionBody = z
  .strictObject({
    scenario: z.string().regex(SCENARIO_ID, 'expected a scenario id'),
    groups: z
      .array(
        z.strictObject({
          name: groupName,
          /** Staff ids (token subjects); the first carries the group's case, all of them may act on it. */
          members: z.array(staffId).min(1).max(12),
        }),
      )
      .min(1)
      .max(12),
    /** Real time per simulated time: 1/86_400 makes a simulated day last a second. */
    timeScale: z.number().gt(0).max(1),
  })
  .superRefine((b, ctx) => {
    const names = new Set<string>();
    const members = new Set<string>();
    b.groups.forEach((g, i) => {
      if (names.has(g.name.toLowerCase())) ctx.addIssue({ code: 'custom', path: ['groups', i, 'name'], message: 'a group name used twice' });
      names.add(g.name.toLowerCase());
      g.members.forEach((m, j) => {
        if (members.has(m)) ctx.addIssue({ code: 'custom', path: ['groups', i, 'members', j], message: 'a staff member in two groups' });
        members.add(m);
      });
    });
  });
export type StartSessionBody = z.infer<typeof startSessionBody>;

export const messagesQuery = z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(100), cursor });

const words = z.tuple([z.string(), z.string()]);
const data = z.record(z.string(), z.unknown());

export const scenarioSummarySchema = z
  .object({
    id: z.string(),
    version: z.number().int(),
    title: words,
    summary: words,
    category: z.string(),
    riskLevel: z.string(),
    regionCode: z.string(),
    steps: z.number().int(),
    maxPoints: z.number().int(),
    scriptedReports: z.number().int(),
    notes: z.array(words),
  })
  .meta({ id: 'TrainingScenario' });

export const startedSessionSchema = z
  .object({
    sessionId: z.string(),
    scenario: z.object({ id: z.string(), version: z.number().int() }),
    groups: z.array(z.object({ name: z.string(), caseId: z.string() })),
    links: z.object({ self: z.string(), debrief: z.string(), messages: z.string() }),
  })
  .meta({ id: 'StartedTrainingSession' });

const scoreItem = z.object({
  kind: z.enum(['step', 'order', 'deadline', 'escalation', 'refusal', 'deadline_missed', 'time']),
  stepId: z.string().optional(),
  points: z.number(),
  reason: words,
  atHours: z.number().optional(),
  met: z.boolean().optional(),
});

export const sessionSchema = z
  .object({
    session: z.object({
      sessionId: z.string(),
      scenario: z.object({ id: z.string(), version: z.number().int(), title: words }),
      trainerId: z.string(),
      regionCode: z.string(),
      timeScale: z.number(),
      startedAt: z.string(),
      endedAt: z.string().nullable(),
      simulatedHours: z.number().meta({ description: 'Simulated hours since the start (until the end, once ended)' }),
    }),
    groups: z
      .array(
        z.object({
          rank: z.number().int(),
          name: z.string(),
          members: z.array(z.string()),
          caseId: z.string(),
          finishedAt: z.string().nullable(),
          score: z.object({ total: z.number(), max: z.number(), items: z.array(scoreItem) }),
          record: z.object({
            openedAt: z.string(),
            timeScale: z.number(),
            events: z.array(z.object({ seq: z.number().int(), type: z.string(), at: z.string(), actorRole: z.string(), data })),
            refusals: z.array(z.object({ at: z.string(), command: z.string(), code: z.string() })),
          }),
        }),
      )
      .meta({ description: 'Best first (scores explained in Bahasa Indonesia and English)' }),
  })
  .meta({ id: 'TrainingSession' });

export const messagePageSchema = z
  .object({
    items: z.array(
      z.object({
        key: z.string(),
        caseId: z.string(),
        group: z.string().nullable(),
        audience: z.string(),
        staffId: z.string().nullable(),
        template: z.string(),
        channel: z.string(),
        language: z.string(),
        body: z.string(),
        at: z.string(),
      }),
    ),
    nextCursor: z.string().nullable(),
  })
  .meta({ id: 'TrainingMessagePage' });
