/**
 * Writes pipeline outputs and records their size, gzipped size and checksum for the manifest.
 * Files the app downloads get a content hash in their name (see src/data/manifest.ts): a changed
 * file always has a new URL, so hosts can let browsers cache them for a year.
 */
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { ManifestOutput } from '../../src/data/manifest';
import type { LevelId } from '../../src/geo/levels';
import { toCsv, type Cell } from '../../src/lib/csv-write';

export const sha256 = (buf: Buffer | Uint8Array | string) => createHash('sha256').update(buf).digest('hex');

/** `geo/lsoa21.topo.json` + hash → `geo/lsoa21.1a2b3c4d.topo.json` (hash before the first dot of the name). */
function hashedName(path: string, sha: string): string {
  const slash = path.lastIndexOf('/');
  const dot = path.indexOf('.', slash + 1);
  const tag = sha.slice(0, 8);
  return dot < 0 ? `${path}.${tag}` : `${path.slice(0, dot)}.${tag}${path.slice(dot)}`;
}

export interface WriteMeta {
  kind: ManifestOutput['kind'];
  rows: number;
  level?: LevelId;
  /** Name the file by its content (for files the app downloads). */
  hashed?: boolean;
  /** The bytes are already gzipped (binary packs): gzipBytes is their own size. */
  gzipped?: boolean;
}

export class OutputWriter {
  readonly outputs: ManifestOutput[] = [];
  /** Logical name → written path, for hashed files. */
  readonly files: Record<string, string> = {};
  constructor(readonly outDir: string) {}

  /** Writes a file; returns the path it was written under (hashed or not). */
  async write(path: string, content: string | Uint8Array, meta: WriteMeta): Promise<string> {
    const buf = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
    const sha = sha256(buf);
    const served = meta.hashed ? hashedName(path, sha) : path;
    const file = join(this.outDir, served);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, buf);
    const gzipBytes = meta.gzipped ? buf.length : gzipSync(buf, { level: 9 }).length;
    this.outputs.push({ path: served, ...(meta.hashed ? { name: path } : {}), kind: meta.kind, rows: meta.rows, ...(meta.level ? { level: meta.level } : {}), bytes: buf.length, gzipBytes, sha256: sha });
    if (meta.hashed) this.files[path] = served;
    return served;
  }

  /** Binary data stored gzipped (the app inflates it), under a content-hashed name. */
  async writePacked(path: string, bytes: Uint8Array, meta: Omit<WriteMeta, 'hashed' | 'gzipped'>): Promise<string> {
    return this.write(path, gzipSync(bytes, { level: 9 }), { ...meta, hashed: true, gzipped: true });
  }

  async writeCsv(path: string, header: readonly string[], rows: (readonly Cell[])[], level?: LevelId): Promise<{ path: string; rows: number; columns: string[] }> {
    await this.write(path, toCsv(header, rows), { kind: 'table', rows: rows.length, level });
    return { path, rows: rows.length, columns: [...header] };
  }
}
