/**
 * A local stand-in for the publishers' servers: serves the official-shaped fixtures at their URL
 * paths on 127.0.0.1 and answers ArcGIS FeatureServer queries the way the ONS portal does
 * (returnCountOnly, where, orderByFields, resultOffset/resultRecordCount capped at maxRecordCount,
 * exceededTransferLimit, f=json|geojson). Faults can be injected per path to test failures.
 */
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ArcgisLayerFixture, OfficialFixtures } from './official-fixtures';

export type Fault =
  | { kind: 'status'; status: number; times: number }
  /** Announces the full Content-Length, sends half the body, then drops the connection. */
  | { kind: 'cut-connection'; times: number }
  /** A complete HTTP response whose file has lost its second half. */
  | { kind: 'short-file'; times: number }
  /** Another body in place of the file (an oversized file, a zip bomb), with its true Content-Length. */
  | { kind: 'body'; body: Buffer; times: number }
  /** A byte every 20 ms, without end and without Content-Length: never idle, never done. */
  | { kind: 'trickle'; times: number }
  /** 64 KB chunks as fast as the client reads them, without end and without Content-Length. */
  | { kind: 'endless'; times: number };

export interface OfficialServer {
  url: string;
  /** Every request received, as path + query. */
  requests: string[];
  faults: Map<string, Fault>;
  close(): Promise<void>;
}

export async function serveOfficialFixtures(fixtures: OfficialFixtures): Promise<OfficialServer> {
  const requests: string[] = [];
  const faults = new Map<string, Fault>();
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname + url.search);
    const fault = faults.get(url.pathname);
    const faulty = !!fault && fault.times > 0;
    if (faulty) fault.times--;
    if (faulty && fault.kind === 'status') return send(res, fault.status, 'text/plain', Buffer.from('fault injected by the test'));
    if (faulty && fault.kind === 'body') return send(res, 200, 'application/octet-stream', fault.body);
    if (faulty && (fault.kind === 'trickle' || fault.kind === 'endless')) return stream(res, fault.kind);
    const file = fixtures.files.get(url.pathname + url.search) ?? fixtures.files.get(url.pathname);
    if (file) {
      const half = file.body.subarray(0, file.body.length >> 1);
      if (faulty && fault.kind === 'cut-connection') {
        res.writeHead(200, { 'content-type': file.type, 'content-length': file.body.length });
        res.write(half, () => res.destroy());
        return;
      }
      return send(res, 200, file.type, faulty && fault.kind === 'short-file' ? half : file.body);
    }
    const layer = fixtures.layers.get(url.pathname);
    if (layer) return send(res, 200, 'application/json', Buffer.from(JSON.stringify(arcgisQuery(layer, url.searchParams))));
    send(res, 404, 'text/html', Buffer.from('<h1>Not found</h1>'));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    faults,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

/** Writes until the client goes away (it must stop reading: that is what the test checks). */
function stream(res: ServerResponse, kind: 'trickle' | 'endless') {
  res.writeHead(200, { 'content-type': 'text/csv' });
  const chunk = kind === 'trickle' ? Buffer.from('x') : Buffer.alloc(65_536, 'x');
  let open = true;
  res.on('close', () => (open = false));
  const next = () => {
    if (!open) return;
    if (kind === 'trickle') res.write(chunk, () => setTimeout(next, 20));
    else if (res.write(chunk)) setImmediate(next);
    else res.once('drain', next);
  };
  next();
}

function send(res: ServerResponse, status: number, type: string, body: Buffer) {
  res.writeHead(status, { 'content-type': type, 'content-length': body.length });
  res.end(body);
}

function arcgisQuery(layer: ArcgisLayerFixture, q: URLSearchParams): object {
  const where = whereFilter(q.get('where') ?? '1=1');
  // ArcGIS reports a bad query as an error object inside an HTTP 200 response.
  if (!where) return { error: { code: 400, message: 'Unable to complete operation.', details: [`Invalid where clause ${q.get('where')}`] } };
  const records = selected(layer, q.get('where') ?? '1=1', q.get('orderByFields'), where);
  if (q.get('returnCountOnly') === 'true') return { count: records.length };
  const offset = Number(q.get('resultOffset') ?? 0);
  const count = Math.min(Number(q.get('resultRecordCount') ?? layer.maxRecordCount), layer.maxRecordCount);
  const page = records.slice(offset, offset + count);
  const more = offset + page.length < records.length;
  const fields = (q.get('outFields') ?? '*').split(',');
  const pick = (a: Record<string, string | number>) => (fields[0] === '*' ? a : Object.fromEntries(fields.map((f) => [f, a[f]])));
  if (q.get('f') === 'geojson') {
    return {
      type: 'FeatureCollection',
      features: page.map((r) => ({ type: 'Feature', id: r.attributes.FID, geometry: r.geometry ?? null, properties: pick(r.attributes) })),
      ...(more ? { properties: { exceededTransferLimit: true } } : {}),
    };
  }
  return { objectIdFieldName: 'ObjectId', features: page.map((r) => ({ attributes: pick(r.attributes) })), ...(more ? { exceededTransferLimit: true } : {}) };
}

/** Filtered and sorted once per query shape: a client pages through the same selection many times. */
const selections = new WeakMap<ArcgisLayerFixture, Map<string, ArcgisLayerFixture['records']>>();
function selected(layer: ArcgisLayerFixture, where: string, order: string | null, keep: (r: ArcgisLayerFixture['records'][number]) => boolean) {
  const memo = selections.get(layer) ?? new Map<string, ArcgisLayerFixture['records']>();
  selections.set(layer, memo);
  const key = `${where}|${order}`;
  if (!memo.has(key)) {
    const field = order?.split(/\s+/)[0];
    const by = (r: ArcgisLayerFixture['records'][number]) => String(r.attributes[field!]);
    const rows = layer.records.filter(keep);
    memo.set(key, field ? rows.sort((a, b) => (by(a) < by(b) ? -1 : by(a) > by(b) ? 1 : 0)) : rows);
  }
  return memo.get(key)!;
}

/** The two where clauses the pipeline sends: 1=1 and FIELD LIKE 'E%'. Anything else is an ArcGIS error. */
function whereFilter(where: string): ((r: { attributes: Record<string, string | number> }) => boolean) | null {
  if (where.trim() === '1=1') return () => true;
  const m = /^(\w+) LIKE '([^']*)%'$/i.exec(where.trim());
  return m ? (r) => String(r.attributes[m[1]]).startsWith(m[2]) : null;
}
