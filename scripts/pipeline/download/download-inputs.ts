/**
 * `npm run data -- --download`: fetches every source that has an official release (MHCLG, ONS)
 * into a cache directory, checks and normalises it, and hands the pipeline the cached files.
 * Sources with no official release recorded in sources.ts (researchers' copies, derived lookups)
 * still come from the raw-data directory, and the manifest's origins say which is which.
 * Everything is fetched before the pipeline starts, so a failed download never leaves a
 * half-rebuilt output folder.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { InputResolver } from '../context';
import { SOURCES, type SourceId } from '../sources';
import { findCached, saveToCache, type CacheEntry } from './download-cache';
import { fetchRelease, releaseFileName } from './fetch-release';
import { DEFAULT_LIMITS, DownloadBudget, type DownloadLimits } from './download-limits';
import { DEFAULT_HTTP, DownloadError, httpGet, type HttpOptions } from './http-get';
import { sizeText } from './text-units';
import { withSourceBase } from './source-base';

export interface DownloadOptions {
  cacheDir: string;
  /** Replaces the publishers' hosts, keeping paths (a mirror, or the offline test server). */
  sourceBase?: string;
  /** Where sources without an official release are read from. */
  rawDir?: string;
  log: (line: string) => void;
  /** Fetch plain http:// URLs (a local mirror given as --source-base); refused otherwise. */
  allowHttp?: boolean;
  http?: Partial<Pick<HttpOptions, 'attempts' | 'retryDelayMs' | 'idleTimeoutMs'>>;
  limits?: Partial<DownloadLimits>;
}

export async function downloadInputs(opts: DownloadOptions): Promise<InputResolver> {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const http: HttpOptions = { ...DEFAULT_HTTP, ...opts.http, allowHttp: opts.allowHttp ?? false, budget: new DownloadBudget(limits), log: opts.log };
  const ids = Object.keys(SOURCES) as SourceId[];
  const rawOnly = ids.filter((id) => !SOURCES[id].official);
  const rawDir = opts.rawDir && existsSync(opts.rawDir) ? opts.rawDir : undefined;
  if (rawOnly.length && !rawDir) {
    throw new Error(`${rawOnly.length} sources have no official download recorded in scripts/pipeline/sources.ts (${rawOnly.join(', ')}): they are read from the raw-data directory, which was not found. Pass --raw DIR (or set HOTSPOT_RAW_DIR) alongside --download.`);
  }
  const byUrl = new Map<string, CacheEntry>();
  opts.log(`downloading the official releases${opts.sourceBase ? ` from ${opts.sourceBase}` : ''} (cache: ${opts.cacheDir})`);
  for (const id of ids) {
    const { title, official } = SOURCES[id];
    if (!official || byUrl.has(official.url)) continue;
    const hit = await findCached(opts.cacheDir, releaseFileName(official), official.url);
    if (hit) {
      opts.log(`  ${title}: cached (${sizeText(hit.bytes)}, from ${hit.origin})`);
      byUrl.set(official.url, hit);
      continue;
    }
    opts.log(`  ${title}: fetching ${withSourceBase(official.url, opts.sourceBase)}`);
    try {
      const got = await fetchRelease(official, { get: (u) => httpGet(u, title, http), sourceBase: opts.sourceBase, log: opts.log, label: title, maxInflatedBytes: limits.maxInflatedBytes });
      const entry = await saveToCache(opts.cacheDir, releaseFileName(official), got.data, { origin: got.origin, officialUrl: official.url });
      opts.log(`  ${title}: ${got.summary}, ${sizeText(entry.bytes)}`);
      byUrl.set(official.url, entry);
    } catch (e) {
      throw new Error(explain(title, official.page, e as Error, opts.sourceBase));
    }
  }
  if (rawOnly.length) opts.log(`  ${rawOnly.length} sources without an official release are read from ${rawDir}`);
  return {
    mode: 'download',
    async resolve(id) {
      const { official, rawPath } = SOURCES[id];
      if (!official) return { path: join(rawDir!, rawPath), origin: `raw/${rawPath}` };
      const entry = byUrl.get(official.url)!;
      return { path: entry.path, origin: entry.origin };
    },
  };
}

/** One message that says which file failed, from where, why, and what the user can do about it. */
function explain(title: string, page: string, e: Error, sourceBase: string | undefined): string {
  const kind = e instanceof DownloadError ? e.kind : 'invalid';
  const hint = {
    offline: 'No internet? Build from a raw-data directory instead (npm run data -- --raw DIR), or fetch from a mirror with --source-base URL.',
    'not-found': `The file is not there${sourceBase ? ' on the mirror' : ''}: the publisher may have moved it. Find it on ${page} and update its url in scripts/pipeline/sources.ts, or build with --raw DIR.`,
    truncated: 'The download was cut short: run the command again (finished files are cached), or build with --raw DIR.',
    timeout: 'The server stopped responding: try again later, or build with --raw DIR.',
    http: 'The server refused the request: try again later, or build with --raw DIR.',
    network: 'Check the network connection (or proxy) and try again, or build with --raw DIR.',
    invalid: `The file does not look like the release the pipeline expects. Check ${page}; sources.ts may need updating.`,
    'too-large': 'The server sent far more than the release should hold (limits: scripts/pipeline/download/download-limits.ts). Check the URL or mirror, or build with --raw DIR.',
    'too-slow': 'The server sent too slowly to finish within the time limits (scripts/pipeline/download/download-limits.ts): try again later, or build with --raw DIR.',
    insecure: 'Use an https:// mirror, or pass --allow-http for a local mirror you trust.',
  }[kind];
  return `could not download "${title}"\n  ${e.message}\n  ${hint}`;
}
