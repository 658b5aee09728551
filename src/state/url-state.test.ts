import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { INPUT_LIMITS } from '../lib/input-limits';
import { checkCode, packText } from './link-bytes';
import { LINK_DICTIONARY_V2 } from './link-dictionary';
import { decodeStateHash, encodeStateHash } from './url-state';
import type { ShortlistSpec } from './shortlist-spec';
import { DEFAULT_VIEW_STATE, type ViewState } from './view-state';

import { findIndicator } from '../data/catalogue';
import { isPaletteId } from '../map/palettes';

/** The app's own vocabulary, so every feature's default settings count as valid. */
const vocab = { isIndicator: (id: string) => findIndicator(id) !== undefined, isPalette: isPaletteId };

/** Deterministic pseudo-random LSOA 2021 codes over England's whole code range (the worst case for packing). */
function lsoaCodes(n: number, seed = 7): string[] {
  const out = new Set<string>();
  let x = seed;
  while (out.size < n) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out.add(`E01${String(1 + (x % 35_672)).padStart(6, '0')}`);
  }
  return [...out];
}

const NOTES = ['Check with PCN lead', 'Pharmacy on high street; talk to LPC', 'High smoking, low screening uptake', 'Outreach van possible', 'Community centre'];
/** A different note on every area (the worst case for compression): a phrase plus a number and a name. */
const note = (i: number) => `${NOTES[i % NOTES.length]} (${['Ahmed', 'Brown', 'Chen', 'Davies', 'Evans', 'Singh', 'Jones'][(i * 7) % 7]}, visit ${1 + ((i * 37) % 28)} Mar)`;

function withShortlist(n: number, notes: boolean): ViewState {
  const shortlist: ShortlistSpec = {
    level: 'lsoa21', title: 'Lung health check targets – Greater Manchester',
    items: lsoaCodes(n).map((code, i) => ({ code, note: notes ? note(i) : '' })),
    columns: [{ id: 'imd2025.income.score', dims: {} }],
  };
  return { ...DEFAULT_VIEW_STATE, level: 'lsoa21', focus: { level: 'icb24', code: 'E54000057' }, viewport: { longitude: -2.2, latitude: 53.5, zoom: 9.5 }, shortlist };
}

