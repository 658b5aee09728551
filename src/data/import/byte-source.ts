/**
 * Random access to a file's bytes, so readers can stream a 100 MB file in chunks instead of loading
 * it whole: a browser File in the worker, `fs.openAsBlob` in node, or bytes already in memory.
 */
export interface ByteSource {
  /** The file name, used in every message. */
  readonly name: string;
  readonly size: number;
  /** Bytes [start, end); the returned array owns its buffer (safe to hand to libraries). */
  read(start: number, end: number): Promise<Uint8Array>;
}

export function blobSource(blob: Blob, name: string): ByteSource {
  return {
    name,
    size: blob.size,
    read: async (start, end) => new Uint8Array(await blob.slice(start, end).arrayBuffer()),
  };
}

export function bytesSource(bytes: Uint8Array, name: string): ByteSource {
  return {
    name,
    size: bytes.length,
    read: async (start, end) => bytes.slice(start, end),
  };
}

/** The lower-case extension without the dot ("csv"), or "" when there is none. */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}
