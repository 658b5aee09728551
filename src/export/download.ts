/**
 * Browser-only: saves a writer's output as a file. Kept apart from the pure writers so they stay
 * usable in node, workers and tests. Everything runs locally (Blob + object URL), so a download
 * makes no network request and needs nothing beyond the page's own origin in the CSP.
 */
import { MIME_TYPE, exportFileName, type ExportFormat } from './file-name';

/** How long the object URL must outlive the click: some browsers start reading it asynchronously. */
const REVOKE_AFTER_MS = 30_000;

export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  try {
    a.click();
  } finally {
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
  }
}

/**
 * Saves writer output under the standard name for `format`. Strings are encoded as UTF-8 by Blob;
 * the CSV writers already begin with the BOM Excel needs.
 */
export function downloadExport(
  content: string | Uint8Array | Blob,
  format: ExportFormat,
  title: string,
  generatedAt: string,
): string {
  const type = MIME_TYPE[format];
  const blob = content instanceof Blob ? content : new Blob([content as BlobPart], { type });
  const name = exportFileName(title, generatedAt, format);
  downloadBlob(blob, name);
  return name;
}
