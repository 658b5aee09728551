/** The Practices feature: a tab with the practice funnel plot (issue 12's first slice; practices are not yet on the map). */
import type { AtlasContext, FeatureOutput } from '../atlas-context';
import { lazyPanel } from '../lazy-panel';

// The panel, its funnel maths and its styles load when the tab is first opened.
const PracticesPanel = lazyPanel(() => import('./PracticesPanel').then((m) => m.PracticesPanel));

export function usePracticesFeature(ctx: AtlasContext): FeatureOutput {
  return { tab: { id: 'practices', label: 'Practices', panel: <PracticesPanel queries={ctx.data.queries} /> } };
}
