/** Lines drawn from our own boundaries: area borders, local-authority borders and the selection. */
import { PathLayer } from '@deck.gl/layers';
import type { BinaryLines } from '../geo/topology-binary';

/** One data object per mesh: deck.gl re-processes data whenever its identity changes. */
const dataOf = new WeakMap<BinaryLines, object>();
function binaryData(m: BinaryLines): object {
  let d = dataOf.get(m);
  if (!d) {
    d = { length: m.startIndices.length - 1, startIndices: m.startIndices, attributes: { getPath: { value: m.positions, size: 2 } } };
    dataOf.set(m, d);
  }
  return d;
}

export function meshLayer(id: string, mesh: BinaryLines, colour: [number, number, number, number], widthPx: number) {
  return new PathLayer({
    id,
    data: binaryData(mesh),
    _pathType: 'open',
    getColor: colour,
    getWidth: widthPx,
    widthUnits: 'pixels',
    widthMinPixels: 0.5,
    jointRounded: false,
    capRounded: false,
    pickable: false,
  } as never);
}

/** A dark outline with a white casing, so a hovered or selected area shows on any fill colour. */
export function outlineLayers(id: string, rings: number[][][], widthPx: number) {
  const common = { data: rings, getPath: (r: number[][]) => r, widthUnits: 'pixels' as const, pickable: false, jointRounded: true };
  return [
    new PathLayer({ ...common, id: `${id}-casing`, getColor: [255, 255, 255, 255], getWidth: widthPx * 2 } as never),
    new PathLayer({ ...common, id: `${id}-line`, getColor: [20, 20, 20, 255], getWidth: widthPx } as never),
  ];
}
