import { booleanClockwise } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { geometryBbox, normaliseGeometry, normaliseRing, ringSignedArea } from './geojson-geometry';
import type { AreaGeometry } from './types';

const ccw = [[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]];

describe('ringSignedArea', () => {
  it('is positive counter-clockwise, negative clockwise, and agrees with turf', () => {
    expect(ringSignedArea(ccw)).toBe(1);
    expect(ringSignedArea([...ccw].reverse())).toBe(-1);
    const far = [[-2.3, 53.4], [-2.3, 53.45], [-2.25, 53.45], [-2.25, 53.4], [-2.3, 53.4]];
    expect(ringSignedArea(far) < 0).toBe(booleanClockwise(far));
  });
});

describe('normaliseRing', () => {
  it('winds as asked and rounds to the requested decimals', () => {
    expect(normaliseRing(ccw, false)).toEqual([[0, 0], [0, 1], [1, 1], [1, 0], [0, 0]]);
    expect(normaliseRing([[0.1234567, 0], [1, 0], [1, 1], [0.1234567, 0]], true)).toEqual([[0.123457, 0], [1, 0], [1, 1], [0.123457, 0]]);
  });

  it('drops altitude, removes duplicates created by rounding, and closes the ring', () => {
    const ring = [[0, 0, 12], [1, 0, 12], [1.0000001, 0, 12], [1, 1, 12], [0, 1, 12]];
    expect(normaliseRing(ring, true)).toEqual([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]);
  });

  it('rejects rings it cannot make valid instead of writing them', () => {
    expect(normaliseRing([[0, 0], [1, 0], [0, 0]], true)).toBeNull(); // too few positions
    expect(normaliseRing([[0, 0], [1, 0], [2, 0], [0, 0]], true)).toBeNull(); // zero area
    expect(normaliseRing([[0, 0], [NaN, 0], [1, 1], [0, 0]], true)).toBeNull();
    expect(normaliseRing([[0, 0], [181, 0], [1, 1], [0, 0]], true)).toBeNull(); // not lon/lat
    expect(normaliseRing([[0, 0], [1], [1, 1], [0, 0]], true)).toBeNull();
    expect(normaliseRing('nope' as unknown as number[][], true)).toBeNull();
  });
});

describe('normaliseGeometry', () => {
  it('keeps a polygon with its holes and drops only collapsed holes', () => {
    const hole = [[0.2, 0.2], [0.4, 0.2], [0.4, 0.4], [0.2, 0.2]];
    const collapsed = [[0.5, 0.5], [0.6, 0.5], [0.7, 0.5], [0.5, 0.5]];
    const g = normaliseGeometry({ type: 'Polygon', coordinates: [ccw, hole, collapsed] });
    // Promoted to MultiPolygon so a layer never mixes the two types.
    expect(g?.type).toBe('MultiPolygon');
    expect(g?.coordinates).toHaveLength(1);
    expect(g?.coordinates[0]).toHaveLength(2);
  });

  it('returns null for missing, unsupported or fully collapsed geometry', () => {
    expect(normaliseGeometry(undefined)).toBeNull();
    expect(normaliseGeometry(null)).toBeNull();
    expect(normaliseGeometry({ type: 'Point', coordinates: [0, 0] } as unknown as AreaGeometry)).toBeNull();
    expect(normaliseGeometry({ type: 'Polygon', coordinates: [] })).toBeNull();
    expect(normaliseGeometry({ type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 0], [0, 0]]]] })).toBeNull();
  });
});

describe('geometryBbox', () => {
  it('spans the exterior rings of all geometries and is null when there are none', () => {
    const a = normaliseGeometry({ type: 'Polygon', coordinates: [ccw] });
    const b = normaliseGeometry({ type: 'MultiPolygon', coordinates: [[[[-3, 5], [-2, 5], [-2, 6], [-3, 5]]]] });
    expect(geometryBbox([a, null, b])).toEqual([-3, 0, 1, 6]);
    expect(geometryBbox([null])).toBeNull();
  });
});
