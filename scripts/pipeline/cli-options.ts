/** Command-line and environment options shared by `npm run data` and the dev/build pre-step. */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseSourceBase } from './download/source-base';

export interface CliOptions {
  rawDir: string;
  outDir: string;
  download: boolean;
  /** Replaces the publishers' hosts (for mirrors, and for testing the download path offline). */
  sourceBase?: string;
  cacheDir: string;
}

const ROOT = resolve(import.meta.dirname, '../..');

const DEFAULT_OUT = resolve(ROOT, 'public/data');
const DEFAULT_RAW = resolve(ROOT, '../shared/data/raw');

export function parseCliOptions(argv: string[], env = process.env): CliOptions {
  const get = (flag: string) => {
    const i = argv.indexOf(flag);
    if (i < 0) return undefined;
    const v = argv[i + 1];
    if (!v || v.startsWith('--')) throw new Error(`${flag} needs a value`);
    return v;
  };
  const known = new Set(['--raw', '--out', '--download', '--source-base', '--cache', '--help']);
  for (const a of argv) if (a.startsWith('--') && !known.has(a)) throw new Error(`unknown option ${a} (try --help)`);
  return {
    rawDir: resolve(get('--raw') ?? env.HOTSPOT_RAW_DIR ?? DEFAULT_RAW),
    outDir: resolve(get('--out') ?? env.HOTSPOT_DATA_OUT ?? DEFAULT_OUT),
    download: argv.includes('--download'),
    sourceBase: parseSourceBase(get('--source-base') ?? env.HOTSPOT_SOURCE_BASE),
    cacheDir: resolve(get('--cache') ?? resolve(ROOT, 'data/downloads')),
  };
}

export const HELP = `npm run data -- [options]

Builds the files the app serves (geometry, tables, manifest.json) from the raw open data.

  --raw DIR           raw-data directory (default: $HOTSPOT_RAW_DIR or ../shared/data/raw)
  --out DIR           output directory (default: public/data, served by the app)
  --download          fetch the official releases (MHCLG, ONS) instead of reading --raw;
                      needs internet; files already in the cache are reused
  --source-base URL   fetch from this mirror instead of the publishers' hosts, keeping each
                      file's path (default: $HOTSPOT_SOURCE_BASE)
  --cache DIR         where downloads are kept (default: data/downloads)
`;

export const rawDirExists = (dir: string) => existsSync(dir);
