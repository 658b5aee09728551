import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { inflateAtMost } from './bounded-inflate';

describe('inflateAtMost', () => {
  it('inflates data under the cap exactly, with or without a preset dictionary', () => {
    const text = strToU8('{"level":"lsoa21","notes":"Pharmacy on high street"}'.repeat(50));
    expect(inflateAtMost(deflateSync(text), text.length)).toEqual({ ok: true, bytes: text });
    const dictionary = strToU8('"level":"lsoa21"');
    expect(inflateAtMost(deflateSync(text, { dictionary }), 1 << 20, dictionary)).toEqual({ ok: true, bytes: text });
  });

  it('stops a decompression bomb at the cap, having produced no more than the cap', () => {
    const bomb = deflateSync(new Uint8Array(16 << 20), { level: 9 }); // 16 MB of zeros in ~16 kB
    expect(bomb.length).toBeLessThan(100_000);
    const r = inflateAtMost(bomb, 1 << 20);
    expect(r).toMatchObject({ ok: false, reason: 'too-big' });
    expect(r.bytes.length).toBeLessThanOrEqual(1 << 20);
  });

  it('says "damaged" for a stream cut short or altered, keeping what came out before', () => {
    const text = strToU8(Array.from({ length: 400 }, (_, i) => `line ${i}\n`).join(''));
    const packed = deflateSync(text);
    const cut = inflateAtMost(packed.subarray(0, packed.length >> 1), 1 << 20);
    expect(cut).toMatchObject({ ok: false, reason: 'damaged' });
    expect(text.subarray(0, cut.bytes.length)).toEqual(cut.bytes);
    expect(inflateAtMost(new Uint8Array([0xff, 0xff, 0xff, 0xff]), 100)).toMatchObject({ ok: false, reason: 'damaged' });
  });
});
