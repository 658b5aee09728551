import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Same seed → same result on every machine: analysis code takes its randomness from prng.ts only
// and never reads the clock (architecture notes: "No DOM, React, DuckDB, Math.random or Date.now").
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return f.endsWith('.ts') && !f.endsWith('.test.ts') ? [p] : [];
  });
}

describe('src/analysis determinism', () => {
  it('uses no Math.random, clock or DOM', () => {
    const root = join(__dirname, '..');
    const offenders = sources(root).filter((p) => /Math\.random\(|Date\.now\(|performance\.now\(|new Date\(|\bdocument\.|\bwindow\./.test(readFileSync(p, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
