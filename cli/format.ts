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

/**
 * `key=value` is a string (region codes such as 32.04 stay strings); `key:=json` is a JSON value — a
 * number, true/false, null, a list — as in HTTPie.
 */
export function parseAssignment(text: string): [string, unknown] {
  const typed = /^([^:=]+):=(.*)$/s.exec(text);
  if (typed) {
    try {
      return [typed[1]!, JSON.parse(typed[2]!) as unknown];
    } catch {
      throw new Error(`"${typed[1]}:=" needs a JSON value (7, true, null, ["a"])`);
    }
  }
  const eq = text.indexOf('=');
  if (eq <= 0) throw new Error(`expected key=value or key:=json, got "${text}"`);
  return [text.slice(0, eq), text.slice(eq + 1)];
}
