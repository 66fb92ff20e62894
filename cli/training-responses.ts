// What the CLI reads of the training resource's answers (simulasi kasus): as loose as responses.ts — codes
// are plain strings, so a server with a new score kind does not break an older CLI.
import { z } from 'zod';

const words = z.tuple([z.string(), z.string()]);

export const scenarioList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      version: z.number(),
      title: words,
      summary: words,
      category: z.string(),
      riskLevel: z.string(),
      regionCode: z.string(),
      steps: z.number(),
      maxPoints: z.number(),
      scriptedReports: z.number(),
      notes: z.array(words),
    }),
  ),
});
export type ScenarioList = z.infer<typeof scenarioList>;

export const startedSession = z.object({
  sessionId: z.string(),
  scenario: z.object({ id: z.string(), version: z.number() }),
  groups: z.array(z.object({ name: z.string(), caseId: z.string() })),
  links: z.object({ self: z.string(), debrief: z.string(), messages: z.string() }),
});
export type StartedSession = z.infer<typeof startedSession>;

export const trainingEvent = z.object({ seq: z.number(), type: z.string(), at: z.string(), actorRole: z.string(), data: z.record(z.string(), z.unknown()) });
export type TrainingEvent = z.infer<typeof trainingEvent>;

export const trainingSession = z.object({
  session: z.object({
    sessionId: z.string(),
    scenario: z.object({ id: z.string(), version: z.number(), title: words }),
    trainerId: z.string(),
    regionCode: z.string(),
    timeScale: z.number(),
    startedAt: z.string(),
    endedAt: z.string().nullable(),
    simulatedHours: z.number(),
  }),
  groups: z.array(
    z.object({
      rank: z.number(),
      name: z.string(),
      members: z.array(z.string()),
      caseId: z.string(),
      finishedAt: z.string().nullable(),
      score: z.object({
        total: z.number(),
        max: z.number(),
        items: z.array(z.object({ kind: z.string(), points: z.number(), reason: words, atHours: z.number().optional() })),
      }),
      record: z.object({
        openedAt: z.string(),
        events: z.array(trainingEvent),
        refusals: z.array(z.object({ at: z.string(), command: z.string(), code: z.string() })),
      }),
    }),
  ),
});
export type TrainingSession = z.infer<typeof trainingSession>;
