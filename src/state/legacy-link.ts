/**
 * Reads format 1 share links (`#s=`, lz-string's compressToEncodedURIComponent), with a cap on the
 * output. lz-string is LZW-like: each code can name a dictionary entry one character longer than
 * the last, so n codes can expand to about n²/2 characters, and the library's decoder has no limit
 * (a link of a few hundred thousand characters asks for gigabytes). This decoder is the same
 * algorithm, stopping as soon as the text would pass `maxChars`.
 */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const VALUE = new Map([...ALPHABET].map((c, i) => [c, i]));

type LegacyDecoded = { ok: true; text: string } | { ok: false; reason: 'damaged' | 'too-big' };

export function decompressLegacyLink(input: string, maxChars: number): LegacyDecoded {
  const damaged: LegacyDecoded = { ok: false, reason: 'damaged' };
  const text = input.replace(/ /g, '+');
  if (!text) return damaged;
  // 6 bits per character, least significant first within each code, as lz-string writes them
  let index = 0;
  let value = 0;
  let position = 0;
  const bit = (): number | null => {
    if (position === 0) {
      if (index >= text.length) return null;
      const v = VALUE.get(text[index++]);
      if (v === undefined) return null;
      value = v;
      position = 32;
    }
    const b = value & position ? 1 : 0;
    position >>= 1;
    return b;
  };
  const bits = (n: number): number | null => {
    let out = 0;
    for (let k = 0; k < n; k++) {
      const b = bit();
      if (b === null) return null;
      out |= b << k;
    }
    return out;
  };

  const dictionary: string[] = [];
  let dictSize = 4;
  let numBits = 3;
  let enlargeIn = 4;
  let length = 0;
  const parts: string[] = [];

  const literal = (kind: number): string | null => {
    const code = bits(kind === 0 ? 8 : 16);
    return code === null ? null : String.fromCharCode(code);
  };
  const first = bits(2);
  if (first === null || first === 2) return first === 2 ? { ok: true, text: '' } : damaged;
  let w = literal(first);
  if (w === null) return damaged;
  dictionary[3] = w;
  parts.push(w);
  length = 1;
  for (;;) {
    let c = bits(numBits);
    if (c === null) return damaged;
    if (c === 2) return { ok: true, text: parts.join('') };
    if (c === 0 || c === 1) {
      const ch = literal(c);
      if (ch === null) return damaged;
      dictionary[dictSize++] = ch;
      c = dictSize - 1;
      if (--enlargeIn === 0) {
        enlargeIn = 2 ** numBits;
        numBits++;
      }
    }
    let entry: string;
    if (dictionary[c] !== undefined) entry = dictionary[c];
    else if (c === dictSize) entry = w + w[0];
    else return damaged;
    length += entry.length;
    if (length > maxChars) return { ok: false, reason: 'too-big' };
    parts.push(entry);
    dictionary[dictSize++] = w + entry[0];
    w = entry;
    if (--enlargeIn === 0) {
      enlargeIn = 2 ** numBits;
      numBits++;
    }
  }
}
