/**
 * The "Combine" feature: a tab with the composite index, overlap rules and bivariate map, each a map
 * mode ('composite', 'rules', 'bivariate'), plus what the active one adds to the detail panel.
 */
import type { AtlasContext, FeatureOutput } from '../atlas-context';
import { useBivariateMode } from './use-bivariate-mode';
import { useCompositeMode } from './use-composite-mode';
import { useRulesMode } from './use-rules-mode';
import { lazyPanel } from '../lazy-panel';

const CombinePanel = lazyPanel(() => import('./CombinePanel').then((m) => m.CombinePanel));

export function useCombineFeature(ctx: AtlasContext): FeatureOutput {
  const mode = ctx.state.mode;
  const composite = useCompositeMode(ctx, mode === 'composite');
  const rules = useRulesMode(ctx, mode === 'rules');
  const bivariate = useBivariateMode(ctx, mode === 'bivariate');
  const active = composite ?? rules ?? bivariate;
  return {
    tab: { id: 'combine', label: 'Combine', panel: <CombinePanel ctx={ctx} warning={(composite ?? rules)?.warning ?? null} /> },
    mode: active,
    detailActions: (code) => {
      const i = ctx.frame?.areas.indexOf.get(code);
      return active && i !== undefined ? active.detail(i) : null;
    },
  };
}
