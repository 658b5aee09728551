import { describe, expect, it } from 'vitest';
import { getIndicator } from '../../data/catalogue';
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
