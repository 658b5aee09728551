/**
 * The method-and-sources block every export carries. Built once as ordered (section, item, value)
 * rows: the method CSV and the xlsx "Method and sources" sheet write those rows as they are, the
 * GeoJSON description and the printable brief use the plain-text rendering.
 */
import { formatDate, formatNumber } from './format-value';
import type { DatasetRef, ExportColumn, ShortlistExport } from './types';

export const APP_NAME = 'Hotspot Atlas';

export interface ProvenanceRow {
  section: string;
  item: string;
  value: string;
}

export interface ProvenanceSection {
  heading: string;
  rows: readonly { item: string; value: string }[];
}

/** "Office for National Statistics; vintage 2021; Open Government Licence v3.0; <attribution>; <url>". */
export function describeDataset(d: DatasetRef): string {
  return [d.publisher, d.vintage && `vintage ${d.vintage}`, d.licence && `licence: ${d.licence}`, d.attribution, d.url]
    .filter((s): s is string => !!s)
    .join('; ');
}

function selectionRows(input: ShortlistExport): { item: string; value: string }[] {
  const { totals, level } = input;
  const rows = [
    { item: 'Areas', value: `${formatNumber(totals.areas, 0)} (${level.label})` },
    { item: 'Residents', value: formatNumber(totals.residents, 0) },
  ];
  const focus = totals.focusResidents;
  if (focus != null && Number.isFinite(focus) && focus > 0) {
    const share = formatNumber((100 * totals.residents) / focus, 1);
    const of = totals.focusLabel ? `${totals.focusLabel} residents` : 'focus region residents';
    rows.push({ item: 'Share of focus region', value: `${share}% of ${formatNumber(focus, 0)} ${of}` });
  }
  return rows;
}

/**
 * One row per column. `brief` (the one-page print) keeps what a reader needs beside the table: the
 * unit, period and source; the role, a composite's scores and a rule's "met" flags, the decimals and
 * the publisher's own dataset name stay in the data exports (the source's publisher is under Data sources).
 */
function indicatorRows(input: ShortlistExport, brief: boolean): { item: string; value: string }[] {
  // In the brief an input that is also a list column (same measure, same options) is described once.
  const listed = new Set(input.columns.filter((c) => !c.part).map((c) => c.label));
  const columns = brief ? input.columns.filter((c) => c.part !== 'score' && c.part !== 'met' && !(c.measure && listed.has(c.measure))) : input.columns;
  const full = (c: ExportColumn) => !brief || !c.source;
  return columns.map((c) => ({
    item: c.label,
    value: [
      // The brief's method already states each input's weight and direction (the formula step).
      brief ? '' : (c.role ?? ''),
      c.unit ? `unit: ${c.unit}` : 'no unit',
      brief ? '' : `${c.decimals} decimal place${c.decimals === 1 ? '' : 's'}`,
      c.ciLevel != null ? `with ${c.ciLevel}% confidence interval` : brief ? '' : 'no confidence interval',
      c.vintage ? `period: ${c.vintage}` : '',
      c.publisher && full(c) ? `publisher: ${c.publisher}` : '',
      c.dataset && full(c) ? `dataset: ${c.dataset}` : '',
      c.source ? `source: ${c.source}` : '',
    ].filter(Boolean).join('; '),
  }));
}

/**
 * The brief names each dataset with its publisher, vintage and link, then every distinct licence and
 * attribution statement once: most sources share the same OGL and ONS wording, which would otherwise
 * fill a page on its own.
 */
function briefSourceRows(datasets: readonly DatasetRef[]): { item: string; value: string }[] {
  const rows = datasets.map((d) => ({ item: d.title, value: describeDataset({ ...d, licence: '', attribution: undefined }) }));
  const statements = [...new Set(datasets.flatMap((d) => [d.licence && `Licence: ${d.licence}.`, d.attribution].filter((x): x is string => !!x)))];
  return statements.length ? [...rows, { item: 'Licences and attribution', value: statements.join(' ') }] : rows;
}

export function provenanceSections(input: ShortlistExport, options: { brief?: boolean } = {}): ProvenanceSection[] {
  const p = input.provenance;
  const sections: ProvenanceSection[] = [
    {
      heading: 'Export',
      rows: [
        { item: 'Title', value: input.title },
        { item: 'Geography level', value: input.level.label },
        { item: 'Generated', value: formatDate(p.generatedAt) },
        { item: 'Application', value: `${APP_NAME} ${p.appVersion}` },
        { item: 'Share link', value: p.shareUrl },
      ],
    },
    { heading: 'Selection', rows: selectionRows(input) },
    { heading: 'Method', rows: p.method.map((line, i) => ({ item: `Step ${i + 1}`, value: line })) },
    { heading: 'Parameters', rows: p.parameters.map((kv) => ({ item: kv.key, value: kv.value })) },
    { heading: 'Indicators', rows: indicatorRows(input, !!options.brief) },
    { heading: 'Data sources', rows: options.brief ? briefSourceRows(p.datasets) : p.datasets.map((d) => ({ item: d.title, value: describeDataset(d) })) },
  ];
  return sections.filter((s) => s.rows.length > 0);
}

export function provenanceRows(input: ShortlistExport): ProvenanceRow[] {
  return provenanceSections(input).flatMap((s) => s.rows.map((r) => ({ section: s.heading, ...r })));
}

/**
 * Plain text, one "item: value" line per row under each heading. Kept free of markup: readers
 * (QGIS layer metadata, a print renderer that escapes) show it as text.
 */
export function provenanceText(input: ShortlistExport): string {
  return provenanceSections(input)
    .map((s) => [s.heading, ...s.rows.map((r) => `  ${r.item}: ${r.value}`)].join('\n'))
    .join('\n\n');
}
