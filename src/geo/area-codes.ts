/** GSS area codes (a letter for the nation, then eight digits: E01 = LSOA, E05 = ward, ...). */
const GSS = /^[EWSNK]\d{8}$/;

/** True for a syntactically valid GSS code (letter + 8 digits). */
export function isGssCode(s: string): boolean {
  return GSS.test(s);
}
