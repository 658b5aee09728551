/**
 * The "Your data" tab: where files are dropped or chosen, the queue of files being read, what has
 * been added (each measure with how it is shown at the current level), the user's boundaries, and
 * the project file. Every name here comes from a user's file and is rendered as React text only.
 */
import { useEffect, type ReactNode } from 'react';
import { findIndicator } from '../../data/catalogue';
import { methodText } from '../../data/catalogue/method-text';
import { unmappedPracticesText } from '../../data/import/practice-area-levels';
import { indicatorId, type DatasetSpec } from '../../data/import/user-dataset';
import { LEVELS, type UserLevelId } from '../../geo/levels';
import { DropZone } from '../../ui/DropZone';
import { FileQueue, type FileQueueItem } from '../../ui/FileQueue';
import type { AtlasContext } from '../atlas-context';
import type { UserDataSnapshot } from './user-data-store';
import './your-data.css';

const ACCEPTED_FILES = '.csv,.tsv,.txt,.xlsx,.parquet,.geojson,.json,.zip';

const n = (k: number) => k.toLocaleString('en-GB');

export interface YourDataPanelProps {
  ctx: AtlasContext;
  snapshot: UserDataSnapshot;
  queue: FileQueueItem[];
  onFiles(files: File[]): void;
  onRemoveDataset(d: DatasetSpec): void;
  onRemoveLevel(id: UserLevelId): void;
  onShowLevel(id: UserLevelId): void;
  onShowIndicator(id: string): void;
  onSaveProject(): void;
  /** Whether the lists of area codes are loaded (they are fetched from this site once, on mount). */
  references: 'idle' | 'loading' | 'ready' | 'error';
  onMount(): void;
  /** The places files drawn on the map (their switches, key and table). */
  places?: ReactNode;
}

export function YourDataPanel(p: YourDataPanelProps) {
  const { datasets, levels } = p.snapshot;
  const level = p.ctx.state.level;
  const { onMount } = p;
  useEffect(() => onMount(), [onMount]);
  return (
    <div className="your-data" data-testid="your-data-panel" data-references={p.references}>
      <p className="hint">
        Add your own figures (screening uptake by practice, referrals, outreach, survey results) or your own boundaries.
        Files are read in this browser: nothing is uploaded.
      </p>
      <DropZone label="Choose files" accept={ACCEPTED_FILES} onFiles={p.onFiles} testId="yd-drop"
        hint="CSV or TSV, Excel (.xlsx), Parquet or GeoJSON, several at once; or a project file saved here. Rows need an area code (LSOA, ward, local authority, Sub-ICB, ICB) or a GP practice code; a file of places (pharmacies, venues, screening sites) needs latitude and longitude columns (or eastings and northings), or GeoJSON points. NHS England's registered patients by LSOA (PRACTICE_CODE, LSOA_CODE, NUMBER_OF_PATIENTS) is recognised as such." />
      {p.references === 'loading' && <p className="hint" role="status">Loading the lists of area codes to check your files against…</p>}
      {p.references === 'error' && <p className="hint" role="status">The lists of area codes could not be loaded now; they will be tried again when a file is read.</p>}
      <FileQueue items={p.queue} />
      {p.places}

      {datasets.length > 0 && (
        <section aria-labelledby="yd-datasets-h">
          <h3 id="yd-datasets-h">Your datasets</h3>
          <ul className="yd-list">
            {datasets.map((d) => (
              <li key={d.id} className="yd-item" data-testid="yd-dataset">
                <p className="yd-item-title">{d.file}{d.sheet ? ` (sheet ${d.sheet})` : ''}</p>
                <p className="hint">
                  {LEVELS[d.nativeLevel]?.label ?? d.nativeLevel}: {n(d.areas)} areas from {n(d.rowsJoined)} of {n(d.rowsRead)} rows.
                </p>
                {d.practiceAreas && <p className="hint" data-testid="yd-practice-areas">Sub-ICB and ICB values by each practice&apos;s own Sub-ICB: {unmappedPracticesText(d.practiceAreas, d)}</p>}
                <ul className="yd-measures">
                  {d.values.map((v) => {
                    const id = indicatorId(d, v);
                    const ind = findIndicator(id);
                    const current = p.ctx.state.indicator === id;
                    return (
                      <li key={v.field}>
                        <button type="button" onClick={() => p.onShowIndicator(id)} aria-pressed={current} data-testid="yd-map-measure">
                          Map “{v.label}”
                        </button>
                        {ind && <p className="hint" data-testid="yd-method">{methodText(ind, level)}</p>}
                      </li>
                    );
                  })}
                </ul>
                <button type="button" onClick={() => p.onRemoveDataset(d)} data-testid="yd-remove-dataset">
                  Remove<span className="visually-hidden"> {d.file}</span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}

      {levels.length > 0 && (
        <section aria-labelledby="yd-levels-h">
          <h3 id="yd-levels-h">Your boundaries</h3>
          <ul className="yd-list">
            {levels.map((l) => (
              <li key={l.spec.id} className="yd-item" data-testid="yd-level">
                <p className="yd-item-title">{l.spec.label}</p>
                <p className="hint">
                  From {l.spec.file}: {n(l.spec.areas)} areas holding {n(l.coverage.lsoas)} LSOAs ({n(l.coverage.residents)} residents).
                  {l.coverage.empty > 0 && ` ${n(l.coverage.empty)} ${l.coverage.empty === 1 ? 'area contains' : 'areas contain'} no LSOA centre and ${l.coverage.empty === 1 ? 'shows' : 'show'} no value for atlas measures.`}
                  {' '}Neighbours for hotspots were computed in this browser{l.islands > 0 ? `; ${n(l.islands)} ${l.islands === 1 ? 'area has' : 'areas have'} no neighbour (hotspot statistics leave ${l.islands === 1 ? 'it' : 'them'} out)` : '; every area has a neighbour'}.
                </p>
                <div className="button-row">
                  <button type="button" onClick={() => p.onShowLevel(l.spec.id)} aria-pressed={level === l.spec.id}>Show<span className="visually-hidden"> {l.spec.label}</span></button>
                  <button type="button" onClick={() => p.onRemoveLevel(l.spec.id)}>Remove<span className="visually-hidden"> {l.spec.label}</span></button>
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section aria-labelledby="yd-project-h">
        <h3 id="yd-project-h">Keep or pass on this session</h3>
        <p className="hint" data-testid="yd-share-note">
          A share link carries the map settings only, never the data you loaded. Save a project file instead:
          one download holding your data, boundaries and this map. Drop it here later to re-open everything.
          It contains your data, so store and share it as you would the original files.
        </p>
        <button type="button" onClick={p.onSaveProject} disabled={!datasets.length && !levels.length} data-testid="yd-save-project">Save project file</button>
      </section>
    </div>
  );
}
