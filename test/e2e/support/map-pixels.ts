/** Reads the map canvas inside the page: how much of it is drawn, and in how many colours. */
import type { Page } from 'playwright-core';

export interface PixelStats {
  width: number;
  height: number;
  /** Share of sampled pixels that differ from the background colour. */
  drawn: number;
  /** Number of distinct (quantised) colours among sampled pixels. */
  colours: number;
  /** A compact fingerprint of the image (quantised colours on a coarse grid) for comparisons. */
  grid: number[];
}

export async function mapPixels(page: Page): Promise<PixelStats> {
  return page.evaluate(() => {
    const gl = document.querySelector('.atlas-map canvas') as HTMLCanvasElement;
    const c = document.createElement('canvas');
    c.width = gl.width;
    c.height = gl.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(gl, 0, 0);
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    const bg = [0xdf, 0xe7, 0xee];
    const seen = new Set<number>();
    let drawn = 0;
    let n = 0;
    const grid: number[] = [];
    const step = 4;
    for (let y = 0; y < c.height; y += step) {
      for (let x = 0; x < c.width; x += step) {
        const o = (y * c.width + x) * 4;
        const [r, g, b] = [data[o], data[o + 1], data[o + 2]];
        n++;
        if (Math.abs(r - bg[0]) + Math.abs(g - bg[1]) + Math.abs(b - bg[2]) > 12) drawn++;
        seen.add(((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3));
      }
    }
    for (let gy = 0; gy < 24; gy++) {
      for (let gx = 0; gx < 32; gx++) {
        const o = (Math.floor(((gy + 0.5) * c.height) / 24) * c.width + Math.floor(((gx + 0.5) * c.width) / 32)) * 4;
        grid.push(((data[o] >> 4) << 8) | ((data[o + 1] >> 4) << 4) | (data[o + 2] >> 4));
      }
    }
    return { width: c.width, height: c.height, drawn: drawn / n, colours: seen.size, grid };
  });
}

/** Share of grid cells whose colour differs between two images. */
export function gridDifference(a: PixelStats, b: PixelStats): number {
  let d = 0;
  for (let i = 0; i < a.grid.length; i++) if (a.grid[i] !== b.grid[i]) d++;
  return d / a.grid.length;
}
