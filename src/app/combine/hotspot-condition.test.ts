import { describe, expect, it } from 'vitest';
import { UNKNOWN } from '../../analysis/combine/rule-conditions';
import type { HotspotClassKey } from '../../map/hotspot-styles';
import type { LevelAreas } from '../../data/level-data';
import { hotspotCondition } from './hotspot-condition';
import { ruleModel } from './use-rules';

const codes = ['E01000001', 'E01000002', 'E01000003', 'E01000004', 'E01000005'];
const areas: LevelAreas = {
  level: 'lsoa21', codes, names: codes, lad: codes.map(() => null), icb: codes.map(() => null), cal22: codes.map(() => null), ward: codes.map(() => null),
  population: Float64Array.from([100, 200, 300, 400, 500]), lon: new Float64Array(5), lat: new Float64Array(5), bbox: new Float64Array(20),
  indexOf: new Map(codes.map((c, i) => [c, i])),
};
const keys: HotspotClassKey[] = ['hot-99', 'cold-95', 'not-significant', 'no-value', 'high-high'];
const run = { key: 'run-1', level: 'lsoa21' as const, codes, cluster: Uint8Array.from([0, 1, 2, 3, 4]), keys, description: 'Gi* of IMD score' };

describe('"in a hot spot" as a rule condition', () => {
  it('meets hot spots and High–High clusters, not other tested areas; untested areas are unknown', () => {
    const c = hotspotCondition(run, areas)!;
    expect([...c.met]).toEqual([1, 0, 0, UNKNOWN, 1]);
    expect(c.label).toMatch(/Gi\* of IMD score/);
  });

  it('lines up by code when the run lists the areas in another order, and ignores a run at another level', () => {
    const shuffled = { ...run, codes: [...codes].reverse(), cluster: Uint8Array.from([4, 3, 2, 1, 0]) };
    expect([...hotspotCondition(shuffled, areas)!.met]).toEqual([1, 0, 0, UNKNOWN, 1]);
    expect(hotspotCondition({ ...run, level: 'ward24' }, areas)).toBeNull();
  });

  it('joins the rule with the focus condition and is tallied with residents; without a run it is left out with a note', () => {
    const mask = Uint8Array.from([1, 1, 0, 1, 1]);
    const m = ruleModel(areas, [], [], { conditions: [], inFocus: true, inHotspot: true }, mask, { label: 'Somewhere' }, hotspotCondition(run, areas));
    expect(m.conditions.map((c) => c.slot)).toEqual([-2, -1]);
    expect(m.tally.byCount[2]).toEqual({ areas: 2, residents: 600 });
    expect(m.tally.incomplete).toEqual({ areas: 1, residents: 400 });
    expect(m.hotspotKey).toBe('run-1');
    const none = ruleModel(areas, [], [], { conditions: [], inFocus: false, inHotspot: true }, null, null, null);
    expect(none.problem).toMatch(/at least one condition/);
    expect(none.notes.join(' ')).toMatch(/needs a finished hotspot run/);
  });
});
