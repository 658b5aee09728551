import { describe, expect, it } from 'vitest';
import { LEVEL_IDS } from '../../geo/levels';
import { allIndicators, getIndicator } from '.';
import { darkEndText, defaultRiskDirection, directionText, isNeutral, rankMeaning } from './direction';
import { comparisonText } from './england-comparison';
import { inheritedAt, mixedLevelsNote } from './inherited';
import { KEY_POINTS, measureGuide } from './measure-guide';
import { choiceCaveats, hasIntervals } from './measure-notes';

/** A sentence calls a value better or worse (negations such as "not better or worse" are fine). */
const judges = (s: string) => /\((worse|better)\)|\b(is|are|values?) (worse|better)\b|\bworst\b/i.test(s.replace(/\b(not|neither|nor)\b[^.;:]*?\b(better|worse)\b( (or|nor) (better|worse))?/gi, ''));

describe('the catalogue', () => {
  it('says for every measure and built-in level either how it is computed or why it is not available', () => {
    for (const ind of allIndicators()) {
      for (const level of LEVEL_IDS) {
        if (!ind.levels[level]) expect(ind.unavailable?.[level], `${ind.id} at ${level}`).toMatch(/^[A-Z].{20,}/);
      }
    }
  });

  it('gives every measure a direction, and treats the cancer register and case counts as neutral context', () => {
    for (const ind of allIndicators()) expect(['higher-worse', 'lower-worse', 'neutral']).toContain(ind.polarity);
    for (const id of ['cancer.qof.prevalence', 'cancer.incidence.count']) expect(getIndicator(id).polarity).toBe('neutral');
    expect(getIndicator('smoking.aps.current').polarity).toBe('higher-worse');
  });

  it('never words a context measure as better or worse, and gives it no default direction in the composite', () => {
    const neutral = allIndicators().filter(isNeutral);
    expect(neutral.length).toBeGreaterThan(0);
    for (const ind of neutral) {
      for (const text of [directionText(ind), darkEndText(ind), rankMeaning(ind), comparisonText('higher', ind.polarity)!, comparisonText('lower', ind.polarity)!]) {
        expect(judges(text), `${ind.id}: ${text}`).toBe(false);
      }
      expect(defaultRiskDirection(ind)).toBe('unset');
    }
    expect(judges(darkEndText(getIndicator('smoking.aps.current')))).toBe(true);
    expect(defaultRiskDirection(getIndicator('imd2025.imd.rank'))).toBe('lower');
  });

  it('names the Core20 edition and tells rank of average score from rank of average rank', () => {
    for (const e of [2019, 2025]) {
      for (const m of ['share20', 'core20count']) expect(getIndicator(`imd${e}.imd.${m}`).label).toMatch(new RegExp(`^Core20 \\(IMD ${e}\\)`));
      expect(getIndicator(`imd${e}.imd.avgrank`).rankLabel).toBe('rank of average rank');
      expect(getIndicator(`imd${e}.imd.rankavgrank`).label).toMatch(/rank of average rank/);
    }
    expect(getIndicator('imd2025.imd.rank').label).toMatch(/rank of average score/);
    expect(getIndicator('imd2019.imd.share20').definition).toMatch(/IMD 2019 \(the edition of NHS England's published Core20 figures\)/);
  });

  it('says where the preventable-mortality series ends and that its definition is superseded', () => {
    const m = getIndicator('cancer.mortality.u75preventable');
    expect(m.label).toMatch(/ended 2015–17.*superseded pre-2021 definition/);
    expect(m.short).toMatch(/to 2015–17, old definition/);
    expect(m.definition).toMatch(/ends with 2015–17/);
  });

  it('allows "significantly" only where the chosen options have intervals', () => {
    const aps = getIndicator('smoking.aps.current');
    expect(hasIntervals(aps, { period: '2019' })).toBe(true);
    expect(hasIntervals(aps, { period: '2024' })).toBe(false);
    expect(hasIntervals(aps, {})).toBe(false);
    expect(hasIntervals(getIndicator('cancer.qof.prevalence'))).toBe(true);
    expect(hasIntervals(getIndicator('cancer.mortality.u75preventable'))).toBe(false);
    expect(aps.seriesBreaks).toEqual([{ year: 2020, label: expect.stringMatching(/face-to-face .* telephone/) }]);
  });

  it('warns about 2020 and about all sites combined wherever they are chosen', () => {
    const dsr = getIndicator('cancer.incidence.dsr');
    expect(choiceCaveats(dsr, { period: '2016-2020' }).join(' ')).toMatch(/COVID-19/);
    expect(choiceCaveats(dsr, { period: '2020' }).join(' ')).toMatch(/COVID-19/);
    expect(choiceCaveats(dsr, { period: '2015-2019', site: 'C33-C34' })).toEqual([]);
    expect(choiceCaveats(dsr, { period: '2015-2019', site: 'all-18' }).join(' ')).toMatch(/breast, prostate and melanoma/);
    expect(choiceCaveats(getIndicator('smoking.aps.current'), { period: '2021' }).join(' ')).toMatch(/telephone/);
  });

  it('knows which values are repeated from larger areas, for the composite and rules', () => {
    const [imd, smoking, cancer] = ['imd2025.imd.score', 'smoking.aps.current', 'cancer.incidence.dsr'].map(getIndicator);
    expect([inheritedAt(imd, 'ward24'), inheritedAt(smoking, 'ward24'), inheritedAt(cancer, 'lsoa21')]).toEqual([null, 'lad24', 'sicbl24']);
    expect(mixedLevelsNote([imd, smoking, cancer], 'ward24')).toMatch(/^Mixed geographies: .*local authorities.*Sub-ICB areas.*jump at their borders/);
    expect(mixedLevelsNote([imd, smoking], 'lad24')).toBeNull();
  });

  it('"What these measures mean" covers direction, edition, where and caveats of each measure, and the key points', () => {
    const g = measureGuide(getIndicator('smoking.aps.current'));
    expect(g.direction).toBe('Higher is worse');
    expect(g.where).toMatch(/every area repeats the value of the local authority/);
    expect(g.caveats.join(' ')).toMatch(/break in the series in 2020/);
    expect(measureGuide(getIndicator('cancer.qof.prevalence')).direction).toMatch(/^Neutral context/);
    // IMD 2019 is published for 2011 LSOAs only: the 2021 LSOA values are carried over, and the guide says so.
    const imd19 = measureGuide(getIndicator('imd2019.imd.rank')).where;
    expect(imd19).toMatch(/^Published for LSOA \(2011[^.]*\)\. IMD 2019 was published for 2011 LSOAs: this 2021 LSOA takes/);
    expect(imd19).not.toMatch(/Published for [^.]*LSOA \(2021/);
    const points = KEY_POINTS.map((k) => `${k.title}: ${k.text}`).join('\n');
    for (const re of [/Core20 .*IMD 2019/, /COVID-19/, /telephone/, /rank of average score.*rank of average rank/i, /repeat|Values repeated/]) expect(points).toMatch(re);
  });
});
