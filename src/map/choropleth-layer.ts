/**
 * The area fills: one SolidPolygonLayer over pre-triangulated binary geometry. Colour and the focus
 * filter are per-area accessors with explicit update triggers, so a recolour or a new focus only
 * rewrites those attributes; the geometry buffers are uploaded once per level.
 */
import { DataFilterExtension } from '@deck.gl/extensions';
import { SolidPolygonLayer } from '@deck.gl/layers';
import type { BinaryPolygons } from '../geo/topology-binary';

export interface ChoroplethProps {
  id: string;
  geometry: BinaryPolygons;
  /** RGBA per area. */
  colours: Uint8Array;
  /** Changes whenever `colours` changes (the update trigger). */
  colourKey: string;
  /** 1 where the area is inside the focus region; null shows every area. */
  inFocus: Uint8Array | null;
  focusKey: string;
}

const filter = new DataFilterExtension({ filterSize: 1 });

/**
 * One data object per geometry, shared by every polygon layer drawn over it: deck.gl re-processes
 * data whenever its identity changes.
 */
const dataOf = new WeakMap<BinaryPolygons, object>();
export function binaryData(g: BinaryPolygons): object {
  let d = dataOf.get(g);
  if (!d) {
    d = { length: g.ids.length, startIndices: g.startIndices, attributes: { getPolygon: { value: g.positions, size: 2 }, indices: g.indices } };
    dataOf.set(g, d);
  }
  return d;
}

export function choroplethLayer(p: ChoroplethProps) {
  const { geometry: g } = p;
  return new SolidPolygonLayer({
    id: p.id,
    data: binaryData(g),
    _normalize: false,
    filled: true,
    // Picking is done on the CPU (geo/area-index): GPU picking redraws every polygon per mouse move.
    pickable: false,
    getFillColor: (_: unknown, { index }: { index: number }) => p.colours.subarray(index * 4, index * 4 + 4) as unknown as [number, number, number, number],
    extensions: [filter],
    getFilterValue: (_: unknown, { index }: { index: number }) => (p.inFocus ? p.inFocus[index] : 1),
    filterRange: [1, 1],
    updateTriggers: { getFillColor: p.colourKey, getFilterValue: p.focusKey },
  } as never);
}
