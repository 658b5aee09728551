import { describe, expect, it } from 'vitest';
import type { DataManifest } from '../../data/manifest';
import { DEFAULT_HOTSPOT_SPEC } from '../../state/hotspot-spec';
import { weightsSource } from './weights-source';

const manifest = { outputs: [{ path: 'weights/lsoa21-queen.gal' }, { path: 'weights/lsoa21-rook.gal' }] } as unknown as DataManifest;
const url = (p: string) => `data/${p}`;
const w = DEFAULT_HOTSPOT_SPEC.weights;

describe('weightsSource', () => {
  it("points queen and rook at the pipeline's GAL files", () => {
    expect(weightsSource(w, 'lsoa21', manifest, url, null).source).toEqual({ kind: 'contiguity', rule: 'queen', url: 'data/weights/lsoa21-queen.gal' });
    expect(weightsSource({ ...w, kind: 'rook' }, 'lsoa21', manifest, url, null).source).toMatchObject({ rule: 'rook' });
  });

  it('says what to do when a level has no GAL file or an imported file is not loaded', () => {
    expect(weightsSource(w, 'ward24', manifest, url, null).error).toMatch(/No queen contiguity weights.*npm run data/);
    expect(weightsSource({ ...w, kind: 'file', file: 'mine.gal' }, 'lsoa21', manifest, url, null).error).toMatch(/mine\.gal, which is not loaded/);
    const other = { name: 'other.gal', text: '1\nA 0\n\n', generation: 1 };
    expect(weightsSource({ ...w, kind: 'file', file: 'mine.gal' }, 'lsoa21', manifest, url, other).error).toMatch(/Import it again/);
  });

  it('gives a different key to every choice that changes the weights, and the same key otherwise', () => {
    const key = (p: Partial<typeof w>, file: { name: string; text: string; generation: number } | null = null) => weightsSource({ ...w, ...p }, 'lsoa21', manifest, url, file).key;
    const f1 = { name: 'a.gal', text: '', generation: 1 };
    const keys = [key({}), key({ kind: 'rook' }), key({ style: 'B' }), key({ islands: 'knn' }), key({ kind: 'knn', k: 4 }), key({ kind: 'knn', k: 5 }),
      key({ kind: 'band', bandKm: null }), key({ kind: 'band', bandKm: 3 }), key({ kind: 'file', file: 'a.gal' }, f1), key({ kind: 'file', file: 'a.gal' }, { ...f1, generation: 2 })];
    expect(new Set(keys).size).toBe(keys.length);
    expect(key({ k: 3 })).toBe(key({})); // k only matters for kNN
  });
});
