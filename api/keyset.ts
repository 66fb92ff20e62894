// Keyset pagination cursors: opaque to clients, and a tampered cursor simply starts from the beginning.
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const encodeCursor = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString('base64url');

export function decodeCursor<T>(cursor: string | undefined, valid: (v: unknown) => v is T): T | undefined {
  if (!cursor) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString());
    return valid(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
