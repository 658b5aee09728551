/**
 * The data model of the printable one-page brief: every string already formatted for display, so
 * the print view only lays it out. No HTML here: the renderer puts these strings in the page as text
 * (React escapes them), which keeps area names and notes from files inert.
 */
import { formatDate, formatNumber, withUnit } from './format-value';
import { APP_NAME, provenanceSections, type ProvenanceSection } from './provenance';
import { printReach, type PrintReach } from './print-reach';
import type { ShortlistPracticeRow } from './shortlist-practices';
import type { ExportColumn, ExportValue, ShortlistExport } from './types';
import { hasConditions } from './shortlist-table';

export interface BriefColumn {
  header: string;
  /** Numbers right-aligned so digits line up. */
  align: 'left' | 'right';
}

export interface PrintBrief {
  title: string;
  /** "Electoral ward (2024) · 21 November 2026". */
  subtitle: string;
  /** Totals as short sentences. */
  summary: string[];
  table: { columns: BriefColumn[]; rows: string[][] };
  /** Method, parameters, indicators and sources (the export section is folded into subtitle/footer). */
  method: ProvenanceSection[];
  shareUrl: string;
  /** Who the shortlist reaches, beside its ICB(s) and England, in its compact print form (null when not available). */
  reach: PrintReach | null;
  /** The shortlisted practices and PCNs, compact (null when none): the first few, the rest counted. */
  practices: BriefPractices | null;
  /** "Hotspot Atlas 0.1.0 · generated 21 November 2026". */
  footer: string;
}

export interface BriefPractices {
  columns: BriefColumn[];
  rows: string[][];
  /** Shortlisted practices and PCNs not listed (the exports hold them all). */
  more: number;
  note: string;
}

/** Practices and PCNs listed on the page: each costs an area row (PrintBriefView), so the brief stays one page. */
export const BRIEF_PRACTICES = 5;

function briefPractices(list: readonly ShortlistPracticeRow[]): BriefPractices | null {
  if (!list.length) return null;
  const shown = list.slice(0, BRIEF_PRACTICES);
  return {
    columns: [{ header: 'ODS code', align: 'left' }, { header: 'GP practice or PCN', align: 'left' }, { header: 'PCN', align: 'left' }, { header: 'List size', align: 'right' }],
    rows: shown.map((r) => r.kind === 'practice'
      ? [r.practiceCode ?? '', r.name, r.pcnName ?? r.pcnCode ?? 'no PCN', formatNumber(r.listSize, 0) || MISSING]
      : [r.pcnCode ?? '', `${r.name} (PCN${r.practices ? `, ${formatNumber(r.practices, 0)} practices` : ''})`, MISSING, formatNumber(r.listSize, 0) || MISSING]),
    more: list.length - shown.length,
    note: 'Marked ◆ on the map at their sites (a PCN at its practices\': a PCN is a group of practices, not an area). List size: QOF 2022-23, all ages; a PCN\'s is the sum over its practices.',
  };
}

export const MISSING = '–';
export const SUPPRESSED = 'suppressed';

/** "12.3% (10.1–14.5)": value with unit, then the interval when the column has one. */
export function formatIndicator(c: ExportColumn, v: ExportValue | undefined): string {
  if (v?.suppressed) return SUPPRESSED;
  const value = formatNumber(v?.value, c.decimals);
  if (!value) return MISSING;
  const text = withUnit(value, c.unit === '%' ? '%' : '');
  if (c.ciLevel == null) return text;
  const lo = formatNumber(v?.lower, c.decimals);
  const hi = formatNumber(v?.upper, c.decimals);
  return lo && hi ? `${text} (${lo}–${hi})` : text;
}

function summary(input: ShortlistExport): string[] {
  const { totals } = input;
  const areas = `${formatNumber(totals.areas, 0)} area${totals.areas === 1 ? '' : 's'}`;
  const lines = [`${areas} (${input.level.label})`, `${formatNumber(totals.residents, 0)} residents`];
  const focus = totals.focusResidents;
  if (focus != null && Number.isFinite(focus) && focus > 0) {
    const where = totals.focusLabel ?? 'the focus region';
    lines.push(`${formatNumber((100 * totals.residents) / focus, 1)}% of the ${formatNumber(focus, 0)} residents of ${where}`);
  }
  return lines;
}

export function buildPrintBrief(input: ShortlistExport): PrintBrief {
  const { provenance: p } = input;
  // One page: the inputs of a composite or rule are listed under Indicators (with unit, period and
  // source); their per-area values, scores and "met" flags stay in the CSV, Excel and GeoJSON files.
  const columns = input.columns.filter((c) => !c.part);
  // Units other than % go in the header, so cells stay short.
  const indicatorHeader = (c: ExportColumn) => (c.unit && c.unit !== '%' ? `${c.label} (${c.unit})` : c.label);
  const cond = hasConditions(input);
  const header: BriefColumn[] = [
    { header: 'Rank', align: 'right' },
    { header: 'Area', align: 'left' },
    { header: 'Code', align: 'left' },
    { header: 'Local authority', align: 'left' },
    { header: 'Residents', align: 'right' },
    ...columns.map((c): BriefColumn => ({ header: indicatorHeader(c), align: 'right' })),
    { header: 'Hotspot class', align: 'left' },
    ...(cond ? [{ header: 'Conditions met', align: 'left' } as BriefColumn] : []),
    { header: 'Note', align: 'left' },
  ];
  const rows = input.rows.map((r) => [
    formatNumber(r.rank, 0),
    String(r.name ?? ''),
    String(r.code ?? ''),
    r.la?.name ?? '',
    formatNumber(r.residents, 0) || MISSING,
    ...columns.map((c) => formatIndicator(c, Object.hasOwn(r.values, c.id) ? r.values[c.id] : undefined)),
    r.hotspotClass ?? '',
    ...(cond ? [r.conditionsMet.join('; ')] : []),
    r.note,
  ]);
  const date = formatDate(p.generatedAt);
  return {
    title: input.title,
    subtitle: `${input.level.label} · ${date}`,
    summary: summary(input),
    table: { columns: header, rows },
    method: provenanceSections(input.briefProvenance ? { ...input, provenance: input.briefProvenance } : input, { brief: true }).filter((s) => s.heading !== 'Export' && s.heading !== 'Selection'),
    shareUrl: p.shareUrl,
    reach: input.reach ? printReach(input.reach) : null,
    practices: briefPractices(input.practices ?? []),
    footer: `${APP_NAME} ${p.appVersion} · generated ${date}`,
  };
}
