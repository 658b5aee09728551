/**
 * Byte plumbing for share links: raw deflate (smaller than lz-string on our JSON, and Huffman-codes
 * digits well), base64url text that needs no escaping in a URL or an e-mail, fixed-width numbers in
 * the same alphabet, and a short check code that tells a damaged link from an intact one.
 */
import { Inflate, deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DIGIT = new Map([...ALPHABET].map((c, i) => [c, i]));

function bytesToBase64Url(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, Math.ceil(((bytes.length - i) * 8) / 6));
    for (let k = 0; k < chars; k++) out += ALPHABET[(n >> (18 - 6 * k)) & 63];
  }
  return out;
}

/** null when the text has a character outside the alphabet (altered or mangled link). */
function base64UrlToBytes(text: string): Uint8Array | null {
  const out = new Uint8Array(Math.floor((text.length * 6) / 8));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (const c of text) {
    const d = DIGIT.get(c);
    if (d === undefined) return null;
    acc = ((acc << 6) | d) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, o);
}

/** Deflated text in base64url; a preset dictionary (the same bytes when unpacking) shortens typical text. */
export function packText(text: string, dictionary?: Uint8Array): string {
  return text ? bytesToBase64Url(deflateSync(strToU8(text), { level: 9, dictionary })) : '';
}

/** The whole text, or null if the data is damaged or incomplete. */
export function unpackText(packed: string, dictionary?: Uint8Array): string | null {
  if (!packed) return '';
  const bytes = base64UrlToBytes(packed);
  if (!bytes) return null;
  try {
    return strFromU8(inflateSync(bytes, { dictionary }));
  } catch {
    return null;
  }
}

/**
 * As much of the text as the bytes hold: for a link cut off by a mail program, the part before the
 * cut is still good. The last character may be cut in half, so the caller drops the last line.
 */
export function unpackTextPrefix(packed: string): string {
  const bytes = base64UrlToBytes(packed.replace(/[^A-Za-z0-9_-].*$/, ''));
  if (!bytes || !bytes.length) return '';
  const chunks: Uint8Array[] = [];
  try {
    const inf = new Inflate((chunk) => chunks.push(chunk));
    inf.push(bytes, false);
  } catch {
    // Garbage after the good part: keep what came out before it.
  }
  const all = new Uint8Array(chunks.reduce((s, c) => s + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    all.set(c, o);
    o += c.length;
  }
  return new TextDecoder('utf-8', { fatal: false }).decode(all);
}

/** `value` (0 ≤ value < 64^width) as exactly `width` alphabet characters, most significant first. */
export function fixedWidth(value: number, width: number): string {
  let out = '';
  for (let k = width - 1; k >= 0; k--) out += ALPHABET[Math.floor(value / 64 ** k) % 64];
  return out;
}

export function readFixedWidth(text: string): number | null {
  let v = 0;
  for (const c of text) {
    const d = DIGIT.get(c);
    if (d === undefined) return null;
    v = v * 64 + d;
  }
  return v;
}

/** Characters needed to write every value below `count`. */
export function widthFor(count: number): number {
  let w = 1;
  while (64 ** w < count) w++;
  return w;
}

/**
 * FNV-1a over the text as 7 base-36 characters: letters and digits only, so no link detector trims it
 * off, and a fixed length, so a check code cut in half is told apart from a changed one.
 */
export function checkCode(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36).padStart(7, '0');
}
