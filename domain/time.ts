// Durations and instants as the case rules use them: durations in milliseconds, instants as ISO strings
// (a case file must survive JSON and continue-as-new unchanged).
export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export const iso = (d: Date) => d.toISOString();
export const plus = (at: string | Date, ms: number) => new Date(new Date(at).getTime() + ms).toISOString();
export const ms = (at: string) => new Date(at).getTime();
