/**
 * The area fills: one SolidPolygonLayer over pre-triangulated binary geometry. The geometry buffers
 * are uploaded once per level. Colours go in as a binary per-vertex attribute (see `fillData`): a
 * recolour fills that buffer in one pass and deck.gl uploads it, with no accessor call per area.
 * The focus filter is a per-area accessor with its own update trigger.
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

/** Each area's colour repeated for each of its vertices (RGBA), the layout deck.gl uploads as is. */
export function vertexColours(g: BinaryPolygons, colours: Uint8Array): Uint8Array {
  const n = g.ids.length;
  const out = new Uint8Array(g.startIndices[n] * 4);
  const words = new Uint32Array(out.buffer);
  const aligned = colours.byteOffset % 4 === 0 ? colours : colours.slice();
  const per = new Uint32Array(aligned.buffer, aligned.byteOffset, n);
  for (let i = 0; i < n; i++) words.fill(per[i], g.startIndices[i], g.startIndices[i + 1]);
  return out;
}

interface FillData {
  length: number;
  startIndices: Uint32Array;
  attributes: Record<string, unknown>;
}

/**
 * The fill layer's own data object (stable per geometry, so deck.gl never re-tessellates): its
 * colour attribute is swapped in place for each new colouring, and the update trigger tells
 * deck.gl to take it.
 */
const fillOf = new WeakMap<BinaryPolygons, { data: FillData; colours: Uint8Array | null }>();
function fillData(g: BinaryPolygons, colours: Uint8Array): FillData {
  let f = fillOf.get(g);
  if (!f) {
    f = { data: { length: g.ids.length, startIndices: g.startIndices, attributes: { getPolygon: { value: g.positions, size: 2 }, indices: g.indices } }, colours: null };
    fillOf.set(g, f);
  }
  if (f.colours !== colours) {
    f.colours = colours;
    f.data.attributes.getFillColor = { value: vertexColours(g, colours), size: 4, normalized: true };
  }
  return f.data;
}

export function choroplethLayer(p: ChoroplethProps) {
  return new SolidPolygonLayer({
    id: p.id,
    data: fillData(p.geometry, p.colours),
    _normalize: false,
    filled: true,
    // Picking is done on the CPU (geo/area-index): GPU picking redraws every polygon per mouse move.
    pickable: false,
    extensions: [filter],
    getFilterValue: (_: unknown, { index }: { index: number }) => (p.inFocus ? p.inFocus[index] : 1),
    filterRange: [1, 1],
    updateTriggers: { getFillColor: p.colourKey, getFilterValue: p.focusKey },
  } as never);
}
