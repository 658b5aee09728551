/** Local-authority names from our own data, so the offline basemap still tells people where they are. */
import { CollisionFilterExtension } from '@deck.gl/extensions';
import { TextLayer } from '@deck.gl/layers';

export interface PlaceLabel {
  name: string;
  lon: number;
  lat: number;
  /** Bigger places win when labels collide. */
  population: number;
}

const collision = new CollisionFilterExtension();

export function labelLayer(id: string, labels: PlaceLabel[], visible: boolean) {
  return new TextLayer<PlaceLabel>({
    id,
    data: labels,
    visible,
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
    extensions: [collision],
    collisionEnabled: true,
    getCollisionPriority: (d: PlaceLabel) => Math.log10(Math.max(1, d.population)),
    collisionTestProps: { sizeScale: 1.6 },
    pickable: false,
  } as never);
}
