/**
 * The Shortlist tab: how to pick areas, the ranked table with notes, totals, undo and clear, the
 * exports and the share link. All state lives in the feature hook; this only lays it out. Every
 * string from a link or a file is rendered as React text.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { createPortal } from 'react-dom';
import { indicatorsAt } from '../../data/catalogue';
import { formatNumber } from '../../export/format-value';
import { formatIndicator, type PrintBrief } from '../../export/print-brief';
import type { ExportColumn, ShortlistRow, ShortlistTotals } from '../../export/types';
import { LEVELS, type LevelId } from '../../geo/levels';
import { MAX_COLUMNS, MAX_SHORTLIST, MAX_TITLE, type ShortlistColumn, type ShortlistSpec } from '../../state/shortlist-spec';
import { PrintBriefView } from '../../ui/PrintBriefView';
import { ReachProfileTable } from '../../ui/ReachProfileTable';
import { reachTable } from '../../export/reach-profile-text';
import type { ReachProfile } from '../../data/reach-profile';
import { ShortlistTable, type ShortlistTableColumn, type ShortlistTableRow } from '../../ui/ShortlistTable';
import type { AtlasContext } from '../atlas-context';
import { viewStore } from '../view-store';
import type { AreaCriteria } from './criteria';
import { columnLabel } from './shortlist-rows';
import type { ExportKind, PickTool } from './use-shortlist-feature';
import './shortlist.css';
import { SHORTLIST_DRAWER } from './shortlist-drawer';

export interface ShortlistPanelProps {
  ctx: AtlasContext;
  spec: ShortlistSpec;
  listLevel: LevelId;
  mapLevel: LevelId;
  rows: ShortlistRow[];
  unknown: string[];
  totals: ShortlistTotals | null;
  exportColumns: ExportColumn[];
  columns: ShortlistColumn[];
  criteria: AreaCriteria | null;
  tool: PickTool;
  onTool(t: PickTool): void;
  status: string;
  busy: string | null;
  error: Error | null;
  brief: { brief: PrintBrief; image: string | null } | null;
  undoLabel: string | null;
  onUndo(): void;
  onSeen(): void;
  canConvert: boolean;
  onConvert(): void;
  onAddRule(): void;
  onAddTop(n: number, by: string): void;
  onExport(k: ExportKind): void;
  onTitle(t: string): void;
  onColumns(c: ShortlistColumn[]): void;
  onMove(code: string, delta: number): void;
  onRemove(code: string): void;
  onNote(code: string, note: string): void;
  onApplyOrder(codes: string[]): void;
  onRemoveUnknown(): void;
  onClear(): void;
  /** Opens the pull partners (practices in or near the listed areas) in the drawer; absent when not available. */
  onPartners?(): void;
  reach: { profile: ReachProfile | null; loading: boolean; error: Error | null };
  /** 'table': only the ranked table, for the wide panel below the map (the drawer item 'shortlist'). */
  part?: 'table';
}


const TOOLS: { id: PickTool; label: string }[] = [
  { id: 'details', label: 'Show details' },
  { id: 'pick', label: 'Add or remove' },
  { id: 'box', label: 'Draw a box' },
  { id: 'lasso', label: 'Draw a lasso' },
];

/** What a share link does not carry, said wherever a link is copied. */
const LINK_LIMITS = 'The link carries the map, its settings, the hotspot settings and seed, and the shortlist with notes. '
  + 'It does not carry data you added under "Your data", imported weights files, or your basemap setting: '
  + 'whoever opens it needs those files themselves. Hotspot results are recomputed from the settings when opened.';

const fmtCount = (n: number) => n.toLocaleString('en-GB');

