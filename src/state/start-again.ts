/**
 * "Start again": the default view, except what the user brought rather than chose. Files loaded
 * under "Your data" live outside the view state, so they stay without anything here; the groups
 * of ethnic groups the user defined are kept too (they are definitions, like a loaded file, and
 * measures of loaded files may use them). Everything else (level, focus, measure, colours, map
 * modes, rules, composite, hotspot and evaluation settings, the shortlist, the open tab and panel)
 * returns to its default.
 */
import { DEFAULT_VIEW_STATE, type ViewState } from './view-state';

const START_AGAIN_KEEPS: readonly (keyof ViewState)[] = ['ethnicGroups'];

export function startAgainState(current: ViewState): ViewState {
  const fresh: ViewState = structuredClone(DEFAULT_VIEW_STATE);
  for (const k of START_AGAIN_KEEPS) (fresh as unknown as Record<string, unknown>)[k] = current[k];
  return fresh;
}
