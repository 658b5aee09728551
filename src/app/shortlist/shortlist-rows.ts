/**
 * The shortlist as rows of the export model (src/export/types): the table on screen, the CSV, the
 * workbook, the GeoJSON and the printed brief are all built from these same rows, so they agree.
 */
import { getIndicator } from '../../data/catalogue';
import { LEVELS, type FocusLevel, type LevelId } from '../../geo/levels';
import type { ExportColumn, ExportValue, ShortlistRow, ShortlistTotals } from '../../export/types';
import type { ShortlistColumn, ShortlistSpec } from '../../state/shortlist-spec';
import { focusMask } from '../../data/focus-mask';
import type { LevelAreas } from '../../data/level-data';
import type { AreaCriteria } from './criteria';
import { inputColumns, measureMeta } from './input-columns';
import type { ColumnValues } from './use-list-level';

/** A machine name for the column: the indicator id and its options, as [a-z0-9_]. */
export function columnKey(c: ShortlistColumn): string {
  return [c.id, ...Object.values(c.dims)].join('_').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
}

export function columnLabel(c: ShortlistColumn): string {
  const ind = getIndicator(c.id);
  const opts = (ind.dimensions ?? []).filter((d) => d.values.length > 1 || d.alwaysLabel).map((d) => d.values.find((v) => v.value === c.dims[d.key])?.label ?? c.dims[d.key]);
  return opts.length ? `${ind.label} (${opts.join(', ')})` : ind.label;
}

const COMPOSITE_KEY = 'composite_index';

/** A composite or rule input's columns, named as the same measure would be as a list column. */
export const criteriaColumns = (criteria: AreaCriteria | null) => inputColumns(criteria, (id, dims) => columnLabel({ id, dims }));

/**
 * The composite index and its inputs' values and scores first, then the list's measures, then the
 * values the rule's conditions judge and whether each is met.
 */
export function exportColumns(columns: readonly ShortlistColumn[], criteria: AreaCriteria | null): ExportColumn[] {
  const inputs = criteriaColumns(criteria);
  const out: ExportColumn[] = [];
  if (criteria?.composite) out.push({ id: COMPOSITE_KEY, label: criteria.composite.label, unit: '', decimals: criteria.composite.decimals, ciLevel: null });
  out.push(...inputs.composite.map((x) => x.column));
  for (const c of columns) {
    const ind = getIndicator(c.id);
    const hasCi = !!(ind.columns.lower || ind.ci);
    out.push({ id: columnKey(c), label: columnLabel(c), ...measureMeta(ind, c.dims), ciLevel: hasCi ? 95 : null });
  }
  out.push(...inputs.rule.map((x) => x.column));
  return out;
}

const num = (x: number) => (Number.isFinite(x) ? x : null);

function exportValue(cv: ColumnValues, i: number, level: LevelId, nameOf: (c: string) => string): ExportValue | undefined {
  const v = cv.values;
  if (!v) return undefined;
  const notes: string[] = [];
  const src = v.source[i];
  if (src) {
    const rule = getIndicator(cv.column.id).levels[level];
    notes.push(`value for the ${rule?.kind === 'inherit' ? LEVELS[rule.from].noun : 'area'} ${nameOf(src)} (${src})`);
  }
  const own = v.note[i];
  if (own) notes.push(own);
  const suppressed = v.suppressed[i] === 1;
  if (suppressed) notes.unshift('fewer than 10 cases');
  return { value: num(v.value[i]), lower: num(v.lower[i]), upper: num(v.upper[i]), ...(suppressed ? { suppressed } : {}), ...(notes.length ? { note: notes.join('; ') } : {}) };
}

export interface RowsInput {
  spec: ShortlistSpec;
  areas: LevelAreas;
  columns: readonly ColumnValues[];
  names: Map<string, string>;
  criteria: AreaCriteria | null;
}

/** Rows in list order; codes the level does not have (an old or altered link) are left out and returned. */
export function shortlistRows({ spec, areas, columns, names, criteria }: RowsInput): { rows: ShortlistRow[]; unknown: string[] } {
  const nameOf = (c: string) => names.get(c) ?? c;
  const ref = (c: string | null) => (c ? { code: c, name: nameOf(c) } : null);
  const crit = criteria?.level === areas.level ? criteria : null;
  const inputs = criteriaColumns(crit);
  const inputCols = [...inputs.composite, ...inputs.rule];
  const rows: ShortlistRow[] = [];
  const unknown: string[] = [];
  for (const it of spec.items) {
    const i = areas.indexOf.get(it.code);
    if (i === undefined) {
      unknown.push(it.code);
      continue;
    }
    const values: Record<string, ExportValue | undefined> = {};
    if (crit?.composite) values[COMPOSITE_KEY] = { value: num(crit.composite.values[i]) };
    for (const x of inputCols) values[x.column.id] = x.value(i);
    for (const cv of columns) values[columnKey(cv.column)] = exportValue(cv, i, areas.level, nameOf);
    rows.push({
      rank: rows.length + 1, code: it.code, name: areas.names[i],
      la: areas.level === 'lad24' ? null : ref(areas.lad[i]),
      icb: areas.level === 'icb24' ? null : ref(areas.icb[i]),
      residents: num(areas.population[i]),
      values, conditionsMet: crit?.rule?.metLabels(i) ?? [], hotspotClass: crit?.hotspots?.classOf(it.code) ?? null, note: it.note,
    });
  }
  return { rows, unknown };
}

/** Areas, residents, and the residents of the focus region at the list's level (for the share). */
export function shortlistTotals(rows: readonly ShortlistRow[], areas: LevelAreas, focus: { level: FocusLevel; code: string } | null, focusLabel: string): ShortlistTotals {
  const residents = rows.reduce((s, r) => s + (r.residents ?? 0), 0);
  const mask = focusMask(areas, focus, null);
  let focusResidents = 0;
  for (let i = 0; i < areas.codes.length; i++) if (!mask || mask[i]) focusResidents += Number.isFinite(areas.population[i]) ? areas.population[i] : 0;
  return { areas: rows.length, residents, focusResidents, focusLabel: focus ? focusLabel : 'England' };
}
