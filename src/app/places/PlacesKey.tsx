/**
 * The places' entry in the map's own key: the ring marker (a hollow ring, so it reads apart from the
 * practices' filled dots without relying on colour), each shown file by name and its count. File
 * names come from the user and are shown as text only.
 */
import { formatCount } from '../../ui/format';
import { PlaceMarker } from './PlaceMarker';
import type { PlaceSet } from './places-store';

export function PlacesKey({ sets, onTable }: { sets: readonly PlaceSet[]; onTable(): void }) {
  return (
    <section className="legend places-key" aria-labelledby="places-key-title" data-testid="places-key">
      <h2 id="places-key-title">Your places</h2>
      <ul className="legend-items">
        {sets.map((s) => (
          <li key={s.datasetId}>
            <PlaceMarker />
            <span className="legend-label">{s.places.file}</span>
            <span className="legend-count">{formatCount(s.places.lon.length)}</span>
          </li>
        ))}
      </ul>
      <button type="button" className="link-button" onClick={onTable}>Table of places</button>
    </section>
  );
}
