/** The layer stack, as a pure function of what is on screen: fills, borders, LA outlines, selection, labels. */
import type { LayersList } from '@deck.gl/core';
import type { BinaryLines, BinaryPolygons } from '../geo/topology-binary';
import { choroplethLayer } from './choropleth-layer';
import { labelLayer, type PlaceLabel } from './label-layer';
import { meshLayer, selectionLayers } from './outline-layers';

export interface LayerInputs {
  level: string;
  geometry: BinaryPolygons;
  levelMesh: BinaryLines | null;
  colours: Uint8Array;
  colourKey: string;
  inFocus: Uint8Array | null;
  focusKey: string;
  zoom: number;
  /** Local-authority borders and names: the offline basemap's reference layer. */
  laMesh: BinaryLines | null;
  laLabels: PlaceLabel[];
  selection: number[][][] | null;
  showLabels: boolean;
}

/** Small areas' borders only help once zoomed in; coarser levels always show theirs. */
function borderVisible(level: string, zoom: number): boolean {
  if (level === 'lsoa21' || level === 'lsoa11') return zoom >= 9;
  if (level === 'ward24') return zoom >= 7.5;
  return true;
}

export function buildLayers(p: LayerInputs): LayersList {
  const layers: LayersList = [
    choroplethLayer({ id: `fill-${p.level}`, geometry: p.geometry, colours: p.colours, colourKey: p.colourKey, inFocus: p.inFocus, focusKey: p.focusKey }),
  ];
  if (p.levelMesh && p.level !== 'lad24') layers.push(meshLayer(`borders-${p.level}`, p.levelMesh, [255, 255, 255, 150], 0.6, borderVisible(p.level, p.zoom)));
  if (p.laMesh) layers.push(meshLayer('borders-lad24', p.laMesh, [40, 40, 40, 200], p.level === 'lad24' ? 1 : 0.9));
  if (p.selection) layers.push(...selectionLayers('selection', p.selection));
  layers.push(labelLayer('labels-lad24', p.laLabels, p.showLabels && p.zoom >= 6.5));
  return layers;
}
