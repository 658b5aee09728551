import { describe, expect, it } from 'vitest';
import { getIndicator } from '../../data/catalogue';
import { defaultTest, testOptions } from './measure-options';
import { presetRule } from './rule-presets';
import { conditionText, measureLabel } from './rules-text';

describe('measure labels in rule and formula text', () => {
  const smoking = getIndicator('smoking.aps.current');
  const period = smoking.dimensions!.find((d) => d.key === 'period')!;
  const other = period.values.find((v) => v.value !== period.defaultValue)!;

  it('names only the options that differ from the defaults', () => {
    expect(measureLabel(smoking, {})).toBe(smoking.short);
    expect(measureLabel(smoking, { period: period.defaultValue })).toBe(smoking.short);
    expect(measureLabel(smoking, { period: other.value })).toBe(`${smoking.short}, ${other.label}`);
  });

  it('so two periods of one indicator read differently in a rule', () => {
    const a = conditionText(smoking, { kind: 'worse-than-england' }, 10.4, {});
    const b = conditionText(smoking, { kind: 'significantly-worse' }, 13.9, { period: other.value });
    expect(a).toMatch(/above England/);
    expect(b).toContain(other.label);
    expect(a).not.toContain(other.label);
  });
});

describe('significance and direction words in rules', () => {
  const smoking = getIndicator('smoking.aps.current');
  const qof = getIndicator('cancer.qof.prevalence');

  it('says "significantly" only for a period with 95 % intervals (APS: 2019)', () => {
    expect(conditionText(smoking, { kind: 'significantly-worse' }, 13.9, { period: '2019' })).toMatch(/significantly above England .*95 % confidence interval/);
    const y2024 = conditionText(smoking, { kind: 'significantly-worse' }, 11.9, { period: '2024' });
    expect(y2024).not.toMatch(/significant/i);
    expect(y2024).toMatch(/above England's value .*no confidence intervals for this choice/);
    expect(conditionText(smoking, { kind: 'worse-than-england' }, 11.9, {})).toBe(`${smoking.short} above England's value (11.9 %)`);
  });

  it('offers a context measure "highest" and "above" tests, never "worse"', () => {
    for (const kind of ['worst-deciles', 'worst-quintile', 'worse-than-england', 'significantly-worse'] as const) {
      const test = kind === 'worst-deciles' ? { kind, deciles: 2 } : { kind };
      expect(conditionText(qof, test, 3.5, {})).not.toMatch(/worse|worst|deprived/i);
    }
    expect(testOptions('cancer.qof.prevalence').map((o) => o.label).join(' | ')).not.toMatch(/worse|worst/i);
    expect(defaultTest('cancer.qof.prevalence')).toEqual({ kind: 'at-least', value: 0 });
  });

  it('names Core20 and its edition in the preset conditions, at LSOA and at larger levels', () => {
    const lsoa = presetRule('core20', 'lsoa21', false).conditions[0];
    expect(lsoa).toEqual({ indicator: 'imd2019.imd.decile', dims: {}, test: { kind: 'worst-deciles', deciles: 2 } });
    expect(conditionText(getIndicator(lsoa.indicator), lsoa.test, null)).toMatch(/deciles 1–2: a Core20 LSOA, IMD 2019/);
    const ward = presetRule('core20-smoking-cancer', 'ward24', false).conditions;
    expect(ward[0]).toEqual({ indicator: 'imd2019.imd.share20', dims: {}, test: { kind: 'at-least', value: 50 } });
    expect(conditionText(getIndicator(ward[0].indicator), ward[0].test, null)).toBe('Core20 residents % (IMD 2019) ≥ 50 %');
    expect(ward[2]).toEqual({ indicator: 'cancer.incidence.dsr', dims: { site: 'C33-C34', period: '2015-2019' }, test: { kind: 'worst-quintile' } });
    expect(presetRule('core20-2025', 'icb24', false).conditions[0].indicator).toBe('imd2025.imd.share20');
  });
});
