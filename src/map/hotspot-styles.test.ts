import { describe, expect, it } from 'vitest';
import { G_CLASSES, LISA_CLASSES } from '../analysis/stats/cluster-classes';
import { HATCH_INK, HOTSPOT_CLASS_STYLES, HOTSPOT_PATTERNS, hotspotColours, hotspotSwatchCss, type HotspotClassKey } from './hotspot-styles';

const significant = (k: string) => k !== 'not-significant' && k !== 'no-neighbours' && k !== 'no-value';

describe('hotspot class styles', () => {
  it('hatches exactly the significant classes, with a pattern that differs within each statistic', () => {
    for (const list of [G_CLASSES, LISA_CLASSES]) {
      for (const k of list) expect(k in HOTSPOT_PATTERNS).toBe(significant(k));
      const patterns = list.filter(significant).map((k) => JSON.stringify(HOTSPOT_PATTERNS[k]));
      expect(new Set(patterns).size).toBe(patterns.length);
    }
  });

  it('gives every class of a statistic its own fill colour', () => {
    for (const list of [[...G_CLASSES, 'no-value'], [...LISA_CLASSES, 'no-value']] as HotspotClassKey[][]) {
      const fills = list.map((k) => HOTSPOT_CLASS_STYLES[k].fill.join());
      expect(new Set(fills).size).toBe(fills.length);
    }
  });

  it('writes fill and ink per area; ink is transparent where nothing is significant', () => {
    const keys: HotspotClassKey[] = ['not-significant', 'hot-99', 'no-value'];
    const { fill, ink } = hotspotColours(Uint8Array.from([0, 1, 2]), keys);
    expect([...fill.subarray(4, 8)]).toEqual(HOTSPOT_CLASS_STYLES['hot-99'].fill);
    expect([...ink.subarray(4, 8)]).toEqual(HATCH_INK);
    expect(ink[3]).toBe(0);
    expect(ink[11]).toBe(0);
  });

  it('draws the same pattern in legend swatches', () => {
    expect(hotspotSwatchCss('hot-99')).toMatch(/^repeating-linear-gradient\(135deg, .* rgba\(178, 24, 43, 1\.00\)$/);
    expect(hotspotSwatchCss('cold-99')).toMatch(/^repeating-linear-gradient\(45deg/);
    expect(hotspotSwatchCss('high-low').match(/repeating-linear-gradient/g)).toHaveLength(2);
    expect(hotspotSwatchCss('low-high')).toMatch(/^radial-gradient/);
    expect(hotspotSwatchCss('not-significant')).toBe('rgba(240, 240, 240, 1.00)');
  });
});