export function ShortlistPanel(p: ShortlistPanelProps) {
  const { onSeen } = p;
  useEffect(() => onSeen(), [onSeen]);
  const id = useId();
  const [topN, setTopN] = useState('10');
  const [topBy, setTopBy] = useState('composite');
  const [linkInfo, setLinkInfo] = useState<{ url: string; copied: boolean } | null>(null);
  const listLabel = LEVELS[p.listLevel].label;
  const sameLevel = p.listLevel === p.mapLevel;
  const crit = p.criteria;
  const byOptions = [
    ...(crit?.composite ? [{ value: 'composite', label: 'Composite risk index' }] : []),
    ...p.columns.map((c, i) => ({ value: String(i), label: columnLabel(c) })),
  ];
  const by = byOptions.some((o) => o.value === topBy) ? topBy : byOptions[0]?.value ?? '';
  const n = Number(topN);
  const nValid = Number.isInteger(n) && n >= 1 && n <= MAX_SHORTLIST;

  // On screen the list keeps to its own measures; the inputs of a composite or rule go into exports.
  const table = useMemo(() => tableModel(p.rows, p.exportColumns.filter((c) => !c.part)), [p.rows, p.exportColumns]);
  const addable = indicatorsAt(p.listLevel).filter((ind) => !p.columns.some((c) => c.id === ind.id));
  const extraCols = p.spec.columns;

  const copyLink = async () => {
    const url = viewStore.shareUrl();
    let copied = false;
    try {
      await navigator.clipboard.writeText(url);
      copied = true;
    } catch {
      copied = false;
    }
    setLinkInfo({ url, copied });
  };

  const tableBlock = p.rows.length > 0
    ? <ShortlistTable caption={`Shortlist: ${listLabel} areas in rank order`} columns={table.columns} rows={table.rows}
        onMove={p.onMove} onRemove={p.onRemove} onNote={p.onNote} onApplyOrder={p.onApplyOrder}
        onSelect={(code) => {
          const i = p.ctx.frame?.areas.indexOf.get(code);
          if (i === undefined || !p.ctx.frame) return;
          p.ctx.selectArea(code);
          p.ctx.flyTo({ bbox: [...p.ctx.frame.areas.bbox.subarray(4 * i, 4 * i + 4)] as [number, number, number, number] });
        }} />
    : <p className="hint" data-testid="shortlist-empty">No areas yet. Pick them on the map, or add them by criteria above.</p>;
  if (p.part === 'table') return <div className="shortlist-panel shortlist-wide">{tableBlock}</div>;
  const wide = p.ctx.state.drawer === SHORTLIST_DRAWER;

  return (
    <div className="shortlist-panel" data-testid="shortlist-panel" data-count={p.spec.items.length} data-level={p.listLevel}>
      <div className="field">
        <label htmlFor={`${id}-title`}>Shortlist title</label>
        <input id={`${id}-title`} type="text" maxLength={MAX_TITLE} value={p.spec.title} placeholder={`Shortlist – ${p.ctx.focusLabel === 'all of England' ? 'England' : p.ctx.focusLabel}`}
          onChange={(e) => p.onTitle(e.target.value)} data-testid="shortlist-title" />
      </div>

      {!sameLevel && p.spec.items.length > 0 && (
        <div className="notice-inline" data-testid="shortlist-level-note">
          <p>The shortlist holds {listLabel} areas; the map shows {LEVELS[p.mapLevel].label} areas. The listed areas stay outlined on the map.</p>
          {p.canConvert
            ? <button type="button" onClick={p.onConvert} data-testid="shortlist-convert">Convert the list to {LEVELS[p.mapLevel].label} areas</button>
            : <p>These two levels share no building blocks, so the list cannot be converted. Switch the map to {listLabel} to add areas.</p>}
          {p.canConvert && <p className="hint">{LEVELS[p.mapLevel].base === p.mapLevel ? 'Each listed area becomes every LSOA inside it; notes are copied to each.' : 'Each area that contains at least one LSOA of a listed area is listed, ranked by its best-ranked source; notes are combined. The status says how many are only partly covered.'}</p>}
        </div>
      )}

      <fieldset className="shortlist-fieldset">
        <legend>Pick areas on the map</legend>
        <div className="shortlist-tools" role="radiogroup" aria-label="What a click or drag on the map does">
          {TOOLS.map((t) => (
            <label key={t.id} className="shortlist-tool">
              <input type="radio" name={`${id}-tool`} value={t.id} checked={p.tool === t.id} onChange={() => p.onTool(t.id)} data-testid={`shortlist-tool-${t.id}`} />
              {t.label}
            </label>
          ))}
        </div>
        <p className="hint">Shift-click any area to add or remove it. A box or lasso adds the areas whose centre is inside it; hold Shift as you release to remove them instead; a plain click still adds or removes one area. Only areas in the focus region are picked.</p>
      </fieldset>

      <fieldset className="shortlist-fieldset">
        <legend>Add areas by criteria ({p.ctx.focusLabel})</legend>
        <button type="button" disabled={!crit?.rule || (!sameLevel && p.spec.items.length > 0)} onClick={p.onAddRule} data-testid="shortlist-add-rule">Add every area meeting the overlap rule</button>
        <p className="hint">{crit?.rule ? `Rule: ${crit.rule.label}.` : 'Set an overlap rule in the Combine tab first.'}</p>
        <div className="shortlist-top">
          <div className="field">
            <label htmlFor={`${id}-n`}>Number of areas</label>
            <input id={`${id}-n`} type="number" min={1} max={MAX_SHORTLIST} value={topN} onChange={(e) => setTopN(e.target.value)} aria-invalid={!nValid || undefined} data-testid="shortlist-top-n" />
          </div>
          <div className="field">
            <label htmlFor={`${id}-by`}>Ranked by</label>
            <select id={`${id}-by`} value={by} onChange={(e) => setTopBy(e.target.value)} data-testid="shortlist-top-by">
              {byOptions.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
            </select>
          </div>
        </div>
        <button type="button" disabled={!nValid || !by || (!sameLevel && p.spec.items.length > 0)} onClick={() => p.onAddTop(n, by)} data-testid="shortlist-add-top">Add the top {nValid ? n : 'N'} (worst values first)</button>
        {!nValid && <p className="field-error" role="alert">Use a whole number from 1 to {MAX_SHORTLIST}.</p>}
      </fieldset>

      <p className="shortlist-status" role="status" data-testid="shortlist-status">{p.busy ?? p.status}</p>
      {p.error && <p className="notice-inline" role="alert">{p.error.message}</p>}

      <div className="button-row">
        <button type="button" onClick={p.onUndo} disabled={!p.undoLabel} data-testid="shortlist-undo">{p.undoLabel ? `Undo: ${p.undoLabel}` : 'Undo'}</button>
        <button type="button" onClick={p.onClear} disabled={!p.spec.items.length} data-testid="shortlist-clear">Clear the list</button>
        {p.onPartners && <button type="button" onClick={p.onPartners} data-testid="shortlist-partners">Pull partners: practices</button>}
      </div>

      {p.totals && p.spec.items.length > 0 && (
        <p className="shortlist-totals" data-testid="shortlist-totals">
          {fmtCount(p.totals.areas)} {listLabel} area{p.totals.areas === 1 ? '' : 's'}, {fmtCount(p.totals.residents)} residents
          {p.totals.focusResidents ? ` (${formatNumber((100 * p.totals.residents) / p.totals.focusResidents, 1)}% of ${p.totals.focusLabel === 'England' ? 'England' : p.totals.focusLabel})` : ''}.
        </p>
      )}
      {p.spec.items.length > 0 && (
        <section className="shortlist-reach" aria-labelledby={`${id}-reach`}>
          <h3 id={`${id}-reach`}>Who this shortlist reaches</h3>
          {p.reach.profile
            ? <ReachProfileTable model={reachTable(p.reach.profile)} caption="Residents of the shortlisted areas beside their ICB(s) and England" testId="shortlist-reach" />
            : <p className="hint" role="status">{p.reach.error ? `The profile could not be computed: ${p.reach.error.message}` : p.reach.loading ? 'Computing who the shortlist reaches…' : LEVELS[p.listLevel].base === 'lsoa21' ? '' : 'Not available for LSOA 2011 areas: Census 2021 figures are for LSOA 2021 areas. Convert the list to a 2021 level.'}</p>}
        </section>
      )}
      {p.unknown.length > 0 && (
        <div className="notice-inline" role="status">
          {fmtCount(p.unknown.length)} listed code{p.unknown.length === 1 ? ' is' : 's are'} not {listLabel} areas in this data and {p.unknown.length === 1 ? 'is' : 'are'} left out of the table and exports.{' '}
          <button type="button" onClick={p.onRemoveUnknown}>Remove {p.unknown.length === 1 ? 'it' : 'them'}</button>
        </div>
      )}

      {/* The table is in one place at a time: here, or wide in the panel below the map. */}
      {wide
        ? <p className="hint" role="status">The shortlist table is open in the wide panel below the map.{' '}
            <button type="button" className="link-button" onClick={() => p.ctx.update({ drawer: null })}>Show it here instead</button></p>
        : <>
            {tableBlock}
            {p.rows.length > 0 && <div className="button-row"><button type="button" onClick={() => p.ctx.update({ drawer: SHORTLIST_DRAWER })} data-testid="shortlist-wide">Open the table wide, below the map</button></div>}
          </>}

      <details className="shortlist-columns">
        <summary>Columns ({p.columns.length})</summary>
        <p className="hint">The map's measure is always shown; add up to {MAX_COLUMNS} more.</p>
        <ul>
          {extraCols.map((c, i) => (
            <li key={`${c.id}-${i}`}>{columnLabel(c)}{' '}
              <button type="button" className="icon-button" aria-label={`Remove column ${columnLabel(c)}`} onClick={() => p.onColumns(extraCols.filter((_, k) => k !== i))}>×</button>
            </li>
          ))}
        </ul>
        {extraCols.length < MAX_COLUMNS && (
          <div className="field">
            <label htmlFor={`${id}-addcol`}>Add a column</label>
            <select id={`${id}-addcol`} value="" onChange={(e) => { if (e.target.value) p.onColumns([...extraCols, { id: e.target.value, dims: {} }]); }} data-testid="shortlist-add-column">
              <option value="">Choose a measure…</option>
              {addable.map((ind) => <option key={ind.id} value={ind.id}>{ind.group}: {ind.short}</option>)}
            </select>
          </div>
        )}
      </details>

      <fieldset className="shortlist-fieldset">
        <legend>Export</legend>
        <p className="hint">Each file names its datasets and vintages, the method and parameters, the date and the share link.</p>
        <div className="button-row">
          <button type="button" disabled={!p.rows.length || !!p.busy} onClick={() => p.onExport('csv')} data-testid="export-csv">CSV (zip, with method)</button>
          <button type="button" disabled={!p.rows.length || !!p.busy} onClick={() => p.onExport('xlsx')} data-testid="export-xlsx">Excel</button>
          <button type="button" disabled={!p.rows.length || !!p.busy} onClick={() => p.onExport('geojson')} data-testid="export-geojson">GeoJSON</button>
        </div>
        <div className="button-row">
          <button type="button" disabled={!!p.busy} onClick={() => p.onExport('png')} data-testid="export-png">Map image (PNG)</button>
          <button type="button" disabled={!p.rows.length || !!p.busy} onClick={() => p.onExport('print')} data-testid="export-print">Print brief / Save as PDF</button>
        </div>
      </fieldset>

      <fieldset className="shortlist-fieldset">
        <legend>Share</legend>
        <button type="button" onClick={() => void copyLink()} data-testid="shortlist-copy-link">Copy share link</button>
        {linkInfo && (
          <div className="shortlist-link" data-testid="shortlist-link-info">
            <p role="status">{linkInfo.copied ? 'Link copied to the clipboard.' : 'Copy the link below (the clipboard is not available here).'} It is {fmtCount(linkInfo.url.length)} characters long.</p>
            <label htmlFor={`${id}-link`} className="visually-hidden">Share link</label>
            <input id={`${id}-link`} type="text" readOnly value={linkInfo.url} onFocus={(e) => e.currentTarget.select()} data-testid="shortlist-link" />
          </div>
        )}
        <p className="hint" data-testid="shortlist-link-limits">{LINK_LIMITS}</p>
      </fieldset>

      {p.brief && createPortal(<PrintBriefView brief={p.brief.brief} image={p.brief.image} />, document.body)}
    </div>
  );
}

function tableModel(rows: ShortlistRow[], cols: ExportColumn[]): { columns: ShortlistTableColumn[]; rows: ShortlistTableRow[] } {
  const hasCond = rows.some((r) => r.conditionsMet.length);
  const hasClass = rows.some((r) => r.hotspotClass);
  const columns: ShortlistTableColumn[] = [
    { key: 'rank', label: 'Rank', numeric: true },
    { key: 'name', label: 'Area', numeric: false },
    { key: 'code', label: 'Code', numeric: false },
    { key: 'la', label: 'Local authority', numeric: false },
    { key: 'icb', label: 'ICB', numeric: false },
    { key: 'residents', label: 'Residents', numeric: true },
    ...cols.map((c) => ({ key: c.id, label: c.unit && c.unit !== '%' ? `${c.label} (${c.unit})` : c.label, numeric: true })),
    ...(hasCond ? [{ key: 'conditions', label: 'Conditions met', numeric: false }] : []),
    ...(hasClass ? [{ key: 'hotspot', label: 'Hotspot class', numeric: false }] : []),
  ];
  return {
    columns,
    rows: rows.map((r) => {
      const vals = cols.map((c) => r.values[c.id]);
      return {
        code: r.code, name: r.name, note: r.note,
        cells: [
          String(r.rank), r.name, r.code, r.la?.name ?? '', r.icb?.name ?? '', r.residents === null ? '–' : fmtCount(r.residents),
          ...cols.map((c, i) => formatIndicator(c, vals[i])),
          ...(hasCond ? [r.conditionsMet.join('; ')] : []),
          ...(hasClass ? [r.hotspotClass ?? ''] : []),
        ],
        sort: [
          r.rank, r.name, r.code, r.la?.name ?? '', r.icb?.name ?? '', r.residents ?? NaN,
          ...vals.map((v) => v?.value ?? NaN),
          ...(hasCond ? [r.conditionsMet.length] : []),
          ...(hasClass ? [r.hotspotClass ?? ''] : []),
        ],
      };
    }),
  };
}
