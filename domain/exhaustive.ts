/** The compiler's proof that a switch covers every member of a union; reaching it at run time is a bug. */
export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${String(value)}`);
}
