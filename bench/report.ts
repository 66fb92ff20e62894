// Writes one benchmark's section into docs/BENCHMARKS.md, replacing its previous result.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const FILE = path.join(__dirname, '..', 'docs', 'BENCHMARKS.md');

export function machine(): string {
  const cpus = os.cpus();
  return `${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export function writeSection(id: string, body: string): void {
  const header = '# Benchmarks\n\nMeasured with the commands shown, on the machine shown; each section is rewritten by its benchmark.\n';
  const current = fs.existsSync(FILE) ? fs.readFileSync(FILE, 'utf8') : header;
  const begin = `<!-- bench:${id}:begin -->`;
  const end = `<!-- bench:${id}:end -->`;
  const section = `${begin}\n${body.trim()}\n${end}`;
  const pattern = new RegExp(`${begin}[\\s\\S]*?${end}`);
  const next = pattern.test(current) ? current.replace(pattern, section) : `${current.trimEnd()}\n\n${section}\n`;
  fs.mkdirSync(path.dirname(FILE), { recursive: true });
  fs.writeFileSync(FILE, next);
}

/** The URL with its password masked, for what the benchmarks print and write. */
export function shownUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '…';
  }
}

/** The environment a run's command line shows: the Temporal address and the database (password masked). */
export function runEnv(): string[] {
  return [
    ...(process.env.TEMPORAL_ADDRESS ? [`TEMPORAL_ADDRESS=${process.env.TEMPORAL_ADDRESS}`] : []),
    ...(process.env.DATABASE_URL ? [`DATABASE_URL=${shownUrl(process.env.DATABASE_URL)}`] : []),
  ];
}
