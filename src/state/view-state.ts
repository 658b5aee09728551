/**
 * The one view state: only what the user chose. Query results, hover, progress and errors never go
 * in here; everything on screen is derived from it. It is versioned and serialisable, and each key
 * says where it is kept (share link and local storage), see `PERSISTENCE`.
 */
import type { ClassMethod } from '../analysis/classify/breaks';
import type { FocusLevel, LevelId } from '../geo/levels';
import { EMPTY_SHORTLIST, type ShortlistSpec } from './shortlist-spec';
import { DEFAULT_HOTSPOT_SPEC, type HotspotSpec } from './hotspot-spec';
import { DEFAULT_COMBINE, type CombineSpec } from './combine-spec';
import { DEFAULT_EVALUATE, type EvaluateSpec } from './evaluate-spec';
import type { EthnicGroupSpec } from './ethnic-groups-spec';
import { DEFAULT_PRACTICE_VIEW, type PracticeView } from './practice-view';
import type { ShortlistPractice } from './shortlist-practices';

export const VIEW_STATE_VERSION = 1;

export interface Viewport {
  longitude: number;
  latitude: number;
  zoom: number;
}

export interface Classification {
  method: ClassMethod;
  classes: number;
  /** User thresholds for the `custom` method. */
  custom: number[] | null;
  /** Breaks from the focus region's areas, or from all of England. */
  scope: 'focus' | 'england';
}

export interface ViewState {
  v: typeof VIEW_STATE_VERSION;
  level: LevelId;
  indicator: string;
  /** Dimension choices of the indicator (period, sex, site, ...); missing keys use defaults. */
  dims: Record<string, string>;
  /** Palette id (see map/palettes). */
  palette: string;
  /** null: the indicator's default classification. */
  classification: Classification | null;
  focus: { level: FocusLevel; code: string } | null;
  viewport: Viewport;
  /** Area whose detail panel is open. */
  selected: string | null;
  /** What colours the map: 'indicator' (the Map tab's measure) or a feature's mode id. */
  mode: string;
  /** The planner's target areas with notes (see shortlist-spec.ts). */
  shortlist: ShortlistSpec;
  /** Hotspots tab: statistic, variables, weights and inference settings (see hotspot-spec.ts). */
  hotspots: HotspotSpec;
  /** Composite index, overlap rules and bivariate map choices (see combine-spec.ts). */
  combine: CombineSpec;
  /** Evaluate tab: intervention areas, outcome, windows, comparison and interval settings (see evaluate-spec.ts). */
  evaluate: EvaluateSpec;
  /** The user's groups of ethnic groups, offered wherever a measure is chosen (see ethnic-groups-spec.ts). */
  ethnicGroups: EthnicGroupSpec[];
  /** The side panel's open tab; null: the tab of the feature colouring the map (links made before tabs were kept). */
  tab: string | null;
  /** The wide panel below the map and what it shows ('table': the map as a table, or a feature's table id); null: closed. */
  drawer: string | null;
  /** GP practices on the map: shown or not, their register, the selected practice or PCN (see practice-view.ts). */
  practices: PracticeView;
  /** GP practices and PCNs added to the shortlist, a section apart from its areas (see shortlist-practices.ts). */
  shortlistPractices: ShortlistPractice[];
}

export const ENGLAND_VIEWPORT: Viewport = { longitude: -1.9, latitude: 52.9, zoom: 5.6 };

export const DEFAULT_VIEW_STATE: ViewState = {
  v: VIEW_STATE_VERSION,
  level: 'lsoa21',
  indicator: 'imd2025.imd.score',
  dims: {},
  palette: 'YlOrRd',
  classification: null,
  focus: null,
  viewport: ENGLAND_VIEWPORT,
  selected: null,
  mode: 'indicator',
  shortlist: EMPTY_SHORTLIST,
  hotspots: DEFAULT_HOTSPOT_SPEC,
  combine: DEFAULT_COMBINE,
  evaluate: DEFAULT_EVALUATE,
  ethnicGroups: [],
  tab: null,
  drawer: null,
  practices: DEFAULT_PRACTICE_VIEW,
  shortlistPractices: [],
};

/** Where each key is kept. Everything the user chose goes in the share link and in local storage. */
export const PERSISTENCE: Record<keyof ViewState, ('url' | 'local')[]> = {
  v: ['url', 'local'],
  level: ['url', 'local'],
  indicator: ['url', 'local'],
  dims: ['url', 'local'],
  palette: ['url', 'local'],
  classification: ['url', 'local'],
  focus: ['url', 'local'],
  viewport: ['url', 'local'],
  selected: ['url', 'local'],
  mode: ['url', 'local'],
  shortlist: ['url', 'local'],
  hotspots: ['url', 'local'],
  combine: ['url', 'local'],
  evaluate: ['url', 'local'],
  ethnicGroups: ['url', 'local'],
  tab: ['url', 'local'],
  drawer: ['url', 'local'],
  practices: ['url', 'local'],
  shortlistPractices: ['url', 'local'],
};
