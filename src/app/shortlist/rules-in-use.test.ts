import { describe, expect, it } from 'vitest';
import { DEFAULT_COMBINE } from '../../state/combine-spec';
import type { AreaCriteria } from './criteria';
import { listedCriteria, rulesTouched } from './rules-in-use';

describe('rules in use', () => {
  it('the default rule, never shown or edited, is not in use', () => {
    expect(rulesTouched({ mode: 'indicator', combine: structuredClone(DEFAULT_COMBINE) })).toBe(false);
    expect(rulesTouched({ mode: 'composite', combine: structuredClone(DEFAULT_COMBINE) })).toBe(false);
  });
  it('showing the rules map or editing the rule puts it in use', () => {
    expect(rulesTouched({ mode: 'rules', combine: structuredClone(DEFAULT_COMBINE) })).toBe(true);
    const edited = structuredClone(DEFAULT_COMBINE);
    edited.rules.inFocus = !edited.rules.inFocus;
    expect(rulesTouched({ mode: 'indicator', combine: edited })).toBe(true);
  });
  it('drops the rule from what the list shows only while it is not in use', () => {
    const c = { level: 'ward24', rule: { label: 'x' }, composite: null, hotspots: null } as unknown as AreaCriteria;
    expect(listedCriteria(c, false)!.rule).toBeNull();
    expect(listedCriteria(c, true)).toBe(c);
    expect(listedCriteria(null, false)).toBeNull();
  });
});
