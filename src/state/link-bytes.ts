/**
 * Byte plumbing for share links: raw deflate (smaller than lz-string on our JSON, and Huffman-codes
 * digits well), base64url text that needs no escaping in a URL or an e-mail, fixed-width numbers in
 * the same alphabet, and a short check code that tells a damaged link from an intact one.
 */
import { deflateSync, strToU8 } from 'fflate';
import { inflateAtMost } from '../lib/bounded-inflate';
import { INPUT_LIMITS } from '../lib/input-limits';

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

type Unpacked =
  | { ok: true; text: string }
  /** `prefix`: the text before the damage or cut (its last character may be cut in half). */
  | { ok: false; reason: 'damaged' | 'too-big'; prefix: string };

/**
 * The whole text, or why not: damaged or incomplete (with the part before the damage: for a link
 * cut off by a mail program, that part is still good), or inflating past the share-link limit
 * (a decompression bomb: nothing of it is used).
 */
export function unpackText(packed: string, dictionary?: Uint8Array): Unpacked {
  if (!packed) return { ok: true, text: '' };
  const clean = packed.replace(/[^A-Za-z0-9_-].*$/, '');
  const r = inflateAtMost(base64UrlToBytes(clean) ?? new Uint8Array(0), INPUT_LIMITS.linkInflatedBytes, dictionary);
  if (!r.ok && r.reason === 'too-big') return { ok: false, reason: 'too-big', prefix: '' };
  const text = new TextDecoder('utf-8', { fatal: false }).decode(r.bytes);
  return r.ok && clean === packed ? { ok: true, text } : { ok: false, reason: 'damaged', prefix: text };
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
