/**
 * Turns anything (a decoded share link, local storage, an old version) into a valid view state, key
 * by key: a bad key falls back to its default with a warning; the rest is kept. Never throws.
 */
import { CLASS_METHODS } from '../analysis/classify/breaks';
import { FOCUS_LEVELS, isLevelId, type FocusLevel } from '../geo/levels';
import { isGssCode } from '../geo/area-codes';
import { normaliseHotspotSpec } from './hotspot-spec';
import { normaliseShortlist } from './shortlist-spec';
import { normaliseCombine } from './combine-spec';
import { normaliseEvaluateSpec } from './evaluate-spec';
import { normaliseEthnicGroups } from './ethnic-groups-spec';
import { normalisePracticeView } from './practice-view';
import { normaliseShortlistPractices } from './shortlist-practices';
import { DEFAULT_VIEW_STATE, VIEW_STATE_VERSION, type Classification, type ViewState, type Viewport } from './view-state';

export interface Normalised {
  state: ViewState;
  warnings: string[];
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const finite = (x: unknown, lo: number, hi: number): x is number => typeof x === 'number' && Number.isFinite(x) && x >= lo && x <= hi;

function viewport(x: unknown): Viewport | null {
  if (!isObj(x)) return null;
  const { longitude, latitude, zoom } = x;
  if (finite(longitude, -180, 180) && finite(latitude, -85, 85) && finite(zoom, 0, 22)) return { longitude, latitude, zoom };
  return null;
}

function classification(x: unknown): Classification | null | undefined {
  if (x === null) return null;
  if (!isObj(x)) return undefined;
  const method = CLASS_METHODS.find((m) => m.id === x.method)?.id;
  if (!method || !finite(x.classes, 2, 12)) return undefined;
  const custom = Array.isArray(x.custom) ? x.custom.filter((v): v is number => typeof v === 'number' && Number.isFinite(v)).slice(0, 20) : null;
  return { method, classes: Math.round(x.classes), custom, scope: x.scope === 'england' ? 'england' : 'focus' };
}

/** Area codes in links are checked for shape, so nothing but a code reaches queries or the page. */
const code = (x: unknown): string | null => (typeof x === 'string' && isGssCode(x) ? x : null);

/** A tab or panel id: a short lowercase word, never text that reaches the page. An unknown id falls back where it is used. */
const panelId = (x: unknown): string | null | undefined => (x === null ? null : typeof x === 'string' && /^[a-z][a-z0-9-]{0,30}$/.test(x) ? x : undefined);

/** Checks that need the catalogue or the palettes, which sit above state in the import order. */
export interface StateVocabulary {
  isIndicator(id: string): boolean;
  isPalette(id: string): boolean;
}

export function normaliseState(input: unknown, vocab: StateVocabulary): Normalised {
  const warnings: string[] = [];
  const s: ViewState = structuredClone(DEFAULT_VIEW_STATE);
  if (!isObj(input)) {
    if (input !== undefined) warnings.push('The saved view could not be read; showing the default view.');
    return { state: s, warnings };
  }
  const migrated = migrate(input, warnings);
  const take = <K extends keyof ViewState>(key: K, parse: (x: unknown) => ViewState[K] | undefined, label: string) => {
    if (!(key in migrated)) return;
    const v = parse(migrated[key]);
    if (v === undefined) warnings.push(`Ignored an invalid ${label} in the link.`);
    else s[key] = v;
  };
  take('level', (x) => (isLevelId(x) ? x : undefined), 'level');
  take('indicator', (x) => (typeof x === 'string' && vocab.isIndicator(x) ? x : undefined), 'measure');
  take('dims', (x) => (isObj(x) ? Object.fromEntries(Object.entries(x).filter(([k, v]) => /^[a-z_]{1,20}$/i.test(k) && typeof v === 'string' && v.length < 40)) as Record<string, string> : undefined), 'measure option');
  take('palette', (x) => (typeof x === 'string' && vocab.isPalette(x) ? x : undefined), 'palette');
  take('classification', classification, 'classification');
  take('focus', (x) => {
    if (x === null) return null;
    if (!isObj(x) || !(FOCUS_LEVELS as readonly unknown[]).includes(x.level) || !code(x.code)) return undefined;
    return { level: x.level as FocusLevel, code: x.code as string };
  }, 'focus area');
  take('viewport', (x) => viewport(x) ?? undefined, 'map position');
  take('selected', (x) => (x === null ? null : code(x) ?? undefined), 'selected area');
  take('mode', (x) => (typeof x === 'string' && /^[a-z][a-z-]{0,30}$/.test(x) ? x : undefined), 'map view');
  take('shortlist', (x) => normaliseShortlist(x, vocab.isIndicator), 'shortlist');
  take('hotspots', normaliseHotspotSpec, 'hotspot setting');
  take('combine', (x) => normaliseCombine(x, vocab.isIndicator, (w) => warnings.push(w)), 'combination setting');
  take('evaluate', normaliseEvaluateSpec, 'evaluation setting');
  take('ethnicGroups', normaliseEthnicGroups, 'group of ethnic groups');
  take('tab', panelId, 'tab');
  take('drawer', panelId, 'wide panel');
  take('practices', normalisePracticeView, 'GP practice setting');
  take('shortlistPractices', normaliseShortlistPractices, 'list of shortlisted practices');
  return { state: s, warnings };
}

/** Upgrades older versions of the state in place. There is only version 1 so far. */
function migrate(input: Record<string, unknown>, warnings: string[]): Record<string, unknown> {
  const v = input.v;
  if (v === VIEW_STATE_VERSION) return input;
  if (typeof v === 'number' && v > VIEW_STATE_VERSION) {
    warnings.push('This link was made by a newer version of Hotspot Atlas; some settings may not apply.');
    return input;
  }
  warnings.push('This link has no version; settings were read as far as possible.');
  return input;
}
