/**
 * How features plug into the atlas. A feature (composite index, overlap rules, hotspots, shortlist,
 * your own data, ...) is one hook that receives the AtlasContext and returns what it adds: a tab in
 * the side panel, a map mode (what colours the areas), overlay layers, click handling, tooltip lines
 * and detail-panel actions. AtlasView calls every feature hook in `features.ts`.
 */
import type { LayersList } from '@deck.gl/core';
import type { ReactNode } from 'react';
import type { AtlasData } from '../data/load-atlas';
import type { FlyTarget, MapPointer, MapView } from '../map/atlas-map';
import type { ViewState } from '../state/view-state';
import type { TableModel } from '../ui/AreaTable';
import type { DrawerItem } from '../ui/Drawer';
import type { Notice } from '../ui/Notices';
import type { GeometryStore, LevelGeometry } from './geometry-store';
import type { IndicatorValues, LevelAreas } from '../data/level-data';

/** Geometry and area table of the level on screen (always the same level, complete). */
export interface LevelFrame {
  level: ViewState['level'];
  geometry: LevelGeometry;
  areas: LevelAreas;
}

export interface TooltipLine {
  label: string;
  value: string;
}

export interface AtlasContext {
  data: AtlasData;
  shapes: GeometryStore;
  state: ViewState;
  update(patch: Partial<ViewState> | ((s: ViewState) => Partial<ViewState>)): void;
  /** The level being shown; null until its shapes and table have loaded. */
  frame: LevelFrame | null;
  /** 1 for areas inside the focus region (null: all of England). */
  mask: Uint8Array | null;
  /** "all of England" or the focus region's name. */
  focusLabel: string;
  /** Name of any ward, local authority, Sub-ICB, ICB or Cancer Alliance (the code if unknown). */
  nameOf(code: string): string;
  notify(kind: Notice['kind'], text: string): void;
  flyTo(target: Omit<FlyTarget, 'key'>): void;
  selectArea(code: string | null): void;
  /** An indicator's values at the current level, aligned with `frame.areas` (cached by SQL text). */
  valuesFor(indicatorId: string, dims?: Record<string, string>): Promise<IndicatorValues>;
  mapView: MapView | null;
}

/** What colours the map: produced by the active mode only. */
export interface ModeOutput {
  /** What the map shows, in words ("Composite risk index"). */
  label: string;
  /** What is drawn, for the root element's data-view (tests wait on it). */
  viewKey: string;
  /** Changes whenever `colours` change (the deck.gl update trigger). */
  colourKey: string;
  /** False while this mode's data is loading. */
  ready: boolean;
  colours: Uint8Array | null;
  legend: ReactNode;
  /** The same information as a table, for people who cannot use the map. */
  table: TableModel | null;
  tooltip(index: number): TooltipLine[];
  busy: string | null;
  error: Error | null;
  overlays?: LayersList;
}

export interface FeatureOutput {
  tab?: { id: string; label: string; panel: ReactNode };
  /** Returned by the feature whose mode id equals `state.mode`. */
  mode?: ModeOutput | null;
  /** Layers drawn whatever the mode (e.g. shortlist outlines). */
  overlays?: LayersList;
  /** Return true when the click was handled (the detail panel then does not open). */
  onAreaClick?(index: number, pointer: MapPointer): boolean;
  tooltipLines?(index: number): TooltipLine[];
  detailActions?(code: string): ReactNode;
  /**
   * Wide tables for the panel below the map (the drawer). An item is offered there while the feature
   * returns it; a control opens it with `ctx.update({ drawer: id })` (ids are short lowercase words,
   * kept in the share link; 'table' is the map as a table).
   */
  drawer?: DrawerItem[];
  /**
   * A point symbol this feature draws under the pointer (e.g. a GP practice), checked before the
   * areas: its hover card, and what a click on it does.
   */
  pointAt?(p: MapPointer): PointHit | null;
  /** A key for what this feature draws on the map, shown in the map key under the legend. */
  mapKey?: ReactNode;
}

export interface PointHit {
  /** Unique among the feature's points (a hover card is kept while it stays the same). */
  id: string;
  name: string;
  code: string;
  lines: TooltipLine[];
  select(): void;
}

export type Feature = (ctx: AtlasContext) => FeatureOutput;
