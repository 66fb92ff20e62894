// `npm run -s cli -- …`: what operations staff do from a terminal — open a case, list, act, watch, keep
// the staff registry. Each command lives in commands/; this puts them together and turns failures into
// messages and exit codes.
// Built around injected I/O so that tests run it in-process against a real API.
import { Command, CommanderError, Option } from 'commander';
import { RequestFailed, ApiError, Interrupted, Unreachable } from './api-client';
import { caseAct } from './commands/case-act';
import { caseCommands } from './commands/case-commands';
import { caseList } from './commands/case-list';
import { caseOpen } from './commands/case-open';
import { caseShow } from './commands/case-show';
import { caseTimeline } from './commands/case-timeline';
import { caseWatch } from './commands/case-watch';
import { escalations } from './commands/escalations';
import { staffCaseload } from './commands/staff-caseload';
import { staffList } from './commands/staff-list';
import { staffRegister } from './commands/staff-register';
import { staffShow } from './commands/staff-show';
import { staffDeactivate, staffReactivate, staffUpdate } from './commands/staff-update';
import { stats } from './commands/stats';
import { training } from './commands/training';
import { transfers } from './commands/transfers';
import type { CliIo, Globals } from './context';
import { DEFAULT_API_URL, contextFor, describe, tokenFrom } from './context';
import type { Lang } from './messages';
import { CliFailure, say } from './messages';

export type { CliIo };

export function buildProgram(io: CliIo): Command {
  const program = new Command()
    .name('npm run -s cli --')
    .description('Sigap for operations staff: open cases, list them, act on them, watch them; keep the staff registry; run training sessions (kasus, perintah, pantau, petugas, latihan).')
    .option('--api-url <url>', 'the Sigap API (env SIGAP_API_URL)', io.env.SIGAP_API_URL || DEFAULT_API_URL)
    .option('--token <jwt>', 'bearer token (default: env SIGAP_TOKEN, else dev-token.txt in $SIGAP_DATA_DIR or .data/, written by npm start)')
    .addOption(new Option('--lang <lang>', 'language of messages: id = Bahasa Indonesia, en = English').choices(['id', 'en']).default('id'))
    .option('--json', 'print the API\'s JSON instead of text (for scripts)')
    .exitOverride()
    .showHelpAfterError('(--help: bantuan / usage)')
    .configureOutput({ writeOut: (s) => io.out(s.replace(/\n$/, '')), writeErr: (s) => io.err(s.replace(/\n$/, '')) })
    .addHelpText(
      'after',
      '\nExit codes: 0 done, 1 the API refused (its message and code are printed), 2 usage, 3 the API cannot be reached, 130 interrupted.',
    );
  const context = contextFor(program, io);
  const kase = program.command('case').description('cases: open, list, show, act (and its commands), timeline, watch (kasus)');
  for (const command of [caseOpen, caseList, caseShow, caseAct, caseCommands, caseTimeline, caseWatch]) command(kase, context);
  escalations(program, context);
  transfers(program, context);
  stats(program, context);
  const staff = program.command('staff').description('the staff registry: register, update, deactivate, list, show, caseload (registri petugas)');
  for (const command of [staffRegister, staffUpdate, staffDeactivate, staffReactivate, staffList, staffShow, staffCaseload]) command(staff, context);
  training(program, context);
  return program;
}

/** Runs the CLI; resolves to the exit code: 0 done, 1 the API said no, 2 usage, 3 unreachable, 130 interrupted. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    // Commander has already printed its own usage errors (and --help).
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (!(err instanceof CliFailure || err instanceof RequestFailed)) throw err;
    const g = program.opts<Partial<Globals>>();
    const lang: Lang = g.lang === 'en' ? 'en' : 'id';
    io.err(describe(err, lang));
    if (err instanceof CliFailure) return err.exitCode;
    if (err instanceof ApiError) {
      for (const e of err.problem.errors ?? []) io.err(`  ${e.field}: ${e.message}`);
      if (err.status === 401) {
        const t = tokenFrom(io, g.token);
        io.err((t.token ? say.tokenRejected(t.source) : say.noToken(t.file))[lang]);
      }
    }
    // The write may or may not have happened: the same key makes a retry safe either way.
    if (err.idempotencyKey) io.err(say.retryWithKey(err.idempotencyKey)[lang]);
    return err instanceof Unreachable ? 3 : err instanceof Interrupted ? 130 : 1;
  }
}
