import { describe, expect, it } from 'vitest';
import { placeRadius } from './delivery-points-layer';
import { placeAt } from './place-at';

// A flat projection: 100 px per degree, y down.
const project = (lon: number, lat: number): [number, number] => [lon * 100, -lat * 100];
const set = (pts: [number, number][]) => ({ lon: Float64Array.from(pts, (p) => p[0]), lat: Float64Array.from(pts, (p) => p[1]) });

describe('placeAt', () => {
  const a = set([[0, 0], [1, 0]]);
  const b = set([[0.05, 0]]);

  it('finds the nearest place within the ring radius, across files', () => {
    expect(placeAt([a, b], project, 1, 0, 11)).toEqual({ set: 0, index: 0 });
    expect(placeAt([a, b], project, 4.5, 0, 11)).toEqual({ set: 1, index: 0 });
    expect(placeAt([a, b], project, 100, 2, 11)).toEqual({ set: 0, index: 1 });
  });

  it('finds nothing beyond the drawn radius plus slack, which shrinks at England scale', () => {
    expect(placeAt([a, b], project, 50, 0, 11)).toBeNull();
    const edge = placeRadius(11) + 3;
    expect(placeAt([a], project, 100 + edge - 0.1, 0, 11)).toEqual({ set: 0, index: 1 });
    expect(placeAt([a], project, 100 + edge - 0.1, 0, 5)).toBeNull();
    expect(placeAt([], project, 0, 0, 11)).toBeNull();
  });
});
