/**
 * The places files on the map: per file a "Show on map" switch with the marker drawn as in the map
 * (the key entry), how many places were placed, and a button opening them as a table in the drawer.
 * Names are shown as text only (React escapes them): they come from the user's file.
 */
import { PlaceMarker } from './PlaceMarker';
import type { PlaceSet } from './places-store';

export function PlacesList({ sets, onToggle, onShowTable }: { sets: readonly PlaceSet[]; onToggle(id: string, visible: boolean): void; onShowTable(): void }) {
  if (!sets.length) return null;
  return (
    <section className="places-list" aria-labelledby="places-list-heading">
      <h3 id="places-list-heading">Places on the map</h3>
      <ul>
        {sets.map((s) => (
          <li key={s.datasetId}>
            <label>
              <input type="checkbox" checked={s.visible} onChange={(e) => onToggle(s.datasetId, e.target.checked)} />
              {' '}<PlaceMarker /> {s.places.file} ({s.places.lon.length.toLocaleString('en-GB')} place{s.places.lon.length === 1 ? '' : 's'})
            </label>
          </li>
        ))}
      </ul>
      <p className="hint">Each file also adds two measures under “Your data”: places in the area, and km to the nearest (from each LSOA’s centroid; larger areas average their LSOAs by residents). A saved project keeps the places and their measures.</p>
      <button type="button" onClick={onShowTable}>Places as a table</button>
    </section>
  );
}
