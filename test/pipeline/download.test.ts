/**
 * `npm run data -- --download`, offline. Fixtures shaped like the publishers' releases are generated
 * from the workplace raw directory into a temporary folder and served on 127.0.0.1 at the
 * publishers' URL paths (ArcGIS layers page by page); the pipeline then runs with
 * `--download --source-base http://127.0.0.1:PORT`, and its outputs must equal those of a normal
 * raw-directory build byte for byte. Failure paths (404, cut connections, short files, transient
 * 500s, no network) and the cache are tested against the same server.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { appendFile, cp, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataManifest } from '../../src/data/manifest';
import { parseCliOptions } from '../../scripts/pipeline/cli-options';
import { downloadInputs, type DownloadOptions } from '../../scripts/pipeline/download/download-inputs';
import { withSourceBase } from '../../scripts/pipeline/download/source-base';
import { sha256 } from '../../scripts/pipeline/output-writer';
import { readLadCodeChanges } from '../../scripts/pipeline/read-sources';
import { SOURCES, type SourceId } from '../../scripts/pipeline/sources';
import { buildOfficialFixtures } from './official-fixtures';
import { serveOfficialFixtures, type OfficialServer } from './official-server';

const ROOT = resolve(import.meta.dirname, '../..');
const RAW = parseCliOptions([]).rawDir;
const IDS = Object.keys(SOURCES) as SourceId[];
const officialPath = (id: SourceId) => new URL(SOURCES[id].official!.url).pathname;

describe.skipIf(!existsSync(RAW))('npm run data -- --download (offline, against a local stand-in for the publishers)', () => {
  let tmp: string;
  let server: OfficialServer;
  let cacheDir: string;
  let raw: DataManifest;
  let downloaded: DataManifest;
  let rawBuild: string;
  const log: string[] = [];

  beforeAll(async () => {
    tmp = await mkdtemp(join(tmpdir(), 'hotspot-download-'));
    server = await serveOfficialFixtures(await buildOfficialFixtures(RAW));
    cacheDir = join(tmp, 'cache');
    // The real command line, in a child process: the two builds' memory is gone when they end.
    log.push(...(await buildData(['--download', '--source-base', server.url, '--allow-http', '--cache', cacheDir, '--out', join(tmp, 'download-build'), '--raw', RAW])));
    // CI has just built the served data from the same raw folder with the same code (HOTSPOT_RAW_BUILD
    // names it): compare with that rather than spend two minutes building it again.
    rawBuild = process.env.HOTSPOT_RAW_BUILD ? resolve(ROOT, process.env.HOTSPOT_RAW_BUILD) : join(tmp, 'raw-build');
    if (!process.env.HOTSPOT_RAW_BUILD) await buildData(['--raw', RAW, '--out', rawBuild]);
    downloaded = JSON.parse(await readFile(join(tmp, 'download-build', 'manifest.json'), 'utf8'));
    raw = JSON.parse(await readFile(join(rawBuild, 'manifest.json'), 'utf8'));
  }, 900_000);

  afterAll(async () => {
    await server?.close();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('builds the same geometry and tables as a raw-directory build, byte for byte', async () => {
    const files = (m: DataManifest) => m.outputs.filter((o) => o.path !== 'manifest.json').map((o) => [o.path, o.rows, o.sha256]);
    expect(files(downloaded)).toEqual(files(raw));
    expect(downloaded.levels).toEqual(raw.levels);
    expect(downloaded.tables).toEqual(raw.tables);
    expect(downloaded.joinReport).toEqual(raw.joinReport);
    expect(downloaded.levels.lsoa21?.features).toBe(33_755);
    expect(downloaded.levels.lsoa11?.features).toBe(32_844);
    // The manifest's checksums are of the written files; read two back to be sure they are what it says.
    for (const path of [downloaded.levels.lsoa11!.geometry, 'tables/imd2025.csv', downloaded.levels.lsoa11!.shapes!]) {
      expect(await digest(join(tmp, 'download-build', path))).toBe(await digest(join(rawBuild, path)));
    }
  });

  it('records download mode and the URL each source came from', () => {
    expect(raw.mode).toBe('raw');
    expect(downloaded.mode).toBe('download');
    for (const s of downloaded.sources) {
      const official = SOURCES[s.id as SourceId].official;
      if (!official) {
        expect(s.origin).toBe(`raw/${SOURCES[s.id as SourceId].rawPath}`);
      } else if (official.format === 'arcgis') {
        expect(s.origin).toBe(`${withSourceBase(official.url, server.url)}?${new URLSearchParams({ where: official.where, outFields: Object.keys(official.fields).join(','), orderByFields: official.orderBy })}&f=${official.geometry ? 'geojson' : 'json'}`);
      } else {
        expect(s.origin).toBe(withSourceBase(official.url, server.url));
      }
    }
    const fromServer = downloaded.sources.filter((s) => s.origin.startsWith(server.url)).map((s) => s.id);
    expect(fromServer.sort()).toEqual(IDS.filter((id) => SOURCES[id].official).sort());
  });

  it('reads ArcGIS layers page by page, following the server when it caps the page size', () => {
    const pages = (id: SourceId) => server.requests.filter((r) => r.startsWith(officialPath(id)) && r.includes('resultOffset='));
    // The lookups are served 1,000 records a page although the client asks for 2,000.
    expect(pages('lsoa21Ward24Lad24')).toHaveLength(Math.ceil(35_672 / 1000));
    expect(pages('lsoa21Boundaries')).toHaveLength(Math.ceil(33_755 / 2000));
    expect(server.requests.filter((r) => r.startsWith(officialPath('lsoa21Boundaries')) && r.includes('returnCountOnly=true'))).toHaveLength(1);
    expect(log.some((l) => /LSOA \(2021\) to Electoral Ward.*35672 records/.test(l))).toBe(true);
  });

  it('turns the Code History Database into the same 2024 successor for every English district code', async () => {
    const fromRaw = await readLadCodeChanges(join(RAW, SOURCES.ladCodeChanges.rawPath));
    const fromChd = await readLadCodeChanges((await (await downloadInputs(quiet())).resolve('ladCodeChanges')).path);
    const english = (m: Map<string, string>) => [...m].filter(([k]) => k.startsWith('E')).sort();
    expect(english(fromChd)).toEqual(english(fromRaw));
    expect(fromChd.get('E07000005')).toBe('E06000060'); // Chiltern → Buckinghamshire (2020)
    expect(fromChd.get('E07000026')).toBe('E06000063'); // Allerdale → Cumberland (2023)
  });

  it('reuses verified cached files without asking the server again, and refetches a damaged one', async () => {
    const before = server.requests.length;
    const again = await downloadInputs(quiet());
    expect(server.requests.length).toBe(before);
    expect((await again.resolve('imd2025')).origin).toBe(withSourceBase(SOURCES.imd2025.official!.url, server.url));

    await appendFile((await again.resolve('census2021Population')).path, 'E01999999,edited by hand\n');
    await downloadInputs(quiet());
    expect(server.requests.slice(before)).toEqual([new URL(SOURCES.census2021Population.official!.url).pathname + new URL(SOURCES.census2021Population.official!.url).search]);
  });

  it('retries after a transient server error and then succeeds', async () => {
    const dir = await cacheWithout('imd2025');
    server.faults.set(officialPath('imd2025'), { kind: 'status', status: 503, times: 1 });
    const lines: string[] = [];
    const inputs = await downloadInputs({ ...quiet(dir), log: (l) => lines.push(l) });
    expect(server.faults.get(officialPath('imd2025'))?.times).toBe(0);
    expect(lines.some((l) => l.includes('HTTP 503') && l.includes('retrying'))).toBe(true);
    expect(await digest((await inputs.resolve('imd2025')).path)).toBe(await digest((await (await downloadInputs(quiet())).resolve('imd2025')).path));
  });

  it('fails with a message naming the URL when a file is missing (404)', async () => {
    server.faults.set(officialPath('imd2025'), { kind: 'status', status: 404, times: 99 });
    const url = withSourceBase(SOURCES.imd2025.official!.url, server.url);
    const error = await downloadInputs(quiet(await cacheWithout('imd2025'))).catch((e: Error) => e);
    server.faults.clear();
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toContain(url);
    expect((error as Error).message).toMatch(/HTTP 404.*\n.*update its url in scripts\/pipeline\/sources\.ts/s);
  });

  it('fails with a message naming the URL when the connection drops mid-file, after retrying', async () => {
    server.faults.set(officialPath('ladCodeChanges'), { kind: 'cut-connection', times: 99 });
    const error = await downloadInputs(quiet(await cacheWithout('ladCodeChanges'))).catch((e: Error) => e);
    server.faults.clear();
    expect((error as Error).message).toContain(withSourceBase(SOURCES.ladCodeChanges.official!.url, server.url));
    expect((error as Error).message).toMatch(/connection closed after .* of .*truncated \(after 2 attempts\)/);
  });

  it('rejects a complete response that holds only part of the file', async () => {
    server.faults.set(officialPath('imd2019'), { kind: 'short-file', times: 1 });
    const error = await downloadInputs(quiet(await cacheWithout('imd2019'))).catch((e: Error) => e);
    server.faults.clear();
    expect((error as Error).message).toContain(withSourceBase(SOURCES.imd2019.official!.url, server.url));
    expect((error as Error).message).toMatch(/data rows, expected 32844|not a complete CSV file/);
  });

  it('says what to do when there is no network', async () => {
    const error = await downloadInputs({ ...quiet(join(tmp, 'offline-cache')), sourceBase: 'http://publishers.invalid' }).catch((e: Error) => e);
    expect((error as Error).message).toContain('http://publishers.invalid/');
    expect((error as Error).message).toMatch(/No internet\? Build from a raw-data directory instead/);
  });

  /** `npm run data -- ARGS`, resolving to its output lines. */
  function buildData(args: string[]): Promise<string[]> {
    return new Promise((ok, fail) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/build-data.ts', ...args], { cwd: ROOT });
      let out = '';
      let err = '';
      child.stdout.on('data', (d) => (out += d));
      child.stderr.on('data', (d) => (err += d));
      child.on('close', (code) => (code === 0 ? ok(out.split('\n')) : fail(new Error(`build-data ${args.join(' ')} exited ${code}:\n${err}`))));
    });
  }

  /** Checksums, not toEqual on Buffers: element-wise comparison of megabytes takes minutes. */
  async function digest(path: string): Promise<string> {
    return sha256(await readFile(path));
  }

  /** Options for a direct downloadInputs call: fast retries, no console output. */
  function quiet(dir = cacheDir): DownloadOptions {
    return { cacheDir: dir, sourceBase: server.url, allowHttp: true, rawDir: RAW, log: () => {}, http: { attempts: 2, retryDelayMs: 10 } };
  }

  /** A copy of the filled cache without one source's file, so only that source is fetched. */
  async function cacheWithout(id: SourceId): Promise<string> {
    const dir = await mkdtemp(join(tmp, 'cache-'));
    await cp(cacheDir, dir, { recursive: true });
    for (const record of (await readdir(dir)).filter((f) => f.endsWith('.source.json'))) {
      const { officialUrl, path } = JSON.parse(await readFile(join(dir, record), 'utf8')) as { officialUrl: string; path: string };
      if (officialUrl === SOURCES[id].official!.url) await rm(join(dir, path));
    }
    return dir;
  }
});
