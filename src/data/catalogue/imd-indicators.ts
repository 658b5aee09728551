/**
 * Catalogue entries for the English Indices of Deprivation 2025 (LSOA 2021) and 2019 (LSOA 2011,
 * carried onto LSOA 2021), generated from the domain list so every domain behaves identically: the
 * LSOA measures (imd-lsoa-measures.ts) and MHCLG's summary measures for larger areas
 * (imd-summary-measures.ts), IMD itself first, then the seven domains.
 */
import { IMD_DOMAINS } from './imd-domains';
import type { Edition } from './imd-editions';
import { lsoaMeasures } from './imd-lsoa-measures';
import { summaryMeasures } from './imd-summary-measures';
import type { Indicator } from './types';

const edition = (e: Edition): Indicator[] => IMD_DOMAINS.flatMap((d) => [...lsoaMeasures(e, d), ...summaryMeasures(e, d)]);

export const IMD_INDICATORS: Indicator[] = [...edition(2025), ...edition(2019)];

/** What the 2019 raw files lack, said once for the picker and "About the data". */
export const IMD2019_MISSING_SCORES = 'IMD 2019 LSOA scores are not in the raw files (they carry ranks and deciles only): 2019 maps show ranks, deciles, shares and MHCLG\'s rank-based summaries, and the 2019 average score only for local authorities, where MHCLG published it.';
