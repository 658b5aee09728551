import { describe, expect, it } from 'vitest';
import { allMetWords, metCountWords } from './met-words';

describe('met words', () => {
  it('says "both" for two conditions and never "all 1" or "all 2"', () => {
    expect([1, 2, 3, 5].map(allMetWords)).toEqual(['The condition met', 'Both conditions met', 'All 3 conditions met', 'All 5 conditions met']);
    expect([0, 1, 2].map((c) => metCountWords(c, 2))).toEqual(['No condition met', '1 of 2 conditions met', 'Both conditions met']);
    expect([0, 1].map((c) => metCountWords(c, 1))).toEqual(['The condition not met', 'The condition met']);
    for (const k of [1, 2, 3, 4]) for (let c = 0; c <= k; c++) expect(metCountWords(c, k)).not.toMatch(/all [12] /i);
  });
});
