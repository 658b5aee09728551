/**
 * The atlas measures an evaluation can match on besides the outcome's own baseline, as the Evaluate
 * tab and the headless `evaluate` command both name and read them: deprivation (IMD 2025 score,
 * resident-weighted above LSOA level), adult smoking (APS, the latest year; a local authority value,
 * inherited by smaller areas) and Census 2021 residents.
 */
import { getIndicator } from '../catalogue';

export const ATLAS_COVARIATE_IDS = ['imd', 'smoking', 'population'] as const;
export type AtlasCovariateId = (typeof ATLAS_COVARIATE_IDS)[number];

/** Catalogue measures behind the covariates (population comes from the areas table). */
export const COVARIATE_INDICATORS: Record<Exclude<AtlasCovariateId, 'population'>, { indicator: string; dims: Record<string, string> }> = {
  imd: { indicator: 'imd2025.imd.score', dims: {} },
  smoking: { indicator: 'smoking.aps.current', dims: {} },
};

/** "IMD 2025 score", "Adult smokers % (APS), 2024", "Residents (Census 2021)". */
export function covariateLabel(id: AtlasCovariateId): string {
  if (id === 'population') return 'Residents (Census 2021)';
  if (id === 'imd') return 'IMD 2025 score';
  const c = COVARIATE_INDICATORS[id];
  const ind = getIndicator(c.indicator);
  const period = c.dims.period ?? ind.dimensions?.find((d) => d.key === 'period')?.defaultValue;
  return `${ind.short}${period ? `, ${period}` : ''}`;
}
