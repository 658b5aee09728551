/**
 * A weights file the user imported (GAL or GWT), kept in memory for this tab only: never uploaded,
 * never put in the view state (which carries just its name, so a share link can say which file it
 * used). A new import replaces the old one; `generation` tells results on the old file from the new.
 */
import { useSyncExternalStore } from 'react';
import { formatBytes, INPUT_LIMITS, limitMessage } from '../../lib/input-limits';

export interface ImportedWeightsFile {
  name: string;
  text: string;
  generation: number;
}

let current: ImportedWeightsFile | null = null;
let generation = 0;
const listeners = new Set<() => void>();

export async function importWeightsFile(file: File): Promise<ImportedWeightsFile> {
  if (!/\.(gal|gwt)$/i.test(file.name)) throw new Error(`${file.name} is not a GeoDa weights file: choose a .gal or .gwt file.`);
  if (file.size > INPUT_LIMITS.weightsFileBytes) {
    throw new Error(limitMessage(file.name, 'weightsFileBytes', `the file is ${formatBytes(file.size)}`, 'A weights file for these areas is a few MB at most: check that this is the right file.'));
  }
  current = { name: file.name, text: await file.text(), generation: ++generation };
  listeners.forEach((l) => l());
  return current;
}

export function useImportedWeights(): ImportedWeightsFile | null {
  return useSyncExternalStore((l) => (listeners.add(l), () => listeners.delete(l)), () => current);
}
