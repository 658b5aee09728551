import { describe, expect, it } from 'vitest';
import { detectDelimiter } from './csv-dialect';

describe('detectDelimiter', () => {
  it('finds the separator that splits rows consistently', () => {
    expect(detectDelimiter('code,value\nE01,1\nE02,2\n', true, 'csv')).toBe(',');
    expect(detectDelimiter('code\tvalue\nE01\t1\nE02\t2\n', true, 'csv')).toBe('\t');
    expect(detectDelimiter('code;value\nE01;1,5\nE02;2,25\n', true, 'csv')).toBe(';');
    expect(detectDelimiter('code|name|value\nE01|a, b|1\n', true, 'txt')).toBe('|');
  });

  it('is not fooled by commas inside quoted names', () => {
    expect(detectDelimiter('code\tname\nE01\t"Smith, Jo"\nE02\t"Lee, Al"\n', true, 'csv')).toBe('\t');
  });

  it('ignores a last line cut off by the sample and uses the extension for one-column files', () => {
    expect(detectDelimiter('a,b,c\n1,2,3\n4,5', false, 'csv')).toBe(',');
    expect(detectDelimiter('code\nE01\nE02\n', true, 'tsv')).toBe('\t');
    expect(detectDelimiter('code\nE01\nE02\n', true, 'csv')).toBe(',');
  });
});
