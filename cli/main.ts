// Entry point of `npm run -s cli -- …`: the real process's I/O, handed to the program.
import { runCli } from './program';

// The first Ctrl-C ends a watch cleanly (or stops a request); a second one kills as usual.
const interrupt = new AbortController();
process.once('SIGINT', () => interrupt.abort());

// `… | head` closes the pipe early; that is not an error worth a stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit(0);
});

runCli(process.argv.slice(2), {
  fetch,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  env: process.env,
  signal: interrupt.signal,
}).then(
  // exitCode rather than exit(): a long --all listing piped to a file must be flushed before the end.
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
