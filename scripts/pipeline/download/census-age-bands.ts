/**
 * Census 2021 usual residents by "Age (6 categories)" per LSOA, from the ONS API's
 * census-observations JSON, pivoted to the raw-directory layout that `readCensus2021` reads
 * (one row per LSOA, six band columns, the total and the 16-and-over count).
 */
import { toCsv } from '../../../src/lib/csv-write';

/** resident_age_6a categories by option id, with the label each must carry (guards against renumbering). */
const BANDS = [
  { id: '1', column: 'age_0_15', label: /15 years and under/i },
  { id: '2', column: 'age_16_24', label: /16 to 24/i },
  { id: '3', column: 'age_25_34', label: /25 to 34/i },
  { id: '4', column: 'age_35_49', label: /35 to 49/i },
  { id: '5', column: 'age_50_64', label: /50 to 64/i },
  { id: '6', column: 'age_65_plus', label: /65 years and over/i },
] as const;

const CENSUS_COLUMNS = ['lsoa21_code', 'lsoa21_name', ...BANDS.map((b) => b.column), 'total_usual_residents', 'age_16_plus'];

interface Dimension { dimension_id: string; option: string; option_id: string }
interface Observations { observations?: { dimensions: Dimension[]; observation: number }[]; total_observations?: number }

export function censusAgeBandsCsv(json: string, source: string): { csv: string; rows: number } {
  let body: Observations;
  try {
    body = JSON.parse(json) as Observations;
  } catch {
    throw new Error(`${source}: the response is not JSON`);
  }
  const obs = body.observations;
  if (!Array.isArray(obs) || obs.length === 0) throw new Error(`${source}: no "observations" in the response`);
  if (body.total_observations !== undefined && body.total_observations !== obs.length) {
    throw new Error(`${source}: ${obs.length} observations received but the response says ${body.total_observations}`);
  }
  const areas = new Map<string, { name: string; counts: (number | undefined)[] }>();
  for (const o of obs) {
    const area = o.dimensions.find((d) => d.dimension_id === 'lsoa');
    const age = o.dimensions.find((d) => d.dimension_id === 'resident_age_6a');
    if (!area || !age) throw new Error(`${source}: an observation lacks the lsoa or resident_age_6a dimension`);
    const band = BANDS.findIndex((b) => b.id === String(age.option_id));
    if (band < 0 || !BANDS[band].label.test(age.option)) {
      throw new Error(`${source}: unexpected age category ${age.option_id} "${age.option}"`);
    }
    const entry = areas.get(area.option_id) ?? { name: area.option, counts: [] };
    entry.counts[band] = o.observation;
    areas.set(area.option_id, entry);
  }
  const rows = [...areas.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, { name, counts }]) => {
    if (BANDS.some((_, i) => typeof counts[i] !== 'number')) throw new Error(`${source}: ${code} lacks some age categories`);
    const total = (counts as number[]).reduce((s, n) => s + n, 0);
    return [code, name, ...(counts as number[]), total, total - (counts[0] as number)];
  });
  return { csv: toCsv(CENSUS_COLUMNS, rows), rows: rows.length };
}
