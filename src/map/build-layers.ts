/** The layer stack, as a pure function of what is on screen: fills, borders, LA outlines, outlines of the hovered and selected areas, labels. */
import type { LayersList } from '@deck.gl/core';
import type { BinaryPolygons, MeshChunk } from '../geo/topology-binary';
import { choroplethLayer } from './choropleth-layer';
import { labelLayer, type PlaceLabel } from './label-layer';
import { meshLayer, outlineLayers } from './outline-layers';

export interface LayerInputs {
  level: string;
  geometry: BinaryPolygons;
  levelMesh: MeshChunk[] | null;
  colours: Uint8Array;
  colourKey: string;
  inFocus: Uint8Array | null;
  focusKey: string;
  zoom: number;
  /** West, south, east, north of the view; border chunks outside it are not drawn at all. */
  bounds: [number, number, number, number] | null;
  /** Local-authority borders: the offline basemap's reference layer. */
  laMesh: MeshChunk[] | null;
  labels: PlaceLabel[];
  hover: number[][][] | null;
  selection: number[][][] | null;
  /** An area found by search at another level than the one on screen. */
  found?: number[][][] | null;
  /** Layers a map mode adds on top of the fills (e.g. hatching, shortlist outlines). */
  extra?: LayersList;
}

/** Small areas' borders only help once zoomed in; coarser levels always show theirs. */
function bordersFrom(level: string): number {
  if (level === 'lsoa21' || level === 'lsoa11') return 10;
  if (level === 'ward24') return 8;
  return 0;
}

const intersects = (a: [number, number, number, number], b: [number, number, number, number] | null) =>
  !b || (a[0] <= b[2] && a[2] >= b[0] && a[1] <= b[3] && a[3] >= b[1]);

export function buildLayers(p: LayerInputs): LayersList {
  const layers: LayersList = [
    choroplethLayer({ id: `fill-${p.level}`, geometry: p.geometry, colours: p.colours, colourKey: p.colourKey, inFocus: p.inFocus, focusKey: p.focusKey }),
  ];
  if (p.levelMesh && p.level !== 'lad24' && p.zoom >= bordersFrom(p.level)) {
    p.levelMesh.forEach((c, i) => {
      if (intersects(c.bbox, p.bounds)) layers.push(meshLayer(`borders-${p.level}-${i}`, c.lines, [255, 255, 255, 150], 0.6));
    });
  }
  p.laMesh?.forEach((c, i) => layers.push(meshLayer(`borders-lad24-${i}`, c.lines, [40, 40, 40, 200], p.level === 'lad24' ? 1 : 0.9)));
  if (p.extra) layers.push(...p.extra);
  if (p.hover) layers.push(...outlineLayers('hover', p.hover, 1.5));
  if (p.found) layers.push(...outlineLayers('found', p.found, 2.5));
  if (p.selection) layers.push(...outlineLayers('selection', p.selection, 2.5));
  if (p.labels.length) layers.push(labelLayer('labels-lad24', p.labels));
  return layers;
}
