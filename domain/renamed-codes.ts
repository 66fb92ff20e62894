// Codes renamed after cases were opened with them: the old code of each, and the current one it always
// meant. One mechanism for every renamed list (ATENSI components, categories, closure outcomes): a stored
// old code is recognised, and read or sent on as its current one.
export function renamedCodes<L extends string, C extends string>(legacy: Readonly<Record<L, C>>) {
  const isLegacy = (code: string): code is L => Object.hasOwn(legacy, code);
  return {
    isLegacy,
    /** The current code for any stored code; one that was never renamed (or is unknown) stays as it is. */
    shown: (code: string): string => (isLegacy(code) ? legacy[code] : code),
  };
}
