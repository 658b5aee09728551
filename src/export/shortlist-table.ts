/**
 * The shortlist as one flat table (a column list plus cell values), shared by the CSV, xlsx and
 * GeoJSON writers so the three files always carry the same fields in the same order.
 */
import { roundOrNull } from './format-value';
import type { ExportColumn, ShortlistExport, ShortlistRow } from './types';

export type TableCell = string | number | null;

export interface TableColumn {
  /** Machine name: the GeoJSON property key. */
  key: string;
  /** Human header: the CSV / xlsx header cell. */
  header: string;
  kind: 'text' | 'number';
  /** Decimal places of a number column (the xlsx display format). */
  decimals: number;
  cell(row: ShortlistRow): TableCell;
}

// Coerce at the boundary: a row built from loosely typed data must degrade, not write "undefined".
const text = (key: string, header: string, cell: (r: ShortlistRow) => string | null): TableColumn =>
  ({ key, header, kind: 'text', decimals: 0, cell: (r) => { const v = cell(r); return v == null ? null : String(v); } });
const num = (key: string, header: string, decimals: number, cell: (r: ShortlistRow) => number | null): TableColumn =>
  ({ key, header, kind: 'number', decimals, cell: (r) => roundOrNull(cell(r), decimals) });

const valueOf = (r: ShortlistRow, id: string) => (Object.hasOwn(r.values, id) ? r.values[id] : undefined);
/** What may be written: a suppressed value is withheld with its interval, whatever the input holds. */
const shown = (r: ShortlistRow, id: string) => {
  const v = valueOf(r, id);
  return v?.suppressed ? undefined : v;
};

function indicatorColumns(c: ExportColumn): TableColumn[] {
  const head = c.unit ? `${c.label} (${c.unit})` : c.label;
  const cols = [num(c.id, head, c.decimals, (r) => shown(r, c.id)?.value ?? null)];
  if (c.ciLevel != null) {
    cols.push(num(`${c.id}_lower`, `${c.label}: lower ${c.ciLevel}% CI`, c.decimals, (r) => shown(r, c.id)?.lower ?? null));
    cols.push(num(`${c.id}_upper`, `${c.label}: upper ${c.ciLevel}% CI`, c.decimals, (r) => shown(r, c.id)?.upper ?? null));
  }
  return cols;
}

/** "Smoking prevalence: suppressed (fewer than 10 cases); ..." for the values that carry a caveat. */
function valueNotes(row: ShortlistRow, columns: readonly ExportColumn[]): string {
  const notes: string[] = [];
  for (const c of columns) {
    const v = valueOf(row, c.id);
    if (!v || (!v.suppressed && !v.note)) continue;
    const what = [v.suppressed ? 'suppressed' : '', v.note ?? ''].filter(Boolean).join(' – ');
    notes.push(`${c.label}: ${what}`);
  }
  return notes.join('; ');
}

const FIXED_KEYS = ['rank', 'code', 'name', 'la_code', 'la_name', 'icb_code', 'icb_name', 'residents', 'conditions_met', 'hotspot_class', 'value_notes', 'note'];

/** Rejects inputs that would silently produce clashing or malformed columns, naming the culprit. */
function checkColumns(columns: readonly ExportColumn[]): void {
  const seen = new Set(FIXED_KEYS);
  for (const c of columns) {
    if (!Number.isInteger(c.decimals) || c.decimals < 0 || c.decimals > 10) {
      throw new Error(`export column "${c.id}": decimals must be an integer 0–10, got ${c.decimals}`);
    }
    const keys = c.ciLevel != null ? [c.id, `${c.id}_lower`, `${c.id}_upper`] : [c.id];
    for (const k of keys) {
      if (!k || seen.has(k)) throw new Error(`export column "${c.id}": key "${k}" is empty or already used`);
      seen.add(k);
    }
  }
}

/** "Conditions met" only where an overlap rule is in use (see ShortlistExport.conditionsColumn). */
export function hasConditions(input: ShortlistExport): boolean {
  return input.conditionsColumn ?? input.rows.some((r) => r.conditionsMet.length > 0);
}

function shortlistColumns(input: ShortlistExport): TableColumn[] {
  checkColumns(input.columns);
  const { columns } = input;
  return [
    num('rank', 'Rank', 0, (r) => r.rank),
    text('code', 'Area code', (r) => r.code),
    text('name', 'Area name', (r) => r.name),
    text('la_code', 'Local authority code', (r) => r.la?.code ?? null),
    text('la_name', 'Local authority', (r) => r.la?.name ?? null),
    text('icb_code', 'ICB code', (r) => r.icb?.code ?? null),
    text('icb_name', 'ICB', (r) => r.icb?.name ?? null),
    num('residents', 'Residents', 0, (r) => r.residents),
    ...columns.flatMap(indicatorColumns),
    ...(hasConditions(input) ? [text('conditions_met', 'Conditions met', (r) => r.conditionsMet.join('; '))] : []),
    text('hotspot_class', 'Hotspot class', (r) => r.hotspotClass),
    text('value_notes', 'Value notes', (r) => valueNotes(r, columns)),
    text('note', "Planner's note", (r) => r.note),
  ];
}

export function shortlistTable(input: ShortlistExport): { columns: TableColumn[]; rows: TableCell[][] } {
  const columns = shortlistColumns(input);
  return { columns, rows: input.rows.map((r) => columns.map((c) => c.cell(r))) };
}
