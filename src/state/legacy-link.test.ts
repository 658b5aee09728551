import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decompressLegacyLink } from './legacy-link';

describe('format 1 share links (lz-string), decoded with a cap', () => {
  it('reads what lz-string wrote, for text of every kind', () => {
    let x = 3;
    const rand = (n: number) => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) % n;
    const samples = [
      'a', '{"v":1,"level":"ward24"}', 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', 'Ynys Môn – “quoted” £5 €6 😀',
      Array.from({ length: 3000 }, () => String.fromCharCode(32 + rand(95))).join(''),
      Array.from({ length: 2000 }, () => String.fromCharCode(rand(0xd7ff))).join(''),
    ];
    for (const s of samples) expect(decompressLegacyLink(LZString.compressToEncodedURIComponent(s), 1e6)).toEqual({ ok: true, text: s });
  });

  it('stops at the cap: a short link that would expand with the square of its length', () => {
    const text = 'a'.repeat(300_000);
    const link = LZString.compressToEncodedURIComponent(text);
    // ~775 codes, each one "a" longer than the last: the output grows with the square of the link
    expect(link.length).toBeLessThan(2_000);
    expect(decompressLegacyLink(link, 1e6)).toEqual({ ok: true, text });
    expect(decompressLegacyLink(link, 100_000)).toEqual({ ok: false, reason: 'too-big' });
  });

  it('calls a cut or altered link damaged', () => {
    const link = LZString.compressToEncodedURIComponent('{"v":1,"level":"ward24","indicator":"imd2025.imd.score"}');
    expect(decompressLegacyLink(link.slice(0, -6), 1e6)).toEqual({ ok: false, reason: 'damaged' });
    expect(decompressLegacyLink(`${link.slice(0, 5)}%${link.slice(6)}`, 1e6)).toEqual({ ok: false, reason: 'damaged' });
    expect(decompressLegacyLink('', 1e6)).toEqual({ ok: false, reason: 'damaged' });
  });
});
