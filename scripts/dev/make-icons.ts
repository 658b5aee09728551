/**
 * Draws the app icons in public/ (the same design as public/icon.svg) as PNG files, without an image
 * library: shapes are rasterised with 4×4 supersampling and written as RGBA PNG with node's zlib.
 * Run after changing the design: `npx tsx scripts/dev/make-icons.ts`.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deflateSync } from 'node:zlib';

type Rgba = [number, number, number, number];
type Shape = (x: number, y: number) => Rgba | null;

const hex = (h: string, a = 1): Rgba => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16), a];

/** The design on a 512 × 512 canvas, back to front (see public/icon.svg). */
const SHAPES: Shape[] = [
  (x, y) => {
    const r = 96;
    const cx = Math.min(Math.max(x, r), 512 - r);
    const cy = Math.min(Math.max(y, r), 512 - r);
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r ? hex('#005eb8') : null;
  },
  (x, y) => ([176, 336].some((c) => Math.abs(y - c) <= 10 || Math.abs(x - c) <= 10) && x >= 64 && x <= 448 && y >= 64 && y <= 448 ? hex('#ffffff', 0.35) : null),
  (x, y) => ((x - 300) ** 2 + (y - 220) ** 2 <= 132 ** 2 ? hex('#ffb81c', 0.45) : null),
  (x, y) => ((x - 300) ** 2 + (y - 220) ** 2 <= 84 ** 2 ? hex('#ed8b00', 0.8) : null),
  (x, y) => ((x - 300) ** 2 + (y - 220) ** 2 <= 38 ** 2 ? hex('#d5281b') : null),
  (x, y) => ((x - 150) ** 2 + (y - 380) ** 2 <= 46 ** 2 ? hex('#ffb81c', 0.6) : null),
];

function pixel(x: number, y: number): Rgba {
  let [r, g, b, a] = [0, 0, 0, 0];
  for (const s of SHAPES) {
    const c = s(x, y);
    if (!c) continue;
    // "over" compositing, straight alpha
    const na = c[3] + a * (1 - c[3]);
    [r, g, b] = [0, 1, 2].map((k) => (c[k] * c[3] + [r, g, b][k] * a * (1 - c[3])) / (na || 1));
    a = na;
  }
  return [r, g, b, a];
}

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (b: Buffer) => {
  let c = 0xffffffff;
  for (const x of b) c = CRC[(c ^ x) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size: number): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const ss = 4;
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const acc = [0, 0, 0, 0];
      for (let j = 0; j < ss; j++) {
        for (let i = 0; i < ss; i++) {
          const [r, g, b, a] = pixel(((x + (i + 0.5) / ss) * 512) / size, ((y + (j + 0.5) / ss) * 512) / size);
          acc[0] += r * a;
          acc[1] += g * a;
          acc[2] += b * a;
          acc[3] += a;
        }
      }
      const o = y * (size * 4 + 1) + 1 + x * 4;
      const a = acc[3] / (ss * ss);
      for (let k = 0; k < 3; k++) raw[o + k] = acc[3] ? Math.round(acc[k] / acc[3]) : 0;
      raw[o + 3] = Math.round(a * 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const out = resolve(import.meta.dirname, '../../public');
for (const [name, size] of [['icon-192.png', 192], ['icon-512.png', 512], ['apple-touch-icon.png', 180]] as const) writeFileSync(`${out}/${name}`, png(size));
console.log(`wrote icons to ${out}`);
