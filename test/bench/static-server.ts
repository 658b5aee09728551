/**
 * A tiny static file server on 127.0.0.1 for benches and the service-worker test: correct MIME types,
 * gzip for text and wasm as ordinary hosts send them (compressed once, up front, so compression never
 * competes with a measurement), and a log of every response with its bytes on the wire and when it
 * finished, to count what a page downloaded before its first map.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.geojson': 'application/json', '.webmanifest': 'application/manifest+json', '.wasm': 'application/wasm', '.csv': 'text/csv',
  '.gal': 'text/plain', '.png': 'image/png', '.svg': 'image/svg+xml', '.bin': 'application/octet-stream', '.cols': 'application/octet-stream',
};
/** Types a host compresses; the atlas's .bin and .cols files are stored gzipped already. */
const COMPRESS = new Set(['.html', '.js', '.mjs', '.css', '.json', '.geojson', '.webmanifest', '.wasm', '.csv', '.gal', '.svg']);

export interface ServedResponse {
  path: string;
  status: number;
  /** Body bytes sent (compressed when gzip was used). */
  bytes: number;
  gzip: boolean;
  /** Epoch milliseconds. */
  start: number;
  end: number;
}

export interface StaticServer {
  url: string;
  port: number;
  log: ServedResponse[];
  stop(): Promise<void>;
}

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : [p];
  });
}

export async function serveStatic(root: string, opts: { port?: number; base?: string; headers?: (path: string) => Record<string, string> } = {}): Promise<StaticServer> {
  const base = opts.base ?? '/';
  // Compressed up front; a file changed since (a test "deploying" a new version) is compressed again.
  const gz = new Map<string, { mtimeMs: number; size: number; body: Buffer }>();
  const compressed = (f: string) => {
    const st = statSync(f);
    let hit = gz.get(f);
    if (!hit || hit.mtimeMs !== st.mtimeMs || hit.size !== st.size) gz.set(f, (hit = { mtimeMs: st.mtimeMs, size: st.size, body: gzipSync(readFileSync(f), { level: 6 }) }));
    return hit.body;
  };
  for (const f of files(root)) if (COMPRESS.has(extname(f))) compressed(f);
  const log: ServedResponse[] = [];
  const server: Server = createServer((req, res) => {
    const start = Date.now();
    const urlPath = decodeURIComponent((req.url ?? '/').split(/[?#]/)[0]);
    const inBase = urlPath.startsWith(base) ? urlPath.slice(base.length - 1) : null;
    let file = inBase === null ? '' : join(root, normalize(inBase).replace(/^(\.\.[/\\])+/, ''));
    if (file && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file || !file.startsWith(root) || !existsSync(file)) {
      res.writeHead(404).end('not found');
      log.push({ path: urlPath, status: 404, bytes: 9, gzip: false, start, end: Date.now() });
      return;
    }
    const packed = COMPRESS.has(extname(file)) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) ? compressed(file) : undefined;
    const body = packed ?? readFileSync(file);
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'content-length': body.length,
      ...(packed ? { 'content-encoding': 'gzip', vary: 'accept-encoding' } : {}),
      ...opts.headers?.(relative(root, file)),
    });
    res.end(body, () => log.push({ path: urlPath, status: 200, bytes: body.length, gzip: !!packed, start, end: Date.now() }));
  });
  await new Promise<void>((r) => server.listen(opts.port ?? 0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}${base}`,
    port,
    log,
    stop: () => new Promise((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}
