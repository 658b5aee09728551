/**
 * GP practices on the map: one circle per practice, its area proportional to the list (size is the
 * non-colour cue; every circle also has a dark edge so light classes show on a light map), filled by
 * the class of the chosen register. A chosen PCN is drawn as what it is, a group of practices: its
 * members ringed, and an approximate outline (the convex hull of their locations) labelled as such.
 * The selected practice gets a black ring on a white casing. Pure: the caller sizes, colours and thins.
 */
import type { LayersList } from '@deck.gl/core';
import { PathStyleExtension } from '@deck.gl/extensions';
import { PathLayer, ScatterplotLayer, TextLayer } from '@deck.gl/layers';
import type { Rgba } from './palettes';

export interface PracticePoint {
  code: string;
  lon: number;
  lat: number;
  /** Pixels. */
  radius: number;
  colour: Rgba;
}

export interface PracticeLayerInputs {
  points: PracticePoint[];
  /** Changes whenever sizes or colours change (deck.gl's update trigger). */
  key: string;
  selected: PracticePoint | null;
  /** The chosen PCN's practices (drawn whatever the thinning), its hull and its label. */
  pcn: { members: PracticePoint[]; hull: [number, number][]; label: string } | null;
}

/** NHS blue: not in any sequential palette's light end, and distinct from the shortlist's magenta. */
const PCN_COLOUR: Rgba = [0, 94, 184, 255];
/** Dashes say "approximate" without colour; one extension instance, so deck.gl does not rebuild the layer's shaders. */
const DASHES = new PathStyleExtension({ dash: true });
export const PCN_HULL_NOTE = 'approximate: a PCN is a group of practices, not an area';

export function practiceLayers(p: PracticeLayerInputs): LayersList {
  const layers: LayersList = [];
  if (p.pcn && p.pcn.hull.length >= 3) {
    const ring = [...p.pcn.hull, p.pcn.hull[0]];
    const top = p.pcn.hull.reduce((a, b) => (b[1] > a[1] ? b : a));
    layers.push(
      new PathLayer({ id: 'pcn-hull', data: [ring], getPath: (r: [number, number][]) => r, getColor: [...PCN_COLOUR.slice(0, 3), 200], getWidth: 2, widthUnits: 'pixels', getDashArray: [6, 4], dashJustified: true, extensions: [DASHES], pickable: false } as never),
      new TextLayer({
        id: 'pcn-hull-label', data: [{ at: top, text: `${p.pcn.label} (${PCN_HULL_NOTE})` }],
        getPosition: (d: { at: [number, number] }) => d.at, getText: (d: { text: string }) => d.text,
        getSize: 12, sizeUnits: 'pixels', getColor: [0, 48, 100, 255], getPixelOffset: [0, -14],
        fontFamily: 'system-ui, "Segoe UI", Roboto, Helvetica, Arial, sans-serif', fontWeight: 600,
        outlineWidth: 12, outlineColor: [255, 255, 255, 240], fontSettings: { sdf: true, fontSize: 64, buffer: 10, radius: 24 },
        characterSet: 'auto', pickable: false,
      } as never),
    );
  }
  layers.push(new ScatterplotLayer<PracticePoint>({
    id: 'practices',
    data: p.points,
    getPosition: (d: PracticePoint) => [d.lon, d.lat],
    getRadius: (d: PracticePoint) => d.radius,
    getFillColor: (d: PracticePoint) => d.colour,
    getLineColor: [45, 45, 45, 230],
    getLineWidth: 0.8,
    radiusUnits: 'pixels',
    lineWidthUnits: 'pixels',
    stroked: true,
    filled: true,
    pickable: false,
    updateTriggers: { getRadius: p.key, getFillColor: p.key },
  } as never));
  if (p.pcn?.members.length) {
    // A white casing under the blue ring keeps it apart from the blue classes' fills.
    const members = (id: string, colour: Rgba, width: number) => new ScatterplotLayer<PracticePoint>({
      id, data: p.pcn!.members, getPosition: (d: PracticePoint) => [d.lon, d.lat], getRadius: (d: PracticePoint) => d.radius + 3,
      radiusUnits: 'pixels', lineWidthUnits: 'pixels', stroked: true, filled: false, getLineColor: colour, getLineWidth: width, pickable: false,
    } as never);
    layers.push(members('pcn-members-casing', [255, 255, 255, 255], 5), members('pcn-members', PCN_COLOUR, 2.5));
  }
  if (p.selected) {
    const s = p.selected;
    const ring = (id: string, colour: Rgba, width: number) => new ScatterplotLayer<PracticePoint>({
      id, data: [s], getPosition: (d: PracticePoint) => [d.lon, d.lat], getRadius: s.radius + 5, radiusUnits: 'pixels', lineWidthUnits: 'pixels',
      stroked: true, filled: false, getLineColor: colour, getLineWidth: width, pickable: false,
    } as never);
    layers.push(ring('practice-selected-casing', [255, 255, 255, 255], 5), ring('practice-selected', [0, 0, 0, 255], 2.5));
  }
  return layers;
}
