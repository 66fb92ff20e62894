// CPU readings every benchmark takes the same way: the Temporal dev server it started and the whole
// machine, from /proc (Linux); null where /proc cannot be read, so a report says n/a instead of guessing.
import fs from 'node:fs';

/** A process's name, parent and CPU time (ms) from its `/proc/<pid>/stat`; null where it cannot be read. */
function procStat(pid: number | string): { name: string; ppid: number; cpuMs: number } | null {
  let stat: string;
  try {
    stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return null;
  }
  // Fields after the name: state, ppid, … utime (14th field) and stime (15th), in 1/100 s.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { name: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')), ppid: Number(fields[1]), cpuMs: (Number(fields[11]) + Number(fields[12])) * 10 };
}

/** CPU time (ms) of the Temporal dev server we started, from /proc; null where that cannot be read. */
export function devServerCpuMs(): number | null {
  try {
    const ours = fs
      .readdirSync('/proc')
      .filter((e) => /^\d+$/.test(e))
      .map(procStat)
      .filter((p) => p !== null && p.ppid === process.pid && p.name.startsWith('temporal'));
    return ours.length ? ours.reduce((a, p) => a + p!.cpuMs, 0) : null;
  } catch {
    return null;
  }
}

/** CPU time (ms) of one process, every thread, from /proc; null where that cannot be read. */
export function processCpuMs(pid: number): number | null {
  return procStat(pid)?.cpuMs ?? null;
}

/** Busy CPU time (ms) of the whole machine since boot, from /proc/stat; null where that cannot be read. */
export function machineCpuMs(): number | null {
  try {
    const [, ...ticks] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).map(Number);
    // user nice system idle iowait irq softirq steal …: everything but idle and iowait is busy.
    const busy = ticks.slice(0, 8).reduce((a, b, i) => (i === 3 || i === 4 ? a : a + b), 0);
    return Number.isFinite(busy) ? busy * 10 : null;
  } catch {
    return null;
  }
}
