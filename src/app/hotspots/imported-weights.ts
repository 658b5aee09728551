/**
 * A weights file the user imported (GAL or GWT), kept in memory for this tab only: never uploaded,
 * never put in the view state (which carries just its name, so a share link can say which file it
 * used). A new import replaces the old one; `generation` tells results on the old file from the new.
 */
import { useSyncExternalStore } from 'react';

export interface ImportedWeightsFile {
  name: string;
  text: string;
  generation: number;
}

/** GeoDa files are a few MB at most for English small areas; anything far bigger is not a weights file. */
const MAX_WEIGHTS_FILE_BYTES = 200_000_000;

let current: ImportedWeightsFile | null = null;
let generation = 0;
const listeners = new Set<() => void>();

export async function importWeightsFile(file: File): Promise<ImportedWeightsFile> {
  if (!/\.(gal|gwt)$/i.test(file.name)) throw new Error(`${file.name} is not a GeoDa weights file: choose a .gal or .gwt file.`);
  if (file.size > MAX_WEIGHTS_FILE_BYTES) throw new Error(`${file.name} is ${(file.size / 1e6).toFixed(0)} MB, too large to be a weights file for these areas.`);
  current = { name: file.name, text: await file.text(), generation: ++generation };
  listeners.forEach((l) => l());
  return current;
}

export function useImportedWeights(): ImportedWeightsFile | null {
  return useSyncExternalStore((l) => (listeners.add(l), () => listeners.delete(l)), () => current);
}
