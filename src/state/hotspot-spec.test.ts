import { describe, expect, it } from 'vitest';
import { DEFAULT_HOTSPOT_SPEC, normaliseHotspotSpec } from './hotspot-spec';
import { normaliseState } from './normalise-state';
import { decodeStateHash, encodeStateHash } from './url-state';
import { DEFAULT_VIEW_STATE } from './view-state';

const vocab = { isIndicator: () => true, isPalette: () => true };

describe('normaliseHotspotSpec', () => {
  it('keeps a valid spec as it is', () => {
    const spec = {
      stat: 'bilisa', x: { id: 'smoking.aps.current', dims: { period: '2023' } }, y: { id: 'cancer.incidence.dsr', dims: { sex: 'persons' } },
      weights: { kind: 'band', k: 6, bandKm: 12.5, style: 'B', islands: 'knn', file: null },
      permutations: 9999, seed: 4294967295, correction: 'bonferroni', alpha: 0.01,
    };
    expect(normaliseHotspotSpec(spec)).toEqual(spec);
  });

  it('repairs each bad field with its default and keeps the good ones', () => {
    const out = normaliseHotspotSpec({
      stat: 'getis', x: { id: 'imd2025.income.score', dims: { 'bad key!': 'x', period: 7 } }, y: 'cancer',
      weights: { kind: 'queen', k: 0, bandKm: -3, style: 'R', islands: 'drop', file: 42 },
      permutations: 98, seed: -1, correction: 'holm', alpha: 1,
    })!;
    const d = DEFAULT_HOTSPOT_SPEC;
    expect(out.stat).toBe(d.stat);
    expect(out.x).toEqual({ id: 'imd2025.income.score', dims: {} });
    expect(out.y).toEqual(d.y);
    expect(out.weights).toEqual({ ...d.weights, kind: 'queen' });
    expect([out.permutations, out.seed, out.correction, out.alpha]).toEqual([d.permutations, d.seed, d.correction, d.alpha]);
  });

  it('rejects permutations and k outside the engine limits, and non-whole seeds', () => {
    const out = normaliseHotspotSpec({ permutations: 100_000, seed: 1.5, weights: { kind: 'knn', k: 51 } })!;
    expect(out.permutations).toBe(999);
    expect(out.seed).toBe(1);
    expect(out.weights.k).toBe(8);
  });

  it('returns undefined for something that is not a spec, so the view state warns', () => {
    expect(normaliseHotspotSpec('gistar')).toBeUndefined();
    const r = normaliseState({ v: 1, hotspots: [1, 2] }, vocab);
    expect(r.state.hotspots).toEqual(DEFAULT_HOTSPOT_SPEC);
    expect(r.warnings.join(' ')).toMatch(/hotspot setting/);
  });

  it('travels through a share link unchanged', () => {
    const hotspots = { ...DEFAULT_HOTSPOT_SPEC, stat: 'lisa' as const, seed: 77, weights: { ...DEFAULT_HOTSPOT_SPEC.weights, kind: 'knn' as const, k: 5 } };
    const back = decodeStateHash(encodeStateHash({ ...DEFAULT_VIEW_STATE, mode: 'hotspots', hotspots }), vocab)!;
    expect(back.state.hotspots).toEqual(hotspots);
    expect(back.warnings).toEqual([]);
  });
});
