/**
 * The entries of a ZIP archive as its central directory declares them, read without inflating
 * anything. fflate inflates each entry into a buffer of its declared size (extra output is dropped),
 * so checking the declared sizes first bounds the memory an archive can take, however it was made.
 */
import { unzipSync } from 'fflate';

export interface ZipEntry {
  name: string;
  /** Compressed bytes. */
  size: number;
  /** Bytes once inflated, as declared. */
  originalSize: number;
}

/** The entries, or null when the bytes are not a readable ZIP archive. */
export function zipDirectory(bytes: Uint8Array): ZipEntry[] | null {
  const entries: ZipEntry[] = [];
  try {
    unzipSync(bytes, { filter: (f) => (entries.push({ name: f.name, size: f.size, originalSize: f.originalSize }), false) });
  } catch {
    return null;
  }
  return entries;
}

export const inflatedSize = (entries: readonly ZipEntry[]) => entries.reduce((s, e) => s + e.originalSize, 0);
