/**
 * Hatching over the area fills: a second SolidPolygonLayer on the same binary geometry with deck.gl's
 * procedural fill patterns (drawn in the shader, no image atlas, no network). Patterns are in screen
 * pixels and anchored to the map, so adjacent significant areas read as one continuous hatched
 * cluster at any zoom. Areas without a pattern get a transparent ink and draw nothing.
 */
import { DataFilterExtension, FillStyleExtension, type ProceduralPatternConfig } from '@deck.gl/extensions';
import { SolidPolygonLayer } from '@deck.gl/layers';
import type { BinaryPolygons } from '../geo/topology-binary';
import { binaryData } from './choropleth-layer';

export interface HatchLayerProps {
  id: string;
  geometry: BinaryPolygons;
  /** Pattern name per area (a key of `patterns`, or anything else for none). */
  patternOf(index: number): string;
  patterns: Record<string, ProceduralPatternConfig>;
  /** RGBA of the lines per area; alpha 0 where nothing is drawn. */
  ink: Uint8Array;
  /** Changes whenever `ink` or `patternOf` change (the update trigger). */
  key: string;
  inFocus: Uint8Array | null;
  focusKey: string;
}

const fillStyle = new FillStyleExtension({ proceduralPattern: true });
const filter = new DataFilterExtension({ filterSize: 1 });

export function hatchLayer(p: HatchLayerProps) {
  return new SolidPolygonLayer({
    id: p.id,
    data: binaryData(p.geometry),
    _normalize: false,
    filled: true,
    pickable: false,
    getFillColor: (_: unknown, { index }: { index: number }) => p.ink.subarray(index * 4, index * 4 + 4) as unknown as [number, number, number, number],
    extensions: [fillStyle, filter],
    fillPatternMapping: p.patterns,
    fillPatternSizeUnits: 'pixels',
    getFillPattern: (_: unknown, { index }: { index: number }) => p.patternOf(index),
    getFilterValue: (_: unknown, { index }: { index: number }) => (p.inFocus ? p.inFocus[index] : 1),
    filterRange: [1, 1],
    updateTriggers: { getFillColor: p.key, getFillPattern: p.key, getFilterValue: p.focusKey },
  } as never);
}
