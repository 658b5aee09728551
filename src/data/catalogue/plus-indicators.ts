/** The Core20PLUS5 additions: ethnic group (Census 2021), stage at diagnosis (NDRS) and lung cancer screening sizing. */
import { ETHNICITY_INDICATORS } from './ethnicity-indicators';
import { SCREENING_INDICATORS } from './screening-indicators';
import { STAGE_INDICATORS } from './stage-indicators';
import type { Indicator } from './types';

export const PLUS_INDICATORS: Indicator[] = [...ETHNICITY_INDICATORS, ...STAGE_INDICATORS, ...SCREENING_INDICATORS];
