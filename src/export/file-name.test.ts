import { describe, expect, it } from 'vitest';
import { MIME_TYPE, exportBaseName, exportFileName, slugify } from './file-name';

describe('slugify', () => {
  it('keeps only lower-case ASCII words joined by dashes, folding accents', () => {
    expect(slugify('Lung health check shortlist – Greater Manchester')).toBe('lung-health-check-shortlist-greater-manchester');
    expect(slugify('Ynys Môn / Côte-d’Or')).toBe('ynys-mon-cote-d-or');
    expect(slugify('../../etc/passwd')).toBe('etc-passwd');
    expect(slugify('<script>alert(1)</script>')).toBe('script-alert-1-script');
    expect(slugify('   ')).toBe('');
  });

  it('cuts long titles at a word boundary', () => {
    const s = slugify('word '.repeat(30), 22);
    expect(s).toBe('word-word-word-word');
    expect(slugify('a'.repeat(80), 60)).toHaveLength(60);
  });
});

describe('exportFileName', () => {
  it('is slug + date + extension, with a fallback for titles without letters', () => {
    expect(exportFileName('Lung health check – GM', '2026-11-21T10:30:00Z', 'csv')).toBe('lung-health-check-gm-2026-11-21.csv');
    expect(exportFileName('Lung health check – GM', '2026-11-21', 'csv-zip')).toBe('lung-health-check-gm-2026-11-21.zip');
    expect(exportFileName('???', '2026-11-21', 'geojson')).toBe('shortlist-2026-11-21.geojson');
    expect(exportBaseName('Trial', 'not a date')).toBe('trial');
    expect(MIME_TYPE.xlsx).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });
});
