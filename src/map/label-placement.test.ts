import { describe, expect, it } from 'vitest';
import { placeLabels } from './label-placement';

describe('placeLabels', () => {
  const project = (lon: number, lat: number): [number, number] => [lon * 100, lat * 100];
  it('keeps the bigger of two overlapping labels and drops labels off screen', () => {
    const labels = [
      { name: 'Smalltown', lon: 1, lat: 1, population: 10 },
      { name: 'Bigcity', lon: 1.05, lat: 1, population: 1000 },
      { name: 'Faraway', lon: 1, lat: 3, population: 50 },
      { name: 'Offscreen', lon: 99, lat: 1, population: 5000 },
    ];
    expect(placeLabels(labels, project, 400, 400).map((l) => l.name)).toEqual(['Bigcity', 'Faraway']);
  });
});
