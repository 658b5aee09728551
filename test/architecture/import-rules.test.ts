/**
 * Imports point one way: lib ← analysis ← geo ← state ← data ← (map, export, workers) ← ui ← app.
 * This reads every source file's import statements and fails on an import that points upwards.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(import.meta.dirname, '../../src');
const RANK: Record<string, number> = { lib: 0, analysis: 1, geo: 2, state: 3, data: 4, map: 5, export: 5, workers: 5, ui: 6, app: 7 };

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f) ? [p] : [];
  });
}

const layerOf = (file: string) => relative(SRC, file).split(/[\\/]/)[0];

describe('import direction', () => {
  const violations: string[] = [];
  for (const file of files(SRC)) {
    const from = layerOf(file);
    if (!(from in RANK)) continue;
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/(?:import|export)[^'"]*?from\s+['"](\.{1,2}\/[^'"]+)['"]/g)) {
      const to = layerOf(resolve(dirname(file), m[1]));
      if (to in RANK && RANK[to] > RANK[from] && !(from === to)) violations.push(`${relative(SRC, file)} imports ${to}/ (${m[1]})`);
    }
  }

  it('no module imports a layer above its own', () => {
    expect(violations).toEqual([]);
  });

  it('node commands (scripts/) never import the browser layers: shared logic lives below src/app', () => {
    const scripts = files(resolve(SRC, '../scripts'));
    const bad = scripts.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/from\s+['"](\.{1,2}\/[^'"]+)['"]/g)]
      .map((m) => relative(SRC, resolve(dirname(f), m[1])).split(/[\\/]/)[0])
      .filter((layer) => ['app', 'ui', 'map', 'workers'].includes(layer))
      .map((layer) => `${relative(resolve(SRC, '..'), f)} imports src/${layer}/`));
    expect(bad).toEqual([]);
  });

  it('ui never imports data or analysis', () => {
    const uiBad = files(join(SRC, 'ui')).filter((f) => /from\s+['"]\.\.\/(data|analysis)\//.test(readFileSync(f, 'utf8')));
    expect(uiBad.map((f) => relative(SRC, f))).toEqual([]);
  });
});
