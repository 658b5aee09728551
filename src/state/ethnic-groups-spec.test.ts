import { describe, expect, it } from 'vitest';
import { ETHNIC_GROUP_KEYS } from './ethnic-classification';
import { canonicalMembers, defaultGroupLabel, ethnicGroupId, makeEthnicGroup, MAX_ETHNIC_GROUPS, normaliseEthnicGroups } from './ethnic-groups-spec';

describe('groups of ethnic groups', () => {
  it('keeps known members in the classification order, without a detailed group under its chosen high-level group', () => {
    expect(canonicalMembers(['other', 'black', 'asian_indian', 'asian', 'nope', 3, 'black_african', 'mixed'])).toEqual(['asian', 'black', 'mixed', 'other']);
    expect(canonicalMembers(['asian_pakistani', 'asian_bangladeshi'])).toEqual(['asian_bangladeshi', 'asian_pakistani']);
  });

  it('derives one id per set of members, whatever their order, and a different id for another set', () => {
    const a = ethnicGroupId(['asian', 'black', 'mixed', 'other']);
    expect(ethnicGroupId(canonicalMembers(['other', 'mixed', 'black', 'asian']))).toBe(a);
    expect(ethnicGroupId(['asian', 'black', 'mixed'])).not.toBe(a);
    expect(a).toMatch(/^g[0-9a-z]+$/);
    const all = ethnicGroupId(ETHNIC_GROUP_KEYS);
    expect(all.length).toBeLessThanOrEqual(6);
  });

  it('labels an unnamed group by its members and keeps a typed label, cleaned', () => {
    expect(defaultGroupLabel(['asian', 'black', 'mixed', 'other'])).toBe('Asian, Black, Mixed and Other ethnic group');
    expect(makeEthnicGroup('  ', ['asian', 'black'])!.label).toBe('Asian and Black');
    expect(makeEthnicGroup('Black,\u202e Asian\u0000', ['asian', 'black'])!.label).toBe('Black,  Asian');
    expect(makeEthnicGroup('x'.repeat(200), ['asian', 'black'])!.label.length).toBe(80);
  });

  it('needs at least two groups (one group is already a measure of its own)', () => {
    expect(makeEthnicGroup('Asian', ['asian'])).toBeNull();
    expect(makeEthnicGroup('Asian', ['asian', 'asian_indian'])).toBeNull();
  });

  it('normalises a list from a link: drops what is invalid, re-derives ids, keeps the first of duplicates, caps the count', () => {
    expect(normaliseEthnicGroups('x')).toBeUndefined();
    expect(normaliseEthnicGroups({})).toBeUndefined();
    const out = normaliseEthnicGroups([
      { id: 'forged', label: 'BAMO', members: ['black', 'asian', 'mixed', 'other'] },
      { label: 'again', members: ['asian', 'black', 'mixed', 'other'] },
      { label: 'one', members: ['white'] },
      null, 'text', { label: 'no members' },
      { label: 'South Asian', members: ['asian_indian', 'asian_pakistani', 'asian_bangladeshi'] },
    ])!;
    expect(out.map((g) => g.label)).toEqual(['BAMO', 'South Asian']);
    expect(out[0].id).toBe(ethnicGroupId(['asian', 'black', 'mixed', 'other']));
    const many = Array.from({ length: 10 }, (_, i) => ({ label: `g${i}`, members: ['white_irish', ETHNIC_GROUP_KEYS.filter((k) => k.startsWith('asian_'))[i % 5], ETHNIC_GROUP_KEYS.filter((k) => k.startsWith('black_'))[i % 3]] }));
    expect(normaliseEthnicGroups(many)!.length).toBe(MAX_ETHNIC_GROUPS);
  });
});
