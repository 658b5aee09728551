import { describe, expect, it } from 'vitest';
import { writeZip } from '../../../test/pipeline/zip-write';
import { readZipEntry } from './zip-entry';

const LIMIT = 1e6;

describe('readZipEntry', () => {
  const text = 'GEOGCD,GEOGNM\r\nE06000060,Buckinghamshire\r\n'.repeat(200);
  const zip = writeZip([{ name: 'Other.csv', data: Buffer.from('x') }, { name: 'CHD/Changes.csv', data: Buffer.from(text) }]);

  it('inflates the entry whose name matches', () => {
    const { name, data } = readZipEntry(zip, /(^|\/)Changes\.csv$/, 'chd.zip', LIMIT);
    expect(name).toBe('CHD/Changes.csv');
    expect(data.toString()).toBe(text);
  });

  it('fails on a truncated download, a damaged entry, or a missing file', () => {
    expect(() => readZipEntry(zip.subarray(0, zip.length - 30), /Changes/, 'chd.zip', LIMIT)).toThrow(/chd\.zip: not a zip file, or the download is truncated/);
    const damaged = Buffer.from(zip);
    damaged[damaged.indexOf('CHD/Changes.csv') + 40] ^= 0xff;
    expect(() => readZipEntry(damaged, /Changes/, 'chd.zip', LIMIT)).toThrow(/chd\.zip: zip entry CHD\/Changes\.csv is damaged/);
    expect(() => readZipEntry(zip, /ChangeHistory/, 'chd.zip', LIMIT)).toThrow(/no file matching .* \(it holds Other\.csv, CHD\/Changes\.csv\)/);
  });

  // 8 MB of zeros deflate to about 8 kB: the shape of a zip bomb, small enough for a test.
  const zeros = Buffer.alloc(8e6);

  it('refuses an entry that declares more than the inflation limit, before inflating it', () => {
    const bomb = writeZip([{ name: 'Changes.csv', data: zeros }]);
    expect(bomb.length).toBeLessThan(20_000);
    expect(() => readZipEntry(bomb, /Changes/, 'chd.zip', LIMIT)).toThrow('chd.zip: zip entry Changes.csv would inflate to 8000000 bytes, more than the limit of 1000000: refused');
  });

  it('stops an entry that inflates past the size it declares (a bomb that lies)', () => {
    const liar = writeZip([{ name: 'Changes.csv', data: zeros, declaredSize: 1000 }]);
    expect(() => readZipEntry(liar, /Changes/, 'chd.zip', LIMIT)).toThrow('chd.zip: zip entry Changes.csv inflates to more than the 1000 bytes it declares: refused (damaged, or a zip bomb)');
  });
});
