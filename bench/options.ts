// Command-line options shared by the benchmark entry points.

/** A commander parser for an integer option of at least `min`; `name` is the flag, for the error. */
export const integer = (name: string, min: number) => (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be an integer of at least ${min}`);
  return n;
};
