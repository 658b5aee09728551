/**
 * Cancer tables: NDRS incidence on 2024 Sub-ICB locations, under-75 preventable cancer mortality on
 * 2024 local authorities, and the QOF 2022-23 cancer register by practice and Sub-ICB location.
 */
import { MORTALITY_PERIODS } from '../../../src/data/catalogue/cancer-dimensions';
import { ENGLAND_CODE } from '../../../src/data/catalogue/types';
import { writeIncidenceTable } from '../cancer-incidence-table';
import { sicbl22To24, unitsToSicbl24 } from '../cancer-units-to-sicbl24';
import type { PipelineContext, PipelineStep } from '../context';
import { harmoniseToLad24 } from '../lad-harmonise';
import { readLadHistory } from '../lad-history';
import { writeQofTables } from '../qof-cancer-table';
import { writePracticeTables } from '../qof-practice-tables';
import { readIncidenceRates, readLsoa11Units } from '../read-cancer';
import { readTraffordExtract } from '../read-fingertips';
import { readLsoaBridge, readPracticeLocations } from '../read-nhs-lookups';

export const cancerStep: PipelineStep = {
  name: 'Cancer tables (NDRS incidence, preventable mortality, QOF cancer register)',
  async run(ctx) {
    const lsoa21 = ctx.areas.filter((a) => a.level === 'lsoa21');
    const bridge = await readLsoaBridge(await ctx.source('lsoa11Lsoa21'));
    const units = await readLsoa11Units(await ctx.source('lsoa11CancerDataUnit'));
    const unitOf = new Map([...units].map(([l, u]) => [l, u.unit]));
    const sources = unitsToSicbl24(unitOf, bridge, lsoa21, ctx.report);
    await writeIncidenceTable(ctx, await readIncidenceRates(await ctx.source('cancerIncidenceRates')), sources);

    await writeMortality(ctx);

    const s22to24 = sicbl22To24(new Map([...units].map(([l, u]) => [l, u.sicbl22])), bridge, lsoa21, ctx.report);
    const locations = await readPracticeLocations(await ctx.source('gpPracticeLocations'));
    await writeQofTables(ctx, locations, s22to24);
    await writePracticeTables(ctx, locations, s22to24);
  },
};

async function writeMortality(ctx: PipelineContext) {
  const rows = await readTraffordExtract(await ctx.source('cancerMortalityU75'));
  const history = await readLadHistory(await ctx.source('ladCodeChanges'));
  const lad24 = new Map(ctx.areas.filter((a) => a.level === 'lad24').map((a) => [a.code, a.name]));
  const periods = MORTALITY_PERIODS.values.map((v) => v.value).reverse();
  ctx.report.check('Preventable cancer mortality periods → catalogue', new Set(rows.map((r) => r.period)), new Set(periods));
  const values = harmoniseToLad24(rows, {
    series: 'Under-75 preventable cancer mortality (Fingertips 40502, districts, pre-2019 codes)', periods, lad24, history,
    format: (v) => `${v.toFixed(1)} per 100,000`,
  }, ctx.report);
  const england = rows.filter((r) => r.code === ENGLAND_CODE).map((r) => [r.code, r.period, r.value, 'published', null]);
  ctx.tables.cancer_mortality_u75 = await ctx.out.writeCsv('tables/cancer_mortality_u75.csv', ['code', 'period', 'value', 'status', 'note'],
    [...values.map((v) => [v.code, v.period, v.value, v.status, v.note]), ...england], 'lad24');
}
