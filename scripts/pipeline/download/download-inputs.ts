/** Placeholder until the download path lands: fails with a clear message. */
import type { InputResolver } from '../run-pipeline';

export async function downloadInputs(_opts: { cacheDir: string; sourceBase?: string; log: (s: string) => void }): Promise<InputResolver> {
  throw new Error('downloading the official releases is not implemented yet');
}
