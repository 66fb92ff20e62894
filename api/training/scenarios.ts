// Simulasi kasus scenarios: versioned JSON files in training/scenarios/, checked against this schema when
// they are loaded — the intake as POST /v1/cases takes it, each scripted report as a partner's callback
// carries it, each model-answer command as the command route takes it, every event type one the case
// records — so a broken scenario is named (file and field) when it is loaded, never halfway through a
// session. zod lives here, not in domain/: the shapes themselves are domain/training/model.ts.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { ExpectedStep, ModelAnswer, ScriptedEvent } from '../../domain/training/model';
import { COMMAND_TYPES } from '../../domain/steps/index';
import { LABEL_LISTS } from '../../domain/labels';
import type { Words } from '../../domain/labels';
import { commandBody, partnerCommandBody } from '../cases/commands';
import type { OpenCaseBody } from '../cases/schemas';
import { openCaseBody } from '../cases/schemas';
import { agencyCode } from '../http/parse';

/** Where the committed scenarios live (copied beside dist/ by the build). */
export const SCENARIO_DIR = path.join(__dirname, '..', '..', 'training', 'scenarios');

const SCENARIO_ID = /^[a-z0-9][a-z0-9-]{2,63}$/;
const STEP_ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

const words = z.tuple([z.string().trim().min(1).max(2000), z.string().trim().min(1).max(2000)]);
/** An event type the case really records: one the label catalogue (which a test keeps complete) knows. */
const eventType = z.string().refine((t) => t in LABEL_LISTS.event, 'expected an event type the case records (see domain/labels/events.ts)');
const hours = z.number().min(0).max(24 * 366);

const scriptedEvent = z.strictObject({
  atHours: hours,
  kind: z.literal('partner_report'),
  report: z.strictObject({ partnerId: agencyCode, command: partnerCommandBody }),
  words,
});

const expectedStep = z
  .strictObject({
    id: z.string().regex(STEP_ID, 'expected a step id of lowercase letters, digits and dashes'),
    command: z.enum(COMMAND_TYPES),
    event: eventType,
    data: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
    after: z.array(z.string()).max(20).optional(),
    withinHours: hours.positive().optional(),
    points: z.number().int().min(0).max(100),
    words,
    demo: z
      .strictObject({
        role: z.enum(['operator', 'case_manager', 'supervisor']),
        body: commandBody,
        whenEvent: eventType.optional(),
      })
      .optional(),
  })
  .refine((s) => !s.demo || s.demo.body.type === s.command, { message: 'the demo gives another command than the step', path: ['demo', 'body', 'type'] });

const penalty = z.number().int().min(0).max(100);

export const scenarioSchema = z
  .strictObject({
    id: z.string().regex(SCENARIO_ID, 'expected a scenario id of lowercase letters, digits and dashes'),
    /** Bumped on every change of substance: a session records the version it ran. */
    version: z.number().int().min(1),
    title: words,
    summary: words,
    /** The case as intake opens it (POST /v1/cases); the session names the worker. */
    intake: openCaseBody,
    script: z.array(scriptedEvent).max(100),
    modelAnswer: z.strictObject({
      steps: z.array(expectedStep).min(1).max(60),
      penalties: z.strictObject({ escalation: penalty, refusal: penalty, deadlineMissed: penalty }),
    }),
    /** Where the scenario wants a feature Sigap does not have yet, and what it uses instead. */
    notes: z.array(words).max(20).optional(),
  })
  .superRefine((s, ctx) => {
    if (s.intake.assignedWorker) ctx.addIssue({ code: 'custom', path: ['intake', 'assignedWorker'], message: 'the session assigns each group\'s case to one of its members' });
    const seen = new Set<string>();
    s.modelAnswer.steps.forEach((step, i) => {
      if (seen.has(step.id)) ctx.addIssue({ code: 'custom', path: ['modelAnswer', 'steps', i, 'id'], message: 'a step id used twice' });
      // Only earlier steps may come before: the partial order has no cycle by construction.
      (step.after ?? []).forEach((id, j) => {
        if (!seen.has(id)) ctx.addIssue({ code: 'custom', path: ['modelAnswer', 'steps', i, 'after', j], message: 'expected the id of an earlier step' });
      });
      seen.add(step.id);
    });
  });

/** A scenario as a session uses it: the shared shapes of domain/training/model.ts, and the intake. */
export interface Scenario {
  id: string;
  version: number;
  title: Words;
  summary: Words;
  intake: OpenCaseBody;
  script: ScriptedEvent[];
  modelAnswer: ModelAnswer;
  notes: Words[];
  /** The file it came from, relative to the repository. */
  file: string;
}

/** A scenario that does not load: which file, which fields, what is wrong. */
export class ScenarioError extends Error {
  constructor(
    readonly file: string,
    readonly problems: { path: string; message: string }[],
  ) {
    super(`${file}: ${problems.map((p) => `${p.path || '(file)'}: ${p.message}`).join('; ')}`);
    this.name = 'ScenarioError';
  }
}

/** A committed scenario by its path in the repository; another by its full path. */
function shown(file: string): string {
  const relative = path.relative(path.join(__dirname, '..', '..'), file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : path.resolve(file);
}

/** Loads and checks one scenario file; a broken one throws a ScenarioError naming the file and each field. */
export function loadScenarioFile(file: string): Scenario {
  const name = shown(file);
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ScenarioError(name, [{ path: '', message: err instanceof SyntaxError ? `not valid JSON (${err.message})` : 'cannot be read' }]);
  }
  const parsed = scenarioSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ScenarioError(
      name,
      parsed.error.issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.code === 'unrecognized_keys' ? `unknown field(s) ${i.keys.join(', ')}` : i.message })),
    );
  }
  const expected = `${parsed.data.id}.json`;
  if (path.basename(file) !== expected) throw new ScenarioError(name, [{ path: 'id', message: `the file must be named after the id (${expected})` }]);
  const { notes, modelAnswer, ...rest } = parsed.data;
  // The schema checked every field; the command unions are the domain's own (CaseCommand, PartnerCommand).
  return { ...rest, modelAnswer: { ...modelAnswer, steps: modelAnswer.steps as ExpectedStep[] }, script: rest.script as ScriptedEvent[], notes: notes ?? [], file: name };
}

export interface ScenarioLibrary {
  scenarios: Map<string, Scenario>;
  /** Files that did not load: left out, each with what is wrong (the API logs them at start). */
  broken: ScenarioError[];
}

/** Every scenario of a folder, by id; a broken file is left out and reported, the others still load. */
export function loadScenarios(dir = SCENARIO_DIR): ScenarioLibrary {
  const scenarios = new Map<string, Scenario>();
  const broken: ScenarioError[] = [];
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort() : [];
  for (const f of files) {
    try {
      const scenario = loadScenarioFile(path.join(dir, f));
      scenarios.set(scenario.id, scenario);
    } catch (err) {
      if (!(err instanceof ScenarioError)) throw err;
      broken.push(err);
    }
  }
  return { scenarios, broken };
}
