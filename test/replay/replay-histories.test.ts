// Running cases must survive a deploy: every recorded history replays against the current workflow code.
// Re-record (SIGAP_RECORD_HISTORIES=1 npm run jest -- test/workflow) only for a change guarded by patched(),
// and keep the old files: they are the cases still running under the old code path.
import fs from 'node:fs';
import path from 'node:path';
import { temporal } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { WORKFLOWS_PATH } from '../../temporal/worker';
import { dataConverter } from '../helpers/temporal';

const DIR = path.join(__dirname, '..', 'histories');
const files = fs.readdirSync(DIR).filter((f) => f.endsWith('.history.bin'));
const load = (file: string) => temporal.api.history.v1.History.decode(fs.readFileSync(path.join(DIR, file)));

async function replayAll(workflowsPath: string) {
  const results: { file: string; error: unknown }[] = [];
  const histories = files.map((file) => ({ workflowId: file, history: load(file) }));
  for await (const result of Worker.runReplayHistories({ workflowsPath, dataConverter, replayName: 'sigap-replay' }, histories)) {
    results.push({ file: result.workflowId, error: result.error });
  }
  return results;
}

const PATHWAYS = [
  'atensi-six-months',
  'continued-as-new-first-run',
  'continued-as-new-second-run',
  'odgj-family-found',
  'odgj-province',
  'repatriation',
];

// Recorded with partner integration (patch partner-integration-v1) and the group batch workflow, before
// and after the batch read model (patch batch-read-model-v1).
const INTEGRATED = ['partner-repatriation', 'group-batch-before-read-model', 'group-batch', 'group-member'];

// Recorded under rules v3 (patch agency-handoffs-v3) and the reception-first batch (batch-reception-first-v1).
// The province route is a transfer now, recorded with the family found after it (odgj-transfer-home).
const HANDOFFS = [...PATHWAYS.filter((p) => p !== 'odgj-province'), 'odgj-transfer-home', 'partner-repatriation', 'group-batch', 'group-member'].map((p) => `v3-${p}`);

// Recorded with commands that answer before their records are written (patch fast-commands-v1), and then
// with the evaluation required before closure (patch evaluation-required-v4, rules v4).
const FAST_COMMANDS = HANDOFFS.map((p) => p.replace(/^v3-/, 'v4-'));
const EVALUATION_REQUIRED = HANDOFFS.map((p) => p.replace(/^v3-/, 'v5-'));
// Recorded with consent by capacity (patch consent-by-capacity-v5, rules v5).
const CONSENT_BY_CAPACITY = HANDOFFS.map((p) => p.replace(/^v3-/, 'v6-'));
// Recorded with the social work inside the case (patch social-work-v6, rules v6), with the words of
// Permensos 7/2021, and three new pathways: advocacy waived, a plan revised, a person who ran away.
const SOCIAL_WORK = [...HANDOFFS.map((p) => p.replace(/^v3-/, 'v7-')), 'v7-lansia-advocacy-waived', 'v7-atensi-plan-revised', 'v7-ran-away'];
// Recorded with one write per step (patch one-write-per-step-v1): records and notifications in one activity.
const ONE_WRITE = SOCIAL_WORK.map((p) => p.replace(/^v7-/, 'v8-'));
// Recorded with lazy timers (patch lazy-timers-v1): a moment that moved later keeps its timer.
const LAZY_TIMERS = SOCIAL_WORK.map((p) => p.replace(/^v7-/, 'v9-'));
// Recorded with the search attributes published after the write (patch publish-after-write-v1).
const PUBLISH_AFTER_WRITE = SOCIAL_WORK.map((p) => p.replace(/^v7-/, 'v10-'));

test('the recorded histories cover every pathway and a continue-as-new, under each version of the rules', () => {
  // v1-*: recorded before the ladder (patch escalation-ladder-v2); unprefixed: with it; v3-*: with hand-offs;
  // v4-*: with fast commands; v5-*: with the evaluation required; v6-*: with consent by capacity;
  // v7-*: with the social work inside the case; v8-*: with one write per step; v9-*: with lazy timers;
  // v10-*: with the search attributes published after the write.
  const expected = [
    ...PATHWAYS.flatMap((p) => [`v1-${p}.history.bin`, `${p}.history.bin`]),
    ...[...INTEGRATED, ...HANDOFFS, ...FAST_COMMANDS, ...EVALUATION_REQUIRED, ...CONSENT_BY_CAPACITY, ...SOCIAL_WORK, ...ONE_WRITE, ...LAZY_TIMERS, ...PUBLISH_AFTER_WRITE].map((p) => `${p}.history.bin`),
  ];
  expect(files).toEqual(expect.arrayContaining(expected));
});

test('every recorded history replays against the current workflow code', async () => {
  const results = await replayAll(WORKFLOWS_PATH);
  expect(results.map((r) => [r.file, r.error === undefined ? 'ok' : String(r.error)])).toEqual(files.map((f) => [f, 'ok']));
});

test('an incompatible change to the workflow fails the replay', async () => {
  const results = await replayAll(path.join(__dirname, '..', 'fixtures', 'incompatible-workflow'));
  const failed = results.filter((r) => r.error !== undefined);
  expect(failed.length).toBe(files.length);
  expect(String(failed[0]!.error)).toMatch(/[Nn]ondetermin/);
});
