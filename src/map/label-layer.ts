/** Local-authority names from our own data, so the offline basemap still tells people where they are. */
import { TextLayer } from '@deck.gl/layers';

export interface PlaceLabel {
  name: string;
  lon: number;
  lat: number;
  /** Bigger places win when labels would overlap (see label-placement). */
  population: number;
}

export function labelLayer(id: string, labels: PlaceLabel[]) {
  return new TextLayer<PlaceLabel>({
    id,
    data: labels,
    getPosition: (d: PlaceLabel) => [d.lon, d.lat],
    getText: (d: PlaceLabel) => d.name,
    getSize: 13,
    sizeUnits: 'pixels',
    getColor: [25, 25, 25, 255],
    fontFamily: 'system-ui, "Segoe UI", Roboto, Helvetica, Arial, sans-serif',
    fontWeight: 600,
    // A wide white halo (about 3 px) keeps names readable over the darkest classes: the outline can
    // reach only as far as the SDF's radius, so the radius and buffer are raised from deck.gl's 12 and 4.
    outlineWidth: 16,
    outlineColor: [255, 255, 255, 245],
    fontSettings: { sdf: true, fontSize: 64, buffer: 10, radius: 24 },
    characterSet: 'auto',
    pickable: false,
  } as never);
}
