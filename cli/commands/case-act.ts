// `case act`: a staff command, its fields typed by the API's own OpenAPI document.
import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import type { ContextOf } from '../context';
import { caseIdArg, loadSpecs } from '../context';
import { parseAssignment } from '../fields';
import { actLine } from '../format';
import { UsageError, say } from '../messages';
import { caseView } from '../responses';

interface ActOptions {
  set: string[];
  data?: string;
  idempotencyKey?: string;
}

const collect = (v: string, acc: string[]) => [...acc, v];

function dataObject(text: string | undefined): Record<string, unknown> {
  if (text === undefined) return {};
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UsageError(say.badData());
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new UsageError(say.badData());
  return data as Record<string, unknown>;
}

export function caseAct(kase: Command, context: ContextOf): void {
  kase
    .command('act')
    .description('give a staff command, e.g. acknowledge, recordAssessment, requestClosure (beri perintah)')
    .argument('<caseId>', 'the case id (UUID)', caseIdArg)
    .argument('<command>', 'the command type; `case commands` lists them with their fields')
    .option('--set <field>', 'a field, repeatable: key=value, typed by the API\'s schema (days=7, approve=true, reason="…"); key:=json for JSON as is', collect, [])
    .option('--data <json>', 'more fields as one JSON object (lists of objects, such as a plan\'s services)')
    .option('--idempotency-key <key>', 'repeat a command safely; default: a new key, printed if the request fails')
    .addHelpText('after', '\nExample: case act <caseId> requestExtension --set days=7 --set reason="menunggu hasil RSJ"')
    .action(async (caseId: string, type: string, o: ActOptions) => {
      const { api, print, g } = context();
      const data = dataObject(o.data);
      const specs = await loadSpecs(api);
      const spec = specs?.get(type);
      if (specs && !spec) throw new UsageError(say.unknownCommand(type, [...specs.keys()]));
      const fields = Object.fromEntries(o.set.map((s) => parseAssignment(s, spec)));
      const view = await api.post(`/v1/cases/${caseId}/commands`, { ...data, ...fields, type }, caseView, o.idempotencyKey ?? randomUUID());
      print(view.raw, () => [actLine(type, view.body, g.lang)]);
    });
}
