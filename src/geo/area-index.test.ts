import { describe, expect, it } from 'vitest';
import { topology } from 'topojson-server';
import { areaAt, buildAreaIndex } from './area-index';
import { topologyToBinary } from './topology-binary';

describe('areaAt', () => {
  const square = (x: number, y: number, s: number) => [[x, y], [x + s, y], [x + s, y + s], [x, y + s], [x, y]];
  const fc = {
    type: 'FeatureCollection' as const,
    features: [
      { type: 'Feature' as const, id: 'A', properties: null, geometry: { type: 'Polygon' as const, coordinates: [square(0, 0, 1)] } },
      // B has a hole where C sits: a point in the hole is C, not B.
      { type: 'Feature' as const, id: 'B', properties: null, geometry: { type: 'Polygon' as const, coordinates: [square(1, 0, 2), square(1.5, 0.5, 1).reverse()] } },
      { type: 'Feature' as const, id: 'C', properties: null, geometry: { type: 'Polygon' as const, coordinates: [square(1.5, 0.5, 1)] } },
      { type: 'Feature' as const, id: 'D', properties: null, geometry: { type: 'MultiPolygon' as const, coordinates: [[square(5, 5, 1)], [square(8, 0, 1)]] } },
    ],
  };
  const g = topologyToBinary(topology({ a: fc }), 'a');
  const idx = buildAreaIndex(g, 8, 8);

  it('finds the area under a point, respecting holes and multipolygons', () => {
    expect(g.ids[areaAt(idx, g, 0.5, 0.5)]).toBe('A');
    expect(g.ids[areaAt(idx, g, 1.2, 0.2)]).toBe('B');
    expect(g.ids[areaAt(idx, g, 2.0, 1.0)]).toBe('C');
    expect(g.ids[areaAt(idx, g, 8.5, 0.5)]).toBe('D');
    expect(g.ids[areaAt(idx, g, 5.5, 5.5)]).toBe('D');
  });

  it('returns −1 outside every area', () => {
    expect(areaAt(idx, g, 4, 4)).toBe(-1);
    expect(areaAt(idx, g, -10, 0)).toBe(-1);
  });
});
