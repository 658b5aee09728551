import { describe, expect, it } from 'vitest';
import { shortlistFixture } from './shortlist-fixture';
import { shortlistTable } from './shortlist-table';

describe('shortlistTable: the overlap rule column', () => {
  const keys = (x: Parameters<typeof shortlistTable>[0]) => shortlistTable(x).columns.map((c) => c.key);
  it('carries "Conditions met" only while a rule is in use', () => {
    const input = shortlistFixture();
    expect(keys({ ...input, conditionsColumn: true })).toContain('conditions_met');
    expect(keys({ ...input, conditionsColumn: false })).not.toContain('conditions_met');
  });
  it('without the flag, shows it when any area meets a condition', () => {
    const input = shortlistFixture();
    expect(keys(input)).toContain('conditions_met');
    expect(keys({ ...input, rows: input.rows.map((r) => ({ ...r, conditionsMet: [] })) })).not.toContain('conditions_met');
  });
});
