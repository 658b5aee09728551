/** The Practices feature: a tab with the practice funnel plot (issue 12's first slice; practices are not yet on the map). */
import type { AtlasContext, FeatureOutput } from '../atlas-context';
import { PracticesPanel } from './PracticesPanel';
import './practices.css';

export function usePracticesFeature(ctx: AtlasContext): FeatureOutput {
  return { tab: { id: 'practices', label: 'Practices', panel: <PracticesPanel queries={ctx.data.queries} /> } };
}
