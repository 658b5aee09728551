/** fetch() that reports bytes received, so long downloads show progress instead of a frozen screen. */
export type ByteProgress = (received: number, total: number | null) => void;

export async function fetchBytes(url: string, onProgress?: ByteProgress, signal?: AbortSignal): Promise<Uint8Array> {
  const res = await fetch(url, { signal });
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status} ${res.statusText}`);
  const header = res.headers.get('content-length');
  // A compressed response's length is the compressed size, so it is only a guide.
  const total = header && !res.headers.get('content-encoding') ? Number(header) : null;
  if (!res.body) {
    const buf = new Uint8Array(await res.arrayBuffer());
    onProgress?.(buf.length, buf.length);
    return buf;
  }
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onProgress?.(received, total);
  }
  const out = new Uint8Array(received);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
