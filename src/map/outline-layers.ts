/** Lines drawn from our own boundaries: area borders, local-authority borders and the selection. */
import { PathLayer } from '@deck.gl/layers';
import type { BinaryLines } from '../geo/topology-binary';

export function meshLayer(id: string, mesh: BinaryLines, colour: [number, number, number, number], widthPx: number, visible = true) {
  return new PathLayer({
    id,
    data: {
      length: mesh.startIndices.length - 1,
      startIndices: mesh.startIndices,
      attributes: { getPath: { value: mesh.positions, size: 2 } },
    },
    _pathType: 'open',
    getColor: colour,
    getWidth: widthPx,
    widthUnits: 'pixels',
    widthMinPixels: 0.5,
    jointRounded: false,
    capRounded: false,
    pickable: false,
    visible,
  } as never);
}

/** A thick outline with a white casing, so the selection shows on any fill colour. */
export function selectionLayers(id: string, rings: number[][][]) {
  const common = { data: rings, getPath: (r: number[][]) => r, widthUnits: 'pixels' as const, pickable: false, jointRounded: true };
  return [
    new PathLayer({ ...common, id: `${id}-casing`, getColor: [255, 255, 255, 255], getWidth: 5 } as never),
    new PathLayer({ ...common, id: `${id}-line`, getColor: [20, 20, 20, 255], getWidth: 2.5 } as never),
  ];
}
