import { describe, expect, it } from 'vitest';
import { exportFileName } from './file-name';
import { mapImageLayout, metresPerPixel, niceScale, PANEL_WIDTH } from './map-image';

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
