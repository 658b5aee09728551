/** Writes pipeline outputs and records their size, gzipped size and checksum for the manifest. */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { ManifestOutput } from '../../src/data/manifest';
import type { LevelId } from '../../src/geo/levels';
import { toCsv, type Cell } from '../../src/lib/csv-write';

export const sha256 = (buf: Buffer | string) => createHash('sha256').update(buf).digest('hex');

export class OutputWriter {
  readonly outputs: ManifestOutput[] = [];
  constructor(readonly outDir: string) {}

  async write(path: string, text: string, meta: { kind: ManifestOutput['kind']; rows: number; level?: LevelId }): Promise<void> {
    const file = join(this.outDir, path);
    await mkdir(dirname(file), { recursive: true });
    const buf = Buffer.from(text, 'utf8');
    await writeFile(file, buf);
    this.outputs.push({ path, ...meta, bytes: buf.length, gzipBytes: gzipSync(buf, { level: 9 }).length, sha256: sha256(buf) });
  }

  async writeCsv(path: string, header: readonly string[], rows: (readonly Cell[])[], level?: LevelId): Promise<{ path: string; rows: number; columns: string[] }> {
    await this.write(path, toCsv(header, rows), { kind: 'table', rows: rows.length, level });
    return { path, rows: rows.length, columns: [...header] };
  }
}
