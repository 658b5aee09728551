import { describe, expect, it } from 'vitest';
import { writeZip } from '../../../test/pipeline/zip-write';
import { readZipEntry } from './zip-entry';

describe('readZipEntry', () => {
  const text = 'GEOGCD,GEOGNM\r\nE06000060,Buckinghamshire\r\n'.repeat(200);
  const zip = writeZip([{ name: 'Other.csv', data: Buffer.from('x') }, { name: 'CHD/Changes.csv', data: Buffer.from(text) }]);

  it('inflates the entry whose name matches', () => {
    const { name, data } = readZipEntry(zip, /(^|\/)Changes\.csv$/, 'chd.zip');
    expect(name).toBe('CHD/Changes.csv');
    expect(data.toString()).toBe(text);
  });

  it('fails on a truncated download, a damaged entry, or a missing file', () => {
    expect(() => readZipEntry(zip.subarray(0, zip.length - 30), /Changes/, 'chd.zip')).toThrow(/chd\.zip: not a zip file, or the download is truncated/);
    const damaged = Buffer.from(zip);
    damaged[damaged.indexOf('CHD/Changes.csv') + 40] ^= 0xff;
    expect(() => readZipEntry(damaged, /Changes/, 'chd.zip')).toThrow(/chd\.zip: zip entry CHD\/Changes\.csv is damaged/);
    expect(() => readZipEntry(zip, /ChangeHistory/, 'chd.zip')).toThrow(/no file matching .* \(it holds Other\.csv, CHD\/Changes\.csv\)/);
  });
});
