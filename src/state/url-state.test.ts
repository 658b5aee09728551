import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decodeStateHash, encodeStateHash } from './url-state';
import { DEFAULT_VIEW_STATE, type ViewState } from './view-state';

const vocab = { isIndicator: (id: string) => /^imd2025\.[a-z]+\.[a-z0-9]+$/.test(id), isPalette: (id: string) => ['viridis', 'YlOrRd'].includes(id) };

describe('share link state', () => {
  it('round-trips a full view state', () => {
    const s: ViewState = {
      ...DEFAULT_VIEW_STATE, level: 'lad24', indicator: 'imd2025.income.share20', palette: 'YlOrRd',
      classification: { method: 'ckmeans', classes: 6, custom: null, scope: 'england' },
      focus: { level: 'icb24', code: 'E54000057' }, viewport: { longitude: -2.2, latitude: 53.5, zoom: 9 }, selected: 'E08000003',
    };
    const back = decodeStateHash(encodeStateHash(s), vocab)!;
    expect(back.warnings).toEqual([]);
    expect(back.state).toEqual(s);
  });

  it('returns null for a link without state', () => {
    expect(decodeStateHash('', vocab)).toBeNull();
    expect(decodeStateHash('#about', vocab)).toBeNull();
  });

  it('a truncated link falls back to defaults with a message', () => {
    const h = encodeStateHash({ ...DEFAULT_VIEW_STATE, level: 'ward24' });
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

  it('reads a link from a newer version as far as possible', () => {
    const r = decodeStateHash('#s=' + LZString.compressToEncodedURIComponent(JSON.stringify({ v: 99, level: 'icb24', future: true })), vocab)!;
    expect(r.state.level).toBe('icb24');
    expect(r.warnings[0]).toMatch(/newer version/);
  });
});
