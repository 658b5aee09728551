/**
 * The download cache: each normalised file sits next to a small JSON record of where it came from
 * and its checksum. A file is reused only when the record names the same official URL and the
 * checksum still matches, so a half-written or edited file is fetched again rather than trusted.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sha256 } from '../output-writer';

export interface CacheEntry {
  /** Local path of the normalised file the pipeline reads. */
  path: string;
  /** The URL the data came from (a mirror's when --source-base was given). */
  origin: string;
  /** The publisher's URL in sources.ts: the cache key. */
  officialUrl: string;
  bytes: number;
  sha256: string;
  savedAt: string;
}

const recordPath = (path: string) => `${path}.source.json`;

export async function findCached(cacheDir: string, name: string, officialUrl: string): Promise<CacheEntry | null> {
  const path = join(cacheDir, name);
  try {
    const entry = JSON.parse(await readFile(recordPath(path), 'utf8')) as CacheEntry;
    if (entry.officialUrl !== officialUrl) return null;
    const buf = await readFile(path);
    if (buf.length !== entry.bytes || sha256(buf) !== entry.sha256) return null;
    return { ...entry, path };
  } catch {
    return null;
  }
}

export async function saveToCache(cacheDir: string, name: string, data: Buffer | string, from: { origin: string; officialUrl: string }): Promise<CacheEntry> {
  await mkdir(cacheDir, { recursive: true });
  const path = join(cacheDir, name);
  const buf = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  // Written under a temporary name first: an interrupted run leaves no file that looks complete.
  await writeFile(`${path}.partial`, buf);
  await rename(`${path}.partial`, path);
  const entry: CacheEntry = { path, ...from, bytes: buf.length, sha256: sha256(buf), savedAt: new Date().toISOString() };
  await writeFile(recordPath(path), JSON.stringify({ ...entry, path: name }, null, 2));
  return entry;
}
