import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW_STATE } from '../../state/view-state';
import { mapMeasure } from './export-input';

describe('mapMeasure (the export\'s "Map measure")', () => {
  it('names the measure mapped, not the Map tab\'s measure, after a composite or other view', () => {
    const s = structuredClone(DEFAULT_VIEW_STATE);
    expect(mapMeasure(s, null)).toMatch(/IMD/);
    const composite = mapMeasure({ ...s, mode: 'composite' }, null);
    expect(composite).toMatch(/^Composite risk index of /);
    expect(composite).toMatch(/smok/i);
    expect(mapMeasure({ ...s, mode: 'rules' }, null)).toMatch(/^Overlap rule: /);
    expect(mapMeasure({ ...s, mode: 'bivariate' }, null)).toMatch(/^Bivariate map: .* by /);
    expect(mapMeasure({ ...s, mode: 'hotspots' }, null)).toMatch(/^Hotspots/);
  });
});
