// Compact text for a terminal: one case per line, aligned columns.
export interface CaseLine {
  caseId: string;
  stage: string;
  category: string;
  riskLevel: string;
  regionCode: string;
  escalationLevel: number;
  nextDeadline: { kind: string; dueAt: string | null } | null;
}

export function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  return rows.map((r) => r.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd());
}

export function caseTable(items: CaseLine[]): string[] {
  return table([
    ['CASE', 'STAGE', 'CATEGORY', 'RISK', 'REGION', 'LEVEL', 'NEXT DEADLINE'],
    ...items.map((c) => [
      c.caseId,
      c.stage,
      c.category,
      c.riskLevel,
      c.regionCode,
      String(c.escalationLevel),
      c.nextDeadline ? `${c.nextDeadline.kind} ${c.nextDeadline.dueAt ?? ''}`.trim() : '-',
    ]),
  ]);
}

export interface EventLine {
  seq: number;
  type: string;
  at: string;
  actor: { id: string; role: string };
  stage: string;
}

export const eventLine = (e: EventLine) => `${String(e.seq).padStart(4)}  ${e.at}  ${e.type.padEnd(28)} ${e.actor.role}:${e.actor.id}  (${e.stage})`;

/** `key=value` → a typed value: numbers, booleans and null as such, everything else a string. */
export function parseAssignment(text: string): [string, unknown] {
  const eq = text.indexOf('=');
  if (eq <= 0) throw new Error(`expected key=value, got "${text}"`);
  const key = text.slice(0, eq);
  const raw = text.slice(eq + 1);
  if (raw === 'true' || raw === 'false') return [key, raw === 'true'];
  if (raw === 'null') return [key, null];
  if (/^-?\d+(\.\d+)?$/.test(raw)) return [key, Number(raw)];
  return [key, raw];
}
