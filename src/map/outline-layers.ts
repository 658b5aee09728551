/** Lines drawn from our own boundaries: area borders, local-authority borders and the selection. */
import { PathLayer } from '@deck.gl/layers';
import type { BinaryLines } from '../geo/topology-binary';

export function meshLayer(id: string, mesh: BinaryLines, colour: [number, number, number, number], widthPx: number) {
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
