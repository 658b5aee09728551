/**
 * The shortlist on the map: each listed area outlined (a bright line on a white casing, readable on
 * every palette) and numbered with its rank at its label point, so the exported map image and the
 * printed brief can be read against the table. Pure functions of the rings and labels they get.
 */
import { PathLayer, TextLayer } from '@deck.gl/layers';

export interface RankLabel {
  rank: number;
  lon: number;
  lat: number;
}

/** Magenta: not used by any sequential palette the atlas offers, so a listed area never blends in. */
const SHORTLIST_COLOUR: [number, number, number, number] = [200, 20, 130, 255];

export function shortlistLayers(id: string, rings: number[][][], labels: RankLabel[], showRanks: boolean) {
  const common = { data: rings, getPath: (r: number[][]) => r, widthUnits: 'pixels' as const, pickable: false, jointRounded: true };
  const layers: unknown[] = [
    new PathLayer({ ...common, id: `${id}-casing`, getColor: [255, 255, 255, 230], getWidth: 4.5 } as never),
    new PathLayer({ ...common, id: `${id}-line`, getColor: SHORTLIST_COLOUR, getWidth: 2.2 } as never),
  ];
  if (showRanks && labels.length) {
    layers.push(new TextLayer<RankLabel>({
      id: `${id}-ranks`,
      data: labels,
      getPosition: (d: RankLabel) => [d.lon, d.lat],
      getText: (d: RankLabel) => String(d.rank),
      getSize: 12,
      sizeUnits: 'pixels',
      getColor: [255, 255, 255, 255],
      fontFamily: 'system-ui, "Segoe UI", Roboto, Helvetica, Arial, sans-serif',
      fontWeight: 700,
      background: true,
      getBackgroundColor: SHORTLIST_COLOUR,
      backgroundPadding: [3, 1],
      characterSet: '0123456789',
      pickable: false,
    } as never));
  }
  return layers as import('@deck.gl/core').LayersList;
}
