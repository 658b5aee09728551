/** Options every reader takes: progress, cancellation, and the user's overrides from the mapping dialog. */
export interface ReadProgress {
  phase: 'reading' | 'checking';
  /** Bytes (or for Excel/GeoJSON, a share of the work scaled to the file size) done so far. */
  done: number;
  total: number;
  rows: number;
}

export interface ReadOptions {
  signal?: AbortSignal;
  onProgress?: (p: ReadProgress) => void;
  /** Excel: sheet name or 1-based position; the first sheet by default. */
  sheet?: string | number;
  /** CSV: force a separator instead of detecting it. */
  delimiter?: ',' | '\t' | ';' | '|';
  /** CSV: bytes read per step (tests use small chunks to cross every boundary). */
  chunkBytes?: number;
}

export const DEFAULT_CHUNK_BYTES = 4 << 20;
