/**
 * The download mode's limits against a misbehaving local server: a server that trickles (never idle,
 * never done), an oversized or endless file, a run that passes its total byte or time limit, a zip
 * bomb, and plain http:// without --allow-http. Each must end with a message that names the URL and
 * the limit, and the pipeline must not be handed a partial file. No raw data is needed: the first
 * official source (IoD2025 File 7) is the one that misbehaves, so nothing else is fetched.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseCliOptions } from '../../scripts/pipeline/cli-options';
import { downloadInputs, type DownloadOptions } from '../../scripts/pipeline/download/download-inputs';
import { DEFAULT_LIMITS, DownloadBudget } from '../../scripts/pipeline/download/download-limits';
import { fetchRelease } from '../../scripts/pipeline/download/fetch-release';
import { httpGet } from '../../scripts/pipeline/download/http-get';
import { withSourceBase } from '../../scripts/pipeline/download/source-base';
import { SOURCES, type SourceId } from '../../scripts/pipeline/sources';
import { serveOfficialFixtures, type OfficialServer } from './official-server';
import { writeZip } from './zip-write';

const FIRST = (Object.keys(SOURCES) as SourceId[]).find((id) => SOURCES[id].official)!;
const path = (id: SourceId) => new URL(SOURCES[id].official!.url).pathname;

let server: OfficialServer;
let tmp: string;

beforeAll(async () => {
  server = await serveOfficialFixtures({ files: new Map(), layers: new Map() });
  tmp = await mkdtemp(join(tmpdir(), 'hotspot-limits-'));
});
afterAll(async () => {
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});
beforeEach(() => {
  server.faults.clear();
  server.requests.length = 0;
});

/** Fresh cache, the stand-in server, no retries: the first file's failure is the run's failure. */
async function options(extra: Partial<DownloadOptions> = {}): Promise<DownloadOptions> {
  const cacheDir = await mkdtemp(join(tmp, 'cache-'));
  return { cacheDir, sourceBase: server.url, allowHttp: true, rawDir: tmp, log: () => {}, http: { attempts: 1 }, ...extra };
}

async function failure(opts: DownloadOptions): Promise<string> {
  const error = await downloadInputs(opts).then(() => null, (e: Error) => e);
  expect(error, 'the download should have failed').toBeInstanceOf(Error);
  // Nothing half-fetched reaches the cache, so a later run cannot mistake it for the release.
  expect(await readdir(opts.cacheDir).catch(() => [])).toEqual([]);
  return error!.message;
}

describe('download limits', () => {
  it(`a server that trickles (a byte every 20 ms, never idle) hits the time limit per file`, async () => {
    server.faults.set(path(FIRST), { kind: 'trickle', times: 9 });
    const t0 = Date.now();
    const message = await failure(await options({ limits: { fileTimeoutMs: 600 } }));
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(message).toContain(withSourceBase(SOURCES[FIRST].official!.url, server.url));
    expect(message).toMatch(/not complete after 0\.6 s, the time limit per file \(.* received\): the server sends too slowly/);
    expect(message).toMatch(/try again later, or build with --raw DIR/);
  });

  it('the whole run has a time limit too, retries included', async () => {
    server.faults.set(path(FIRST), { kind: 'trickle', times: 9 });
    const message = await failure(await options({ limits: { totalTimeoutMs: 500 }, http: { attempts: 3, retryDelayMs: 10 } }));
    expect(message).toMatch(/the download as a whole passed its time limit of 0\.5 s/);
  });

  it('refuses a file whose announced size is over the limit per file, without reading it', async () => {
    server.faults.set(path(FIRST), { kind: 'body', body: Buffer.alloc(3e6, 'x'), times: 9 });
    const message = await failure(await options({ limits: { maxFileBytes: 1e6 } }));
    expect(message).toMatch(/the server announces 3\.0 MB, more than the limit of 1\.0 MB per file: stopped/);
    expect(message).toMatch(/far more than the release should hold/);
  });

  it('stops an endless body (no Content-Length) at the limit per file', async () => {
    server.faults.set(path(FIRST), { kind: 'endless', times: 9 });
    const message = await failure(await options({ limits: { maxFileBytes: 2e6 } }));
    expect(message).toMatch(/more than the limit of 2\.0 MB per file arrived: stopped/);
  });

  it('stops when the files of one run together pass the total byte limit', async () => {
    const budget = new DownloadBudget({ ...DEFAULT_LIMITS, maxTotalBytes: 1.5e6 });
    const http = { attempts: 1, retryDelayMs: 10, idleTimeoutMs: 5_000, allowHttp: true, budget, log: () => {} };
    server.faults.set('/one', { kind: 'body', body: Buffer.alloc(1e6, 'a'), times: 1 });
    server.faults.set('/two', { kind: 'body', body: Buffer.alloc(1e6, 'b'), times: 1 });
    expect((await httpGet(`${server.url}/one`, 'one', http)).length).toBe(1e6);
    await expect(httpGet(`${server.url}/two`, 'two', http)).rejects.toThrow(`${server.url}/two: the download as a whole passed its limit of 1.5 MB: stopped`);
  });

  it('refuses a zip bomb: an entry declaring more than the inflation limit, and one lying about its size', async () => {
    const release = SOURCES.ladCodeChanges.official!;
    const get = (u: string) => httpGet(u, 'CHD', { attempts: 1, retryDelayMs: 10, idleTimeoutMs: 5_000, allowHttp: true, budget: new DownloadBudget(DEFAULT_LIMITS), log: () => {} });
    const zeros = Buffer.alloc(20e6);
    const fetcher = { get, sourceBase: server.url, log: () => {}, label: 'CHD', maxInflatedBytes: 5e6 };
    server.faults.set(path('ladCodeChanges'), { kind: 'body', body: writeZip([{ name: 'Changes.csv', data: zeros }]), times: 1 });
    await expect(fetchRelease(release, fetcher)).rejects.toThrow(/zip entry Changes\.csv would inflate to 20000000 bytes, more than the limit of 5000000: refused/);
    server.faults.set(path('ladCodeChanges'), { kind: 'body', body: writeZip([{ name: 'Changes.csv', data: zeros, declaredSize: 4096 }]), times: 1 });
    await expect(fetchRelease(release, fetcher)).rejects.toThrow(/zip entry Changes\.csv inflates to more than the 4096 bytes it declares: refused \(damaged, or a zip bomb\)/);
  });

  it('refuses plain http:// unless --allow-http is given, before sending any request', async () => {
    const message = await failure(await options({ allowHttp: false }));
    expect(message).toMatch(/plain http:\/\/ is refused .*\n.*pass --allow-http for a local mirror you trust/s);
    expect(server.requests).toEqual([]);
    expect(() => parseCliOptions(['--download', '--source-base', server.url])).toThrow(/is plain http:\/\/.*add --allow-http for a local mirror you trust/);
    expect(parseCliOptions(['--download', '--source-base', server.url, '--allow-http']).allowHttp).toBe(true);
    expect(parseCliOptions(['--download', '--source-base', 'https://mirror.example']).allowHttp).toBe(false);
  });
});
