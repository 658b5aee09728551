/**
 * Files in and out of the Hotspots tab, all within the browser: import a GAL/GWT weights file (file
 * picker), download the weights a run used (GAL; GWT too when they carry distances) and the
 * per-area results (CSV, the columns of `npm run hotspots`).
 */
import type { HotspotResult } from '../../analysis/stats/hotspots';
import { writeGal } from '../../analysis/weights/gal';
import { writeGwt } from '../../analysis/weights/gwt';
import { downloadBlob } from '../../export/download';
import type { HotspotSpec } from '../../state/hotspot-spec';
import type { AtlasContext } from '../atlas-context';
import type { FrameClasses } from './hotspot-frame';
import { hotspotResultsCsv } from './hotspot-results-csv';
import { importWeightsFile, useImportedWeights } from './imported-weights';
import type { HotspotRun } from './use-hotspot-run';
import type { WeightsFieldsetProps } from './WeightsFieldset';

export interface HotspotFiles {
  weights: Omit<WeightsFieldsetProps, 'value' | 'onChange'>;
  downloadResults: (() => void) | null;
}

/** File names say what is inside: level, weights, statistic and seed. */
const safe = (s: string) => s.replace(/[^\w.-]+/g, '-').replace(/-+/g, '-').replace(/^-|-$/g, '');

export function useHotspotFiles(ctx: AtlasContext, run: HotspotRun | null, result: HotspotResult | null, fc: FrameClasses | null, update: (p: Partial<HotspotSpec>) => void): HotspotFiles {
  const imported = useImportedWeights();
  const spec = ctx.state.hotspots;
  const level = ctx.state.level;
  const onImport = (file: File) => {
    importWeightsFile(file).then(
      (f) => update({ weights: { ...spec.weights, kind: 'file', file: f.name } }),
      (e: Error) => ctx.notify('error', e.message),
    );
  };
  const onExport = (format: 'gal' | 'gwt') => {
    if (!run) return;
    const w = run.weights;
    const text = format === 'gal' ? writeGal(w, { shape: level, key: 'code' }) : writeGwt(w, { shape: level, key: 'code' });
    downloadBlob(new Blob([text], { type: 'text/plain' }), `${safe(`hotspot-atlas-weights-${level}-${w.kind}-${w.style}`)}.${format}`);
  };
  const frame = ctx.frame;
  const downloadResults = run && result && fc && frame && frame.level === run.level
    ? () => {
        const csv = hotspotResultsCsv(frame.areas, run, result, fc);
        downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `${safe(`hotspots-${result.stat}-${level}-${result.permutations}perm-seed${result.seed}-${result.correction}`)}.csv`);
      }
    : null;
  return {
    weights: {
      info: run?.weightsInfo ?? null,
      importedName: imported?.name ?? null,
      onImport,
      exportFormats: run ? (run.weights.distances ? ['gal', 'gwt'] : ['gal']) : [],
      onExport,
    },
    downloadResults,
  };
}
