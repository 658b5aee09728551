/**
 * The GP practice point layer: QOF 2022-23 cancer register prevalence at each practice's 2019
 * address. Offered because practices are where early-diagnosis work is delivered and the register is
 * a practice-list measure that cannot honestly be spread over the LSOAs around a practice.
 */
import { QOF_CAVEATS } from './cancer-caveats';
import { OGL } from './level-rules';
import type { IndicatorSource } from './types';

export interface PointLayerSpec {
  id: string;
  label: string;
  definition: string;
  source: IndicatorSource;
  /** DuckDB table with one row per point. */
  table: string;
  columns: { id: string; name: string; lon: string; lat: string; value: string; numerator: string; denominator: string; parent: string };
  /** The area level the points belong to (their `parent` column's level). */
  parentLevel: 'sicbl24';
  unit: string;
  decimals: number;
  period: string;
  caveats: string[];
}

export const QOF_CANCER_PRACTICES: PointLayerSpec = {
  id: 'points.qof.cancer', label: 'GP practices: patients on the cancer register (QOF 2022-23)',
  definition: 'Each point is a GP practice at its 2019 address; its value is the percentage of its registered patients on the cancer register.',
  source: { publisher: 'NHS England; practice addresses from the NHS website (2019)', licence: OGL, dataset: 'Quality and Outcomes Framework 2022-23 prevalence; NHS website GP organisation data', sourceIds: ['qofPrevalence', 'qofPracticeMapping', 'gpPracticeLocations'] },
  table: 'qof_cancer_practices',
  columns: { id: 'practice_code', name: 'name', lon: 'lon', lat: 'lat', value: 'prevalence', numerator: 'register', denominator: 'list_size', parent: 'sicbl24_code' },
  parentLevel: 'sicbl24', unit: '% of registered patients', decimals: 2, period: '2022-23', caveats: QOF_CAVEATS,
};

export const POINT_LAYERS: readonly PointLayerSpec[] = [QOF_CANCER_PRACTICES];
