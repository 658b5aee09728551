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
    getSize: 12,
    sizeUnits: 'pixels',
    getColor: [25, 25, 25, 255],
    fontFamily: 'system-ui, "Segoe UI", Roboto, Helvetica, Arial, sans-serif',
    fontWeight: 600,
    outlineWidth: 3,
    outlineColor: [255, 255, 255, 230],
    fontSettings: { sdf: true },
    characterSet: 'auto',
    pickable: false,
  } as never);
}
