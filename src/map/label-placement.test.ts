import { describe, expect, it } from 'vitest';
import { minPopulationAt, placeLabels } from './label-placement';

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

describe('labels thinned by zoom', () => {
  const project = (lon: number, lat: number): [number, number] => [lon * 100, lat * 100];
  const labels = [
    { name: 'City', lon: 1, lat: 1, population: 1_100_000 },
    { name: 'Town', lon: 2, lat: 2, population: 150_000 },
    { name: 'Village', lon: 3, lat: 3, population: 40_000 },
  ];
  it('shows only large places at England scale and every place once zoomed in, never overlapping', () => {
    expect(placeLabels(labels, project, 400, 400, 12, 5.6).map((l) => l.name)).toEqual(['City']);
    expect(placeLabels(labels, project, 400, 400, 12, 6.5).map((l) => l.name)).toEqual(['City', 'Town']);
    expect(placeLabels(labels, project, 400, 400, 12, 9).map((l) => l.name)).toEqual(['City', 'Town', 'Village']);
  });
  it('lowers the population needed as the zoom rises', () => {
    const zooms = [4, 5, 5.5, 6, 6.5, 7, 8];
    const mins = zooms.map(minPopulationAt);
    for (let i = 1; i < mins.length; i++) expect(mins[i]).toBeLessThanOrEqual(mins[i - 1]);
    expect(minPopulationAt(8)).toBe(0);
  });
});
