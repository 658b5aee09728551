/**
 * Census 2021 ethnic group (TS021) for every English LSOA 2021: the table's own total (all usual
 * residents) and the residents of each of the 5 high-level and 19 detailed groups. Shares are not
 * stored for LSOAs: the catalogue divides summed counts by the summed total at every level, LSOAs
 * included. England's row also carries its shares (`<group>_pct`), the value England comparisons read.
 */
import { ETHNIC_GROUP_KEYS } from '../../../src/state/ethnic-classification';
import { ENGLAND_CODE } from '../../../src/data/catalogue/types';
import type { PipelineStep } from '../context';
import { readTs021, ts021Inconsistencies } from '../read-ethnicity';

export const ethnicityStep: PipelineStep = {
  name: 'Ethnic group (Census 2021 TS021) by LSOA 2021',
  async run(ctx) {
    const rows = (await readTs021(await ctx.source('ethnicityTs021'))).filter((r) => r.code.startsWith('E01'));
    const lsoa21 = new Set(ctx.areas.filter((a) => a.level === 'lsoa21').map((a) => a.code));
    const codes = new Set(rows.map((r) => r.code));
    ctx.report.none('TS021: LSOAs with more than one row', rows.length === codes.size ? [] : ['duplicate LSOA codes']);
    ctx.report.check('TS021 LSOAs (England) → LSOA 2021 boundaries', codes, lsoa21);
    ctx.report.check('LSOA 2021 boundaries → TS021', lsoa21, codes);
    const bad = ts021Inconsistencies(rows);
    ctx.report.none('TS021 rows whose groups do not add up to the table total (5 high-level, 19 detailed, each high-level to its detailed groups)', bad);

    const england = { total: 0, counts: Object.fromEntries(ETHNIC_GROUP_KEYS.map((k) => [k, 0])) as Record<string, number> };
    for (const r of rows) {
      england.total += r.total;
      for (const k of ETHNIC_GROUP_KEYS) england.counts[k] += r.counts[k];
    }
    ctx.report.note(`TS021 England: ${england.total.toLocaleString('en-GB')} usual residents in ${rows.length.toLocaleString('en-GB')} LSOAs (the age table's total differs by ONS's per-table perturbation)`);

    const pct = ETHNIC_GROUP_KEYS.map((k) => `${k}_pct`);
    const header = ['code', 'total', ...ETHNIC_GROUP_KEYS, ...pct];
    const blanks = pct.map(() => null);
    const cells = [
      ...[...rows].sort((a, b) => (a.code < b.code ? -1 : 1)).map((r) => [r.code, r.total, ...ETHNIC_GROUP_KEYS.map((k) => r.counts[k]), ...blanks]),
      [ENGLAND_CODE, england.total, ...ETHNIC_GROUP_KEYS.map((k) => england.counts[k]), ...ETHNIC_GROUP_KEYS.map((k) => (100 * england.counts[k]) / england.total)],
    ];
    ctx.tables.ethnicity = await ctx.out.writeCsv('tables/ethnicity.csv', header, cells, 'lsoa21');
  },
};
