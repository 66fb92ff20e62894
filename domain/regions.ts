// Kemendagri region codes (kode wilayah, Permendagri): a province ("64") and its kabupaten/kota ("64.72").

/** The province part of a region code ("64.72" -> "64"). */
export function provinceOf(regionCode: string): string {
  return regionCode.slice(0, 2);
}

/** Whether a scope of regions ("*", a province, a kabupaten/kota) covers a region. */
export function regionCovers(scope: readonly string[], regionCode: string): boolean {
  return scope.some((r) => r === '*' || r === regionCode || regionCode.startsWith(`${r}.`));
}
