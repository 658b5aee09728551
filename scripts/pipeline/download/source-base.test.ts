import { describe, expect, it } from 'vitest';
import { parseSourceBase, withSourceBase } from './source-base';

describe('--source-base', () => {
  const file7 = 'https://assets.publishing.service.gov.uk/media/691ded56d140bbbaa59a2a7d/File_7.csv';

  it("replaces the publisher's host and keeps the path and query", () => {
    expect(withSourceBase(file7, 'http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080/media/691ded56d140bbbaa59a2a7d/File_7.csv');
    expect(withSourceBase('https://api.beta.ons.gov.uk/v1/x?area-type=lsoa', 'https://mirror.example/ons/')).toBe('https://mirror.example/ons/v1/x?area-type=lsoa');
    expect(withSourceBase(file7, undefined)).toBe(file7);
  });

  it('rejects anything but an http(s) URL, naming the option', () => {
    expect(() => parseSourceBase('127.0.0.1:8080')).toThrow(/--source-base must be an http\(s\) URL/);
    expect(() => parseSourceBase('ftp://mirror')).toThrow(/--source-base/);
    expect(parseSourceBase('')).toBeUndefined();
  });
});
