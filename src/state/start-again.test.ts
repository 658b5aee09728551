import { describe, expect, it } from 'vitest';
import { startAgainState } from './start-again';
import { DEFAULT_VIEW_STATE, type ViewState } from './view-state';

describe('startAgainState', () => {
  it('resets every choice to its default but keeps the groups of ethnic groups the user defined', () => {
    const groups = [{ id: 'g1', label: 'South Asian', members: ['asian-indian', 'asian-pakistani'] }] as unknown as ViewState['ethnicGroups'];
    const busy: ViewState = {
      ...DEFAULT_VIEW_STATE, level: 'ward24', indicator: 'smoking.aps.current', palette: 'magma', focus: { level: 'lad24', code: 'E08000025' },
      viewport: { longitude: -1.9, latitude: 52.48, zoom: 10 }, selected: 'E05011118', mode: 'composite', tab: 'shortlist', drawer: 'table',
      shortlist: { ...DEFAULT_VIEW_STATE.shortlist, level: 'ward24', items: [{ code: 'E05011118', note: 'x' }] },
      hotspots: { ...DEFAULT_VIEW_STATE.hotspots, permutations: 9999 },
      combine: { ...DEFAULT_VIEW_STATE.combine, rules: { ...DEFAULT_VIEW_STATE.combine.rules, inFocus: true } },
      ethnicGroups: groups,
    };
    const fresh = startAgainState(busy);
    expect(fresh).toEqual({ ...DEFAULT_VIEW_STATE, ethnicGroups: groups });
    // A copy: later edits of the fresh view never reach the defaults.
    expect(fresh.combine).not.toBe(DEFAULT_VIEW_STATE.combine);
  });
});
