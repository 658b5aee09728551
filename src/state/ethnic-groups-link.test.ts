import { describe, expect, it } from 'vitest';
import { findIndicator } from '../data/catalogue';
import { isPaletteId } from '../map/palettes';
import { makeEthnicGroup } from './ethnic-groups-spec';
import { normaliseState } from './normalise-state';
import { decodeStateHash, encodeStateHash, pickPersisted } from './url-state';
import { DEFAULT_VIEW_STATE, PERSISTENCE, type ViewState } from './view-state';

const vocab = { isIndicator: (id: string) => findIndicator(id) !== undefined, isPalette: isPaletteId };
const bamo = makeEthnicGroup('Black, Asian, Mixed and Other ethnic groups', ['asian', 'black', 'mixed', 'other'])!;

describe('groups of ethnic groups in the view state', () => {
  it('is kept in the share link and in local storage', () => {
    expect(PERSISTENCE.ethnicGroups).toEqual(['url', 'local']);
    expect(DEFAULT_VIEW_STATE.ethnicGroups).toEqual([]);
  });

  it('round-trips with every place the group is chosen (map, rule, composite, bivariate, hotspots, shortlist)', () => {
    const pick = { indicator: 'ethnicity.chosen.share', dims: { group: bamo.id } };
    const s: ViewState = {
      ...DEFAULT_VIEW_STATE, ethnicGroups: [bamo], indicator: pick.indicator, dims: pick.dims,
      combine: {
        ...DEFAULT_VIEW_STATE.combine,
        rules: { conditions: [{ indicator: 'imd2019.imd.share20', dims: {}, test: { kind: 'at-least', value: 50 } }, { ...pick, test: { kind: 'at-least', value: 30 } }], inFocus: false },
        composite: { ...DEFAULT_VIEW_STATE.combine.composite, inputs: [{ ...pick, direction: 'higher', weight: 2 }] },
        bivariate: { ...DEFAULT_VIEW_STATE.combine.bivariate, y: { ...pick, classification: DEFAULT_VIEW_STATE.combine.bivariate.y.classification } },
      },
      hotspots: { ...DEFAULT_VIEW_STATE.hotspots, x: { id: pick.indicator, dims: pick.dims } },
      shortlist: { ...DEFAULT_VIEW_STATE.shortlist, columns: [{ id: 'ethnicity.chosen.count', dims: pick.dims }] },
    };
    const r = decodeStateHash(encodeStateHash(s), vocab)!;
    expect(r.warnings).toEqual([]);
    expect(r.state).toEqual(s);
  });

  it('leaves the key out of links that have no groups, so they stay as short as before', () => {
    const plain = encodeStateHash(DEFAULT_VIEW_STATE);
    expect(decodeStateHash(plain, vocab)!.state.ethnicGroups).toEqual([]);
    expect(encodeStateHash({ ...DEFAULT_VIEW_STATE, ethnicGroups: [bamo] }).length).toBeGreaterThan(plain.length);
    expect(JSON.stringify(pickPersisted(DEFAULT_VIEW_STATE, 'url'))).toContain('"ethnicGroups":[]');
  });

  it('repairs a group from a link: its id comes from its members, unknown members and bad entries go, with a warning only when it is not a list', () => {
    const r = normaliseState({ v: 1, ethnicGroups: [{ id: 'gFORGED', label: 'BAMO', members: ['black', 'asian', 'mixed', 'other', 'martian'] }, 7] }, vocab);
    expect(r.state.ethnicGroups).toEqual([{ id: bamo.id, label: 'BAMO', members: bamo.members }]);
    expect(r.warnings).toEqual([]);
    const bad = normaliseState({ v: 1, ethnicGroups: 'all of them' }, vocab);
    expect(bad.state.ethnicGroups).toEqual([]);
    expect(bad.warnings).toEqual(['Ignored an invalid group of ethnic groups in the link.']);
  });
});
