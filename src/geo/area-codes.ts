/**
 * Branded GSS area codes. The brand makes mixing vintages (e.g. passing an LSOA 2011 code where an
 * LSOA 2021 code is expected) a compile error instead of a silent mis-join.
 */
declare const brand: unique symbol;
type Brand<T, B extends string> = T & { readonly [brand]: B };

export type Lsoa21Code = Brand<string, 'Lsoa21Code'>;
export type Lsoa11Code = Brand<string, 'Lsoa11Code'>;
export type Ward24Code = Brand<string, 'Ward24Code'>;
export type Lad24Code = Brand<string, 'Lad24Code'>;
export type Lad19Code = Brand<string, 'Lad19Code'>;
export type Icb24Code = Brand<string, 'Icb24Code'>;
export type Sicbl24Code = Brand<string, 'Sicbl24Code'>;

/** Any area code when the level is carried alongside it. */
export type AreaCode = string;

const GSS = /^[EWSNK]\d{8}$/;

/** True for a syntactically valid GSS code (letter + 8 digits). */
export function isGssCode(s: string): boolean {
  return GSS.test(s);
}

/** The three-character entity prefix of a GSS code (E01 = LSOA, E05 = ward, ...). */
export function gssEntity(code: string): string {
  return code.slice(0, 3);
}
