/**
 * From the weights the user chose to what the weights worker builds: the pipeline's GAL file for
 * queen/rook, kNN or a band from area centres, or an imported file. The key changes whenever the
 * built weights would, so built weights and results are reused only when they are the same.
 */
import type { DataManifest } from '../../data/manifest';
import type { LevelId } from '../../geo/levels';
import type { HotspotWeightsSpec } from '../../state/hotspot-spec';
import type { WeightsSource } from '../../workers/hotspot-weights-messages';
import type { ImportedWeightsFile } from './imported-weights';

export type ResolvedWeights = { source: WeightsSource; key: string; error?: undefined } | { error: string; source?: undefined; key?: undefined };

export function weightsSource(
  w: HotspotWeightsSpec, level: LevelId, manifest: DataManifest, dataUrl: (path: string) => string, imported: ImportedWeightsFile | null,
): ResolvedWeights {
  const tail = `${w.style}|${w.islands}`;
  switch (w.kind) {
    case 'queen':
    case 'rook': {
      const path = `weights/${level}-${w.kind}.gal`;
      // Built files are listed under their logical name when they carry a content hash.
      if (!manifest.outputs.some((o) => o.path === path || o.name === path)) {
        return { error: `No ${w.kind} contiguity weights were built for this level (${path}). Rebuild the data with "npm run data", or choose k nearest neighbours.` };
      }
      return { source: { kind: 'contiguity', rule: w.kind, url: dataUrl(path) }, key: `${level}|${w.kind}|${tail}` };
    }
    case 'knn':
      return { source: { kind: 'knn', k: w.k }, key: `${level}|knn-${w.k}|${tail}` };
    case 'band':
      return { source: { kind: 'band', km: w.bandKm }, key: `${level}|band-${w.bandKm ?? 'min'}|${tail}` };
    case 'file': {
      if (!imported || imported.name !== w.file) {
        return { error: `This view uses weights from the file ${w.file ?? '(none)'}, which is not loaded in this browser tab. Import it again, or choose other weights.` };
      }
      return { source: { kind: 'file', name: imported.name, text: imported.text }, key: `${level}|file-${imported.generation}|${tail}` };
    }
  }
}
