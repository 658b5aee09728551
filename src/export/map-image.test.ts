import { describe, expect, it } from 'vitest';
import { exportFileName } from './file-name';
import { mapImageLayout, metresPerPixel, niceScale, PANEL_WIDTH, practiceMarkers } from './map-image';
import type { ShortlistPracticeRow } from './shortlist-practices';

describe('map image arithmetic', () => {
  it('picks the longest round scale bar that fits', () => {
    expect(niceScale(10, 120)).toEqual({ metres: 1000, px: 100, label: '1 km' });
    expect(niceScale(100, 120).label).toBe('10 km');
    expect(niceScale(45, 120)).toMatchObject({ metres: 5000, label: '5 km' });
    expect(niceScale(0.5, 120)).toMatchObject({ metres: 50, label: '50 m' });
  });

  it('ground resolution halves with each zoom level and shrinks towards the poles', () => {
    expect(metresPerPixel(0, 0)).toBeCloseTo(78_271.5, 0);
    expect(metresPerPixel(53.5, 10) * 2).toBeCloseTo(metresPerPixel(53.5, 9), 6);
    expect(metresPerPixel(60, 5)).toBeCloseTo(metresPerPixel(0, 5) / 2, 6);
  });

  it('lays the panel beside the map and names the file .png', () => {
    const l = mapImageLayout(1000, 700);
    expect(l.width).toBe(1000 + PANEL_WIDTH);
    expect(l.map).toMatchObject({ x: 0, w: 1000, h: 700 });
    expect(l.height).toBeGreaterThan(700);
    expect(exportFileName('Shortlist – Bolton', '2026-11-22T10:00:00Z', 'png')).toBe('shortlist-bolton-2026-11-22.png');
  });
});

describe('practiceMarkers', () => {
  const row = (kind: 'practice' | 'pcn', lon: number | null, lat: number | null, members: [number, number][] = []): ShortlistPracticeRow => ({
    kind, practiceCode: kind === 'practice' ? 'B82005' : null, name: 'x', pcnCode: 'U1', pcnName: null, subIcbCode: null, listSize: null, practices: null, measure: null, lon, lat, members,
  });
  // a plain linear projection: 100 px per degree from (-3, 54)
  const project = (lon: number, lat: number): [number, number] => [(lon + 3) * 100, (54 - lat) * 100];

  it('puts a practice at its site and a PCN at each of its practices\' sites, once per site, and counts those outside the view', () => {
    const m = practiceMarkers([row('practice', -2, 53.5), row('pcn', null, null, [[-2, 53.5], [-1.5, 53.2], [1.9, 52]])], project, 400, 300)!;
    expect(m.points.map(([x, y]) => [Math.round(x), Math.round(y)])).toEqual([[100, 50], [150, 80]]);
    expect(m.key).toBe("Shortlisted: 1 GP practice and 1 PCN (at its practices' sites: a group of practices, not an area); 1 site outside this view");
    expect(practiceMarkers([row('practice', null, null)], project, 400, 300)).toEqual({ points: [], key: 'Shortlisted: 1 GP practice' });
    expect(practiceMarkers([], project, 400, 300)).toBeNull();
  });
});
