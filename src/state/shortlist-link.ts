/**
 * The shortlist's compact form in a share link. Area codes are GSS codes (entity prefix + 6 digits);
 * a list's codes share one or a few prefixes and a narrow number range, so each code is written as
 * prefix index × span + (number − min) in a fixed number of base64url characters: 200 LSOAs of one
 * ICB take 600 characters or fewer, against ~1,900 as JSON. No separators are needed, so a link
 * cut short still yields every whole code before the cut. Notes travel separately, deflated, one
 * "index TAB note" line each, so a cut in the notes keeps the notes before it.
 */
import { fixedWidth, packText, readFixedWidth, unpackText, widthFor } from './link-bytes';
import type { ShortlistSpec } from './shortlist-spec';

/** What the settings part of the link says about the codes part. */
export interface CodesHeader {
  /** Number of codes. */
  n: number;
  /** Characters per code. */
  w: number;
  /** Smallest code number, and the span of code numbers (max − min + 1). */
  m: number;
  s: number;
  /** Entity prefixes ("E01"). */
  p: string[];
}

/** The level, title and columns, plus the header of the codes part. */
export interface ShortlistHeader {
  l: string;
  t?: string;
  c?: ShortlistSpec['columns'];
  codes?: CodesHeader;
}

export interface PackedShortlist {
  header: ShortlistHeader;
  codes: string;
  notes: string;
}

export function packShortlist(s: ShortlistSpec): PackedShortlist {
  const header: ShortlistHeader = { l: s.level };
  if (s.title) header.t = s.title;
  if (s.columns.length) header.c = s.columns;
  if (!s.items.length) return { header, codes: '', notes: '' };
  const prefixes = [...new Set(s.items.map((it) => it.code.slice(0, 3)))];
  const nums = s.items.map((it) => Number(it.code.slice(3)));
  const min = Math.min(...nums);
  const span = Math.max(...nums) - min + 1;
  const w = widthFor(prefixes.length * span);
  header.codes = { n: s.items.length, w, m: min, s: span, p: prefixes };
  const codes = s.items.map((it, i) => fixedWidth(prefixes.indexOf(it.code.slice(0, 3)) * span + nums[i] - min, w)).join('');
  const lines = s.items.flatMap((it, i) => (it.note ? [`${i}\t${it.note.replace(/[\t\n\r]/g, ' ')}\n`] : []));
  return { header, codes, notes: packText(lines.join('')) };
}

export interface UnpackedShortlist {
  /** A shortlist-shaped object for the normaliser (which checks every field again). */
  shortlist: { level: unknown; title: unknown; columns: unknown; items: { code: string; note: string }[] };
  /** Codes the header announced, and how many were read. */
  expected: number;
  read: number;
  notesComplete: boolean;
  /** The notes inflate past the share-link limit (a decompression bomb): none were read. */
  notesTooBig: boolean;
}

const isInt = (x: unknown, lo: number, hi: number): x is number => Number.isInteger(x) && (x as number) >= lo && (x as number) <= hi;

function validCodes(h: unknown): h is CodesHeader {
  if (typeof h !== 'object' || h === null) return false;
  const c = h as Record<string, unknown>;
  return isInt(c.n, 0, 100_000) && isInt(c.w, 1, 6) && isInt(c.m, 0, 999_999) && isInt(c.s, 1, 1_000_000) &&
    Array.isArray(c.p) && c.p.length > 0 && c.p.length <= 16 && c.p.every((p) => typeof p === 'string' && /^[A-Z]\d\d$/.test(p));
}

/** Reads what it can; never throws. Codes that decode outside the header's range are skipped. */
export function unpackShortlist(header: ShortlistHeader, codes: string, notes: string): UnpackedShortlist {
  const items: { code: string; note: string }[] = [];
  const h = header.codes;
  let expected = 0;
  if (validCodes(h)) {
    expected = h.n;
    for (let i = 0; i < h.n && (i + 1) * h.w <= codes.length; i++) {
      const v = readFixedWidth(codes.slice(i * h.w, (i + 1) * h.w));
      if (v === null || v >= h.p.length * h.s) {
        items.push({ code: '', note: '' }); // keeps later indices aligned with their notes
        continue;
      }
      const num = h.m + (v % h.s);
      items.push({ code: `${h.p[Math.floor(v / h.s)]}${String(num).padStart(6, '0')}`, note: '' });
    }
  }
  const whole = unpackText(notes);
  const text = whole.ok ? whole.text : whole.prefix.replace(/[^\n]*$/, '');
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    const i = Number(line.slice(0, tab));
    if (tab > 0 && Number.isInteger(i) && i >= 0 && i < items.length) items[i].note = line.slice(tab + 1);
  }
  return {
    shortlist: { level: header.l, title: header.t, columns: header.c, items: items.filter((it) => it.code) },
    expected,
    read: items.length,
    notesComplete: whole.ok,
    notesTooBig: !whole.ok && whole.reason === 'too-big',
  };
}
