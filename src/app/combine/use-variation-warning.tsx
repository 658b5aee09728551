/**
 * The variation warning with its one-click fix: compute at the finest level where no input is
 * inherited. If the focus region holds fewer than two areas of that level (Birmingham at Sub-ICB
 * level), a composite there would rank nothing, so the button also clears the focus and says so.
 */
import { focusMask } from '../../data/focus-mask';
import { loadLevelAreas } from '../../data/level-data';
import { LEVELS } from '../../geo/levels';
import type { VariationWarningModel } from '../../ui/VariationWarning';
import type { AtlasContext } from '../atlas-context';
import { chooseLevel } from '../measure-choice';
import { useAsync } from '../use-async';
import { plural } from './composite-text';
import type { VariationReport } from './input-variation';

export function useVariationWarning(ctx: AtlasContext, report: VariationReport | null | undefined): VariationWarningModel | null {
  const target = report?.suggestLevel ?? null;
  const focus = ctx.state.focus;
  const areas = useAsync(target && focus ? () => loadLevelAreas(ctx.data.queries, target) : null, [target, !!focus]);
  if (!report?.statement) return null;
  if (!target) return { text: report.statement, action: null };
  const lv = LEVELS[target];
  const at = areas.value?.level === target ? areas.value : null;
  const mask = at && focus ? focusMask(at, focus, null) : null;
  const inFocus = mask ? mask.reduce((s, x) => s + x, 0) : null;
  // Until the target level's areas are known the focus is kept (a click then still helps).
  const keepFocus = !focus || inFocus === null || inFocus >= 2;
  const label = keepFocus
    ? `Compute at ${lv.label} level, where every input varies`
    : `Compute at ${lv.label} level for all of England (${ctx.focusLabel} selects ${inFocus === 1 ? 'only one' : 'no'} ${lv.noun}; a ranking needs at least two ${plural(lv.noun)})`;
  return {
    text: report.statement,
    action: {
      label,
      onClick: () => ctx.update((s) => ({ level: target, indicator: chooseLevel(target, s.indicator).indicator, selected: null, ...(keepFocus ? {} : { focus: null }) })),
    },
  };
}
