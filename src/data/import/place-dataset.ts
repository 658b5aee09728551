/**
 * A file of places as a dataset of the atlas: two measures per LSOA 2021, made by places-per-area.ts
 * and registered like any user value (mapped, used in rules, the composite and the shortlist, with
 * direction "neutral context" until the user says otherwise):
 * - places within the area (a count: larger areas add up their LSOAs, the same as counting the
 *   points inside them where LSOAs nest, as they do in wards, districts, Sub-ICBs and ICBs);
 * - km to the nearest place, great-circle, from the LSOA's geometric centroid (of its largest
 *   part); larger areas show the residents-weighted average of their LSOAs' distances, i.e. roughly
 *   how far their residents' neighbourhoods are from a place, not the distance from the area's middle.
 */
import type { PlaceMeasures } from '../../geo/places-per-area';
import type { JoinedRows } from './load-dataset';
import type { PlacePoints } from './place-points';
import type { DatasetSpec } from './user-dataset';

const COUNT = 'places_in_area';
const KM = 'km_to_nearest_place';

/** "pharmacies" from "pharmacies.csv". */
const placesNoun = (file: string) => file.replace(/\.[a-z0-9]{1,8}$/i, '').replace(/[_-]+/g, ' ').trim().slice(0, 60) || 'places';

export function placeDataset(id: string, places: PlacePoints, areaCodes: readonly string[], m: PlaceMeasures): { spec: DatasetSpec; rows: JoinedRows } {
  const noun = placesNoun(places.file);
  const n = places.lon.length;
  const spec: DatasetSpec = {
    id, file: places.file, sheet: null, table: `user_${id}`, nativeLevel: 'lsoa21', practices: false, combine: 'first', split: null,
    joinNote: `${n.toLocaleString('en-GB')} places from ${places.file}${m.outside ? ` (${m.outside.toLocaleString('en-GB')} outside every English LSOA are not counted)` : ''}. `
      + 'Count: places inside each LSOA 2021 (point in polygon); larger areas add up their LSOAs. '
      + 'Distance: great-circle km from each LSOA\'s geometric centroid (of its largest part, not population-weighted) to the nearest place; '
      + 'larger areas show the residents-weighted average of their LSOAs\' distances.',
    values: [
      { column: COUNT, field: 'v1', label: `${noun}: places in the area`, unit: 'count', unitText: 'places', polarity: 'neutral', decimals: 0 },
      { column: KM, field: 'v2', label: `${noun}: km to the nearest`, unit: 'number', unitText: 'km', polarity: 'neutral', decimals: 2 },
    ],
    weight: { kind: 'residents' },
    // the dataset's rows are the LSOAs (one per area), not the places
    rowsRead: areaCodes.length, rowsJoined: 0, areas: 0,
  };
  const rows: JoinedRows = {
    joinKeys: areaCodes,
    rowNumbers: Uint32Array.from(areaCodes, (_, i) => i + 1),
    columns: [{ name: COUNT, raw: [], numbers: m.count }, { name: KM, raw: [], numbers: m.nearestKm }],
  };
  return { spec, rows };
}