describe('share link state', () => {
  it('round-trips a full view state, shortlist and notes included', () => {
    const s: ViewState = {
      ...withShortlist(40, true), indicator: 'imd2025.income.share20', palette: 'YlOrRd',
      classification: { method: 'ckmeans', classes: 6, custom: null, scope: 'england' }, selected: 'E01005000',
    };
    const back = decodeStateHash(encodeStateHash(s), vocab)!;
    expect(back.warnings).toEqual([]);
    expect(back.state).toEqual(s);
  });

  it('carries the open tab and wide panel, and reads links made before they were kept as "not chosen"', () => {
    const s: ViewState = { ...DEFAULT_VIEW_STATE, mode: 'composite', tab: 'shortlist', drawer: 'table' };
    const back = decodeStateHash(encodeStateHash(s), vocab)!;
    expect(back.warnings).toEqual([]);
    expect([back.state.tab, back.state.drawer]).toEqual(['shortlist', 'table']);
    // A link without the keys (an older link, or one with the defaults) leaves them null: the app then opens the map mode's tab.
    const { tab: _t, drawer: _d, ...old } = s;
    const oldLink = `#s2=${packText(JSON.stringify(old), LINK_DICTIONARY_V2)}..`;
    const fromOld = decodeStateHash(`${oldLink}.${checkCode(oldLink.slice(4))}`, vocab)!;
    expect(fromOld.warnings).toEqual([]);
    expect([fromOld.state.mode, fromOld.state.tab, fromOld.state.drawer]).toEqual(['composite', null, null]);
    expect(encodeStateHash({ ...s, tab: null, drawer: null }).length).toBeLessThan(encodeStateHash(s).length);
  });

  it('carries the practice layer, register, practice, PCN and "Find practices" conditions; links made before them open as before', () => {
    const find = { level: 'pcn' as const, conditions: [{ measure: 'qof.can.prevalence', test: { kind: 'significantly-above' as const }, weight: 2, first: 'lower' as const }, { measure: 'qof.list_size', test: { kind: 'at-least' as const, value: 8000 }, weight: 0, first: 'higher' as const }] };
    const s: ViewState = { ...DEFAULT_VIEW_STATE, tab: 'practices', drawer: 'practice', practices: { show: true, measure: 'qof.copd.prevalence', selected: 'B82005', pcn: 'U12345', find } };
    const back = decodeStateHash(encodeStateHash(s), vocab)!;
    expect(back.warnings).toEqual([]);
    expect(back.state).toEqual(s);
    // An older link has no "practices" key: it opens with practices off and nothing selected, without a warning.
    const { practices: _p, ...old } = { ...s, tab: 'map', drawer: 'table' };
    const oldLink = `#s2=${packText(JSON.stringify(old), LINK_DICTIONARY_V2)}..`;
    const fromOld = decodeStateHash(`${oldLink}.${checkCode(oldLink.slice(4))}`, vocab)!;
    expect(fromOld.warnings).toEqual([]);
    expect(fromOld.state).toEqual({ ...DEFAULT_VIEW_STATE, tab: 'map', drawer: 'table' });
    // The default practice view is left out of links, so links that do not use it stay as short as before.
    expect(encodeStateHash(DEFAULT_VIEW_STATE).length).toBeLessThan(encodeStateHash({ ...DEFAULT_VIEW_STATE, practices: { ...DEFAULT_VIEW_STATE.practices, show: true } }).length);
  });

  it('carries the shortlisted practices and PCNs; links made before them open with none, and bad entries are left out', () => {
    const s: ViewState = { ...DEFAULT_VIEW_STATE, shortlistPractices: [{ kind: 'practice', code: 'B82005' }, { kind: 'pcn', code: 'U12345' }] };
    const back = decodeStateHash(encodeStateHash(s), vocab)!;
    expect(back.warnings).toEqual([]);
    expect(back.state).toEqual(s);
    const { shortlistPractices: _sp, ...old } = { ...s, tab: 'shortlist' };
    const oldLink = `#s2=${packText(JSON.stringify(old), LINK_DICTIONARY_V2)}..`;
    const fromOld = decodeStateHash(`${oldLink}.${checkCode(oldLink.slice(4))}`, vocab)!;
    expect(fromOld.warnings).toEqual([]);
    expect(fromOld.state).toEqual({ ...DEFAULT_VIEW_STATE, tab: 'shortlist' });
    const bad = `#s2=${packText(JSON.stringify({ ...old, shortlistPractices: [{ kind: 'practice', code: '=cmd' }, { kind: 'pcn', code: 'U12345' }] }), LINK_DICTIONARY_V2)}..`;
    expect(decodeStateHash(`${bad}.${checkCode(bad.slice(4))}`, vocab)!.state.shortlistPractices).toEqual([{ kind: 'pcn', code: 'U12345' }]);
    expect(encodeStateHash(DEFAULT_VIEW_STATE).length).toBeLessThan(encodeStateHash(s).length);
  });

  it('ignores a tab or panel id that is not a plain id', () => {
    const body = `${packText(JSON.stringify({ v: 1, tab: '<img src=x>', drawer: 42 }), LINK_DICTIONARY_V2)}..`;
    const back = decodeStateHash(`#s2=${body}.${checkCode(body)}`, vocab)!;
    expect([back.state.tab, back.state.drawer]).toEqual([null, null]);
    expect(back.warnings).toEqual(['Ignored an invalid tab in the link.', 'Ignored an invalid wide panel in the link.']);
  });

  it('packs local-authority codes of several prefixes', () => {
    const items = ['E09000033', 'E06000001', 'E08000003', 'E07000240'].map((code) => ({ code, note: '' }));
    const s = { ...DEFAULT_VIEW_STATE, level: 'lad24' as const, shortlist: { level: 'lad24' as const, title: '', items, columns: [] } };
    const back = decodeStateHash(encodeStateHash(s), vocab)!;
    expect(back.state.shortlist.items.map((i) => i.code)).toEqual(items.map((i) => i.code));
  });

  it('keeps a 200-area shortlist within link lengths browsers and mail programs accept', () => {
    const plain = encodeStateHash(withShortlist(200, false)).length;
    const noted = encodeStateHash(withShortlist(200, true)).length;
    const json = LZString.compressToEncodedURIComponent(JSON.stringify(withShortlist(200, true))).length;
    console.info(`share link hash, 200 LSOAs: ${plain} chars without notes, ${noted} with a different note on every area (format 1 would take ${json})`);
    // 2,000 characters is the classic safe limit (old Internet Explorer, Outlook's hyperlink dialog);
    // current browsers take 2 million, and links up to ~8,000 survive the common mail programs.
    expect(plain).toBeLessThan(1000);
    expect(noted).toBeLessThan(8000);
    expect(noted).toBeLessThan(json / 2);
  });

  it('returns null for a link without state', () => {
    expect(decodeStateHash('', vocab)).toBeNull();
    expect(decodeStateHash('#about', vocab)).toBeNull();
  });

  it('a link cut anywhere never throws and keeps everything before the cut', () => {
    const s = withShortlist(60, true);
    const h = encodeStateHash(s);
    const settingsEnd = h.indexOf('.');
    for (let cut = 4; cut < h.length; cut += 3) {
      const r = decodeStateHash(h.slice(0, cut), vocab)!;
      expect(r.warnings.length).toBeGreaterThan(0);
      const codes = r.state.shortlist.items.map((i) => i.code);
      expect(codes).toEqual(s.shortlist.items.slice(0, codes.length).map((i) => i.code));
      if (cut > settingsEnd) expect(r.state.focus).toEqual(s.focus);
    }
    const cutInCodes = decodeStateHash(h.slice(0, settingsEnd + 1 + 30 * 3 + 2), vocab)!;
    expect(cutInCodes.state.shortlist.items).toHaveLength(30);
    expect(cutInCodes.warnings[0]).toMatch(/30 of the 60 shortlisted areas/);
  });

  it('an altered link is read as far as possible, with a message', () => {
    const h = encodeStateHash(withShortlist(20, false));
    const dot = h.indexOf('.') + 1;
    const swapped = h.slice(0, dot) + (h[dot] === 'A' ? 'B' : 'A') + h.slice(dot + 1);
    const r = decodeStateHash(swapped, vocab)!;
    expect(r.warnings.join(' ')).toMatch(/altered/);
    expect(r.state.shortlist.items).toHaveLength(20);
  });

  it('notes with markup or control characters stay inert text', () => {
    const s = withShortlist(3, false);
    s.shortlist.items[0].note = '<img src=x onerror=alert(1)>';
    s.shortlist.items[1].note = '=HYPERLINK("http://x","y")';
    const r = decodeStateHash(encodeStateHash(s), vocab)!;
    expect(r.state.shortlist.items[0].note).toBe('<img src=x onerror=alert(1)>');
    expect(r.state.shortlist.items[1].note).toBe('=HYPERLINK("http://x","y")');
    const spoof = decodeStateHash(encodeStateHash({ ...s, shortlist: { ...s.shortlist, title: 'a\u202eexe.pdf\u0007' } }), vocab)!;
    expect(spoof.state.shortlist.title).toBe('a exe.pdf ');
  });

  it('codes of another level or shape are dropped with a message', () => {
    const s = withShortlist(3, false);
    const bad = { ...s, shortlist: { ...s.shortlist, level: 'ward24' as const } };
    const r = decodeStateHash(encodeStateHash(bad), vocab)!;
    expect(r.state.shortlist.items).toEqual([]);
    expect(r.warnings.join(' ')).toMatch(/3 shortlisted area codes were not valid/);
  });

  it('opens format 1 links (before the shortlist) without complaint', () => {
    const v1 = { v: 1, level: 'ward24', indicator: 'imd2025.income.score', dims: {}, palette: 'viridis', classification: null, focus: { level: 'icb24', code: 'E54000057' }, viewport: { longitude: -2.2, latitude: 53.5, zoom: 9 }, selected: null, mode: 'indicator' };
    const r = decodeStateHash('#s=' + LZString.compressToEncodedURIComponent(JSON.stringify(v1)), vocab)!;
    expect(r.warnings).toEqual([]);
    expect(r.state.level).toBe('ward24');
    expect(r.state.focus).toEqual(v1.focus);
    expect(r.state.shortlist.items).toEqual([]);
  });

  it('a truncated format 1 link falls back to defaults with a message', () => {
    const h = '#s=' + LZString.compressToEncodedURIComponent(JSON.stringify({ v: 1, level: 'ward24' }));
    const r = decodeStateHash(h.slice(0, h.length - 7), vocab)!;
    expect(r.warnings.length).toBeGreaterThan(0);
    expect(r.state.level).toBeDefined();
  });

  it('tampered values are dropped key by key and never passed through', () => {
    const evil = { v: 1, level: 'ward24', indicator: '<img src=x onerror=alert(1)>', selected: "E01000001'; DROP TABLE areas; --", focus: { level: 'icb24', code: 'E54000057' }, viewport: { longitude: 999, latitude: 0, zoom: 3 } };
    const r = decodeStateHash('#s=' + LZString.compressToEncodedURIComponent(JSON.stringify(evil)), vocab)!;
    expect(r.state.level).toBe('ward24');
    expect(r.state.focus).toEqual({ level: 'icb24', code: 'E54000057' });
    expect(r.state.indicator).toBe(DEFAULT_VIEW_STATE.indicator);
    expect(r.state.selected).toBeNull();
    expect(r.state.viewport).toEqual(DEFAULT_VIEW_STATE.viewport);
    expect(r.warnings).toHaveLength(3);
  });

  it('garbage and links from newer formats show a message and the default view', () => {
    for (const h of ['#s2=', '#s2=%%%.x.y.z', '#s2=....', '#s2=AAAA']) {
      const r = decodeStateHash(h, vocab)!;
      expect(r.warnings.length).toBeGreaterThan(0);
      expect(r.state.level).toBe(DEFAULT_VIEW_STATE.level);
    }
    expect(decodeStateHash('#s9=abc', vocab)!.warnings[0]).toMatch(/newer version/);
    const r = decodeStateHash('#s=' + LZString.compressToEncodedURIComponent(JSON.stringify({ v: 99, level: 'icb24', future: true })), vocab)!;
    expect(r.state.level).toBe('icb24');
    expect(r.warnings[0]).toMatch(/newer version/);
  });

  describe('size limits (input-limits.ts)', () => {
    const refusedWith = (hash: string, pattern: RegExp) => {
      const r = decodeStateHash(hash, vocab)!;
      expect(r.refused).toBe(true);
      expect(r.warnings).toHaveLength(1);
      expect(r.warnings[0]).toMatch(/^This share link: /);
      expect(r.warnings[0]).toMatch(pattern);
      expect(r.warnings[0]).toMatch(/The view was not changed/);
    };

    it('refuses a link longer than the limit without unpacking it', () => {
      refusedWith(`#s2=${'A'.repeat(INPUT_LIMITS.linkChars + 1)}`, /has 1,000,00\d characters; the atlas reads at most 1,000,000 characters in a share link/);
      refusedWith(`#s=${'A'.repeat(INPUT_LIMITS.legacyLinkChars + 1)}`, /at most 20,000 characters in an old-style share link/);
    });

    it('refuses settings or notes that inflate past the limit (a decompression bomb)', () => {
      const bigSettings = packText(JSON.stringify({ level: 'lsoa21', title: 'x'.repeat(4 << 20) }), LINK_DICTIONARY_V2);
      expect(bigSettings.length).toBeLessThan(20_000);
      const body = `${bigSettings}..`;
      refusedWith(`#s2=${body}.${checkCode(body)}`, /unpack to at most 1 MB/);

      const s = withShortlist(3, true);
      const h = encodeStateHash(s).split('.');
      const notes = packText(`0\t${'n'.repeat(4 << 20)}\n`);
      const bombed = `${h[0]}.${h[1]}.${notes}`;
      refusedWith(`${bombed}.${checkCode(bombed.slice(4))}`, /unpack to at most 1 MB/);
    });

    it('refuses a format 1 link whose lz-string codes expand quadratically past the limit', () => {
      const link = LZString.compressToEncodedURIComponent('a'.repeat(1_200_000));
      expect(link.length).toBeLessThan(INPUT_LIMITS.legacyLinkChars);
      refusedWith(`#s=${link}`, /unpack to at most 1 MB/);
    });

    it('still reads the longest link the atlas makes (500 areas, 500-character notes)', () => {
      const s = withShortlist(500, false);
      s.shortlist.items.forEach((it, i) => (it.note = Array.from({ length: 500 }, (_, k) => String.fromCharCode(0x4e00 + ((i * 7919 + k * 104729) % 20000))).join('')));
      const h = encodeStateHash(s);
      expect(h.length).toBeLessThan(INPUT_LIMITS.linkChars);
      const back = decodeStateHash(h, vocab)!;
      expect(back.refused).toBeUndefined();
      expect(back.warnings).toEqual([]);
      expect(back.state.shortlist.items).toEqual(s.shortlist.items);
    });
  });
});
