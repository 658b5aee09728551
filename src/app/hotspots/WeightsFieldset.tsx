/**
 * The spatial weights controls: who counts as a neighbour, binary or row-standardised, what happens
 * to areas without neighbours, and GeoDa GAL/GWT files in and out (read and written in this browser).
 */
import { MAX_BAND_KM, MAX_KNN, type HotspotWeightsSpec } from '../../state/hotspot-spec';
import type { WeightsInfo } from '../../workers/hotspot-weights-messages';
import { FilePickButton } from '../../ui/FilePickButton';
import { NumberField } from '../../ui/NumberField';
import { Select } from '../../ui/Select';
import { HelpTip } from '../../ui/help/HelpTip';

export interface WeightsFieldsetProps {
  value: HotspotWeightsSpec;
  onChange(patch: Partial<HotspotWeightsSpec>): void;
  info: WeightsInfo | null;
  /** Name of the imported file in memory, if any. */
  importedName: string | null;
  onImport(file: File): void;
  /** Null while no weights are built; 'gwt' only for weights with distances. */
  exportFormats: ('gal' | 'gwt')[];
  onExport(format: 'gal' | 'gwt'): void;
}

const KINDS = [
  { value: 'queen', label: 'Queen contiguity (shared border or corner)' },
  { value: 'rook', label: 'Rook contiguity (shared border)' },
  { value: 'knn', label: 'k nearest neighbours' },
  { value: 'band', label: 'Distance band' },
  { value: 'file', label: 'From a GAL / GWT file' },
];

export function WeightsFieldset(p: WeightsFieldsetProps) {
  const w = p.value;
  const info = p.info;
  return (
    <fieldset className="hotspot-fieldset">
      <legend>Neighbours (spatial weights)</legend>
      <Select label="Neighbours" value={w.kind} testId="weights-kind" options={KINDS.map((k) => ({ ...k, disabled: k.value === 'file' && !p.importedName && w.kind !== 'file' }))}
        onChange={(v) => p.onChange({ kind: v as HotspotWeightsSpec['kind'], file: v === 'file' ? p.importedName : w.file })} />
      <HelpTip topic="queen" />
      {w.kind === 'knn' && (
        <NumberField label="Number of neighbours (k)" value={w.k} testId="weights-k" step="1"
          check={(v) => (Number.isInteger(v) && v >= 1 && v <= MAX_KNN ? null : `Enter a whole number from 1 to ${MAX_KNN}.`)}
          onCommit={(v) => p.onChange({ k: v! })} />
      )}
      {w.kind === 'band' && (
        <NumberField label="Band (km between area centres)" value={w.bandKm} allowEmpty testId="weights-band"
          placeholder="smallest band linking every area"
          hint="Empty: the smallest band that gives every area a neighbour (for LSOAs this is set by the Isles of Scilly and is very wide)."
          check={(v) => (v > 0 && v <= MAX_BAND_KM ? null : `Enter a distance above 0 and up to ${MAX_BAND_KM} km.`)}
          onCommit={(v) => p.onChange({ bandKm: v })} />
      )}
      <Select label="Weighting" value={w.style} testId="weights-style"
        options={[{ value: 'W', label: 'Row-standardised (neighbours share a weight of 1)' }, { value: 'B', label: 'Binary (each neighbour weighs 1)' }]}
        onChange={(v) => p.onChange({ style: v as 'W' | 'B' })} />
      <HelpTip topic="style" />
      <Select label="Areas without neighbours" value={w.islands} testId="weights-islands"
        options={[{ value: 'flag', label: 'Flag them and leave them untested' }, { value: 'knn', label: 'Link each to its nearest area (kNN fallback)' }]}
        onChange={(v) => p.onChange({ islands: v as 'flag' | 'knn' })} />
      <HelpTip topic="islands" />
      {info && (
        <p className="hint" data-testid="weights-info">
          {info.meanNeighbours.toFixed(1)} neighbours per area on average ({info.links.toLocaleString('en-GB')} links).{' '}
          {info.islands.length > 0 && <strong>{info.islands.length} area{info.islands.length === 1 ? '' : 's'} without neighbours, not tested: {info.islands.slice(0, 5).join(', ')}{info.islands.length > 5 ? ', …' : ''}. </strong>}
          {info.attached.map((a) => `${a.island} linked to ${a.neighbours.join(', ')}. `)}
          {info.dropped > 0 && `${info.dropped.toLocaleString('en-GB')} areas without a value are left out. `}
          {info.notes.join(' ')}
        </p>
      )}
      <div className="button-row">
        <FilePickButton label="Import GAL / GWT…" accept=".gal,.gwt" onPick={p.onImport} testId="weights-import" />
        {p.exportFormats.map((f) => (
          <button key={f} type="button" onClick={() => p.onExport(f)} data-testid={`weights-export-${f}`}>Download .{f}</button>
        ))}
      </div>
      {p.importedName && <p className="hint">Imported: {p.importedName} (kept in this tab only).</p>}
    </fieldset>
  );
}
