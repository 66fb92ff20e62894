// Simulasi kasus scenarios: every committed scenario loads, a broken one is named by file and field, and
// every model answer — played through the same rules the case workflow runs, with the script's partner
// reports at their hours — earns all its step points, in order and on time (the event types it expects
// are the ones the case really records).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadScenarioFile, loadScenarios, ScenarioError, SCENARIO_DIR } from '../../api/training/scenarios';
import { scoreGroup } from '../../domain/training/score';
import { playModelAnswer } from '../helpers/training-run';

const library = loadScenarios();
const scenarios = [...library.scenarios.values()];

/** Escalations practice makes every group meet: the tracing deadline is when the Kasi decides, by escalation. */
const INHERENT_ESCALATIONS: Record<string, string[]> = { 'lansia-demensia-tanpa-keluarga': ['tracing_overdue'] };

test('the five committed scenarios load, each named after its id', () => {
  expect(library.broken).toEqual([]);
  expect(scenarios.map((s) => s.id).sort()).toEqual([
    'korban-perdagangan-orang-advokasi',
    'lansia-demensia-tanpa-keluarga',
    'odgj-keluarga-tidak-mampu-provinsi',
    'odgj-tanpa-identitas-rsj-penuh',
    'rombongan-28-jawa-barat',
  ]);
  for (const s of scenarios) {
    expect(s.file).toBe(path.join('training', 'scenarios', `${s.id}.json`));
    expect(s.title[0]).not.toBe(s.title[1]);
    expect(s.modelAnswer.steps.every((step) => step.demo)).toBe(true);
  }
});

test.each(scenarios.map((s) => [s.id, s] as const))('%s: the model answer, played through the rules, earns every step point in order and on time', (id, scenario) => {
  const { record } = playModelAnswer(scenario);
  const score = scoreGroup(scenario.modelAnswer, record);
  const steps = score.items.filter((i) => i.kind === 'step');
  expect(steps.filter((i) => !i.met).map((i) => i.stepId)).toEqual([]);
  expect(steps.reduce((n, i) => n + i.points, 0)).toBe(score.max);
  expect(score.items.filter((i) => i.kind === 'order')).toEqual([]);
  expect(score.items.filter((i) => i.kind === 'deadline' && !i.met).map((i) => i.stepId)).toEqual([]);
  expect(score.items.filter((i) => i.kind === 'refusal' || i.kind === 'deadline_missed')).toEqual([]);
  const raised = record.events.filter((e) => e.type === 'escalation.raised').map((e) => String(e.data.reason));
  expect(raised).toEqual(INHERENT_ESCALATIONS[id] ?? []);
  // Every report of the script fitted the case as the model answer left it.
  expect(record.events.filter((e) => e.type === 'partner.report_ignored')).toEqual([]);
});

test('the acceptance scenario: the model answer scores the maximum, nothing taken away', () => {
  const scenario = library.scenarios.get('odgj-tanpa-identitas-rsj-penuh')!;
  const score = scoreGroup(scenario.modelAnswer, playModelAnswer(scenario).record);
  expect(score.total).toBe(score.max);
});

describe('a broken scenario', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sigap-scenarios-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** The fields these tests break, of a scenario file as parsed JSON. */
  interface Editable {
    intake: Record<string, unknown>;
    script: { report: { command: Record<string, unknown> } }[];
    modelAnswer: { steps: (Record<string, unknown> & { demo: Record<string, unknown> })[] };
  }
  const good = () => JSON.parse(fs.readFileSync(path.join(SCENARIO_DIR, 'odgj-tanpa-identitas-rsj-penuh.json'), 'utf8')) as Editable;
  const write = (name: string, body: unknown) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, typeof body === 'string' ? body : JSON.stringify(body));
    return file;
  };

  test('is refused at load with the file and each field path named', () => {
    const broken = good();
    broken.modelAnswer.steps[2]!.event = 'pathway.decide';
    broken.script[0]!.report.command.accepted = 'no';
    broken.intake.riskLevel = 'urgent';
    const file = write('odgj-tanpa-identitas-rsj-penuh.json', broken);
    let error: unknown;
    try {
      loadScenarioFile(file);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ScenarioError);
    const e = error as ScenarioError;
    expect(e.file).toBe(file);
    expect(e.problems.map((p) => p.path).sort()).toEqual(['intake.riskLevel', 'modelAnswer.steps.2.event', 'script.0.report.command.accepted']);
    expect(e.message).toMatch(/odgj-tanpa-identitas-rsj-penuh\.json: .*modelAnswer\.steps\.2\.event: expected an event type the case records/);
  });

  test('a step after one that is not before it, a demo of another command, a wrong name and bad JSON are named too', () => {
    const broken = good();
    broken.modelAnswer.steps[0]!.after = ['serah-keluarga'];
    broken.modelAnswer.steps[1]!.demo.body = { type: 'acknowledge' };
    const file = write('odgj-tanpa-identitas-rsj-penuh.json', broken);
    expect(() => loadScenarioFile(file)).toThrow(/modelAnswer\.steps\.0\.after\.0: expected the id of an earlier step/);
    expect(() => loadScenarioFile(file)).toThrow(/modelAnswer\.steps\.1\.demo\.body\.type: the demo gives another command than the step/);
    expect(() => loadScenarioFile(write('other-name.json', good()))).toThrow(/other-name\.json: id: the file must be named after the id/);
    expect(() => loadScenarioFile(write('x.json', '{ "id": '))).toThrow(/x\.json: \(file\): not valid JSON/);
  });

  test('is left out of the library and reported, while the others load', () => {
    write('odgj-tanpa-identitas-rsj-penuh.json', good());
    write('rusak.json', { ...good(), id: 'rusak', version: 0 });
    const lib = loadScenarios(dir);
    expect([...lib.scenarios.keys()]).toEqual(['odgj-tanpa-identitas-rsj-penuh']);
    expect(lib.broken.map((b) => b.problems)).toEqual([[{ path: 'version', message: expect.any(String) }]]);
  });
});
