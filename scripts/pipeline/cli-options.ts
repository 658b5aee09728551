/** Command-line and environment options shared by `npm run data` and the dev/build pre-step. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_LIMITS as L } from './download/download-limits';
import { sizeText } from './download/text-units';
import { parseSourceBase } from './download/source-base';

export interface CliOptions {
  rawDir: string;
  outDir: string;
  download: boolean;
  /** Replaces the publishers' hosts (for mirrors, and for testing the download path offline). */
  sourceBase?: string;
  /** Allows a plain http:// source base (a local mirror); refused without it. */
  allowHttp: boolean;
  cacheDir: string;
}

const ROOT = resolve(import.meta.dirname, '../..');

const DEFAULT_OUT = resolve(ROOT, 'public/data');
const DEFAULT_RAW = resolve(ROOT, '../shared/data/raw');
/** The top-level data/ folder holds downloads (git-ignored; data/README.md says what goes there). */
const DEFAULT_CACHE = resolve(ROOT, 'data/downloads');

export function parseCliOptions(argv: string[], env = process.env): CliOptions {
  const get = (flag: string) => {
    const i = argv.indexOf(flag);
    if (i < 0) return undefined;
    const v = argv[i + 1];
    if (!v || v.startsWith('--')) throw new Error(`${flag} needs a value`);
    return v;
  };
  const known = new Set(['--raw', '--out', '--download', '--source-base', '--allow-http', '--cache', '--help']);
  for (const a of argv) if (a.startsWith('--') && !known.has(a)) throw new Error(`unknown option ${a} (try --help)`);
  const allowHttp = argv.includes('--allow-http');
  const sourceBase = parseSourceBase(get('--source-base') ?? env.HOTSPOT_SOURCE_BASE);
  if (sourceBase?.startsWith('http:') && !allowHttp) {
    throw new Error(`--source-base ${sourceBase} is plain http://, which anyone on the way can read and alter: use https://, or add --allow-http for a local mirror you trust`);
  }
  return {
    rawDir: resolve(get('--raw') ?? env.HOTSPOT_RAW_DIR ?? DEFAULT_RAW),
    outDir: resolve(get('--out') ?? env.HOTSPOT_DATA_OUT ?? DEFAULT_OUT),
    download: argv.includes('--download'),
    sourceBase,
    allowHttp,
    cacheDir: resolve(get('--cache') ?? DEFAULT_CACHE),
  };
}

export const HELP = `npm run data -- [options]

Builds the files the app serves (geometry, tables, manifest.json) from the raw open data.

  --raw DIR           raw-data directory (default: $HOTSPOT_RAW_DIR or ../shared/data/raw)
  --out DIR           output directory (default: public/data, served by the app). It is replaced
                      whole, only after the build passes its checks, so it must be new, empty, or
                      an earlier output of this command (it holds a .hotspot-atlas-output file)
  --download          fetch the official releases (MHCLG, ONS) instead of reading --raw;
                      needs internet; files already in the cache are reused. Limits: ${sizeText(L.maxFileBytes)}
                      and ${L.fileTimeoutMs / 60_000} min per file, ${sizeText(L.maxTotalBytes)} and ${L.totalTimeoutMs / 60_000} min in all, ${sizeText(L.maxInflatedBytes)} per zip entry
  --source-base URL   fetch from this mirror instead of the publishers' hosts, keeping each
                      file's path (default: $HOTSPOT_SOURCE_BASE); https:// unless --allow-http
  --allow-http        allow a plain http:// --source-base (a local mirror you trust)
  --cache DIR         where downloads are kept (default: data/downloads)
`;

export const rawDirExists = (dir: string) => existsSync(dir);
