/**
 * The compact data files are stored gzipped, so they travel small from any host, including ones
 * that do not compress responses. A host that does compress them again (or the browser having
 * decoded a Content-Encoding already) leaves plain bytes: only data that starts with the gzip
 * magic number is inflated.
 */

function isGzip(bytes: Uint8Array): boolean {
  return bytes.length > 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

export async function gunzipIfNeeded(bytes: Uint8Array): Promise<Uint8Array> {
  if (!isGzip(bytes)) return bytes;
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
