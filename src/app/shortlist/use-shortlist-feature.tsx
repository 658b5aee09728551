/**
 * The "Shortlist" feature: the planner's target areas with notes. It adds a tab (picking tools, the
 * table, exports, share link), outlines and numbers the listed areas on the map, takes map clicks
 * (shift-click always; plain clicks with the pick tool), box and lasso drawing, tooltip lines and a
 * detail-panel button. Every change goes through shortlist-ops and is kept for undo; the list lives
 * in the view state, so local storage and the share link carry it.
 */
import { worseSign } from '../../data/catalogue/direction';
import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { getIndicator } from '../../data/catalogue';
import type { PrintBrief } from '../../export/print-brief';
import { downloadExport } from '../../export/download';
import type { ShortlistExport } from '../../export/types';
import { areaAt } from '../../geo/area-index';
import { LEVELS, type LevelId } from '../../geo/levels';
import { areaOutline } from '../../geo/topology-binary';
import { attachDrawGesture, type DrawKind } from '../../map/draw-gesture';
import { shortlistLayers, type RankLabel } from '../../map/shortlist-layers';
import type { ShortlistSpec } from '../../state/shortlist-spec';
import type { AtlasContext, FeatureOutput } from '../atlas-context';
import { viewStore } from '../view-store';
import { useAreaCriteria } from './criteria';
import { listedCriteria, useRulesInUse } from './rules-in-use';
import { buildExportInput, shortlistTitle, withReach } from './export-input';
import { linkingBase, translateShortlist } from './level-translation';
import { useMapHandle } from './map-handle';
import { locatorRings, mapSnapshot } from './map-snapshot';
import { loadMembership } from './membership';
import { addCodes, atLevel, clearItems, moveItem, removeCodes, reorder, setNote, toggleCode, type Change } from './shortlist-ops';
import { exportColumns, shortlistRows, shortlistTotals } from './shortlist-rows';
import { SHORTLIST_DRAWER } from './shortlist-drawer';
import { useReachProfile } from './use-reach-profile';
import { loadReachProfile } from '../../data/load-reach-profile';
import { listColumns, useColumnValues, useListLevel, useParentNames } from './use-list-level';
import { lazyPanel } from '../lazy-panel';
import { PULL_PARTNER_LEVELS } from '../../data/sql/pull-partners-sql';
import { PullPartners } from './PullPartners';
import { loadShortlistPracticeRows } from './shortlist-practice-rows';
import type { ShortlistPracticeRow } from '../../export/shortlist-practices';
import { ShortlistPractices } from './ShortlistPractices';

const PARTNERS_DRAWER = 'partners';
const ShortlistPanel = lazyPanel(() => import('./ShortlistPanel').then((m) => m.ShortlistPanel));

export type PickTool = 'details' | 'pick' | DrawKind;
export type ExportKind = 'csv' | 'xlsx' | 'geojson' | 'png' | 'print';

/** Undo keeps this many earlier lists. */
const UNDO_DEPTH = 30;
/** Rank numbers are drawn on the map up to this many areas (beyond that they hide the map). */
const RANKS_UP_TO = 150;

export interface UndoEntry {
  spec: ShortlistSpec;
  /** What the change did ("Removed 3 areas"), shown on the undo button. */
  label: string;
}

export function useShortlistFeature(ctx: AtlasContext): FeatureOutput {
  const { state, frame } = ctx;
  const spec = state.shortlist;
  const mapLevel: LevelId = frame?.level ?? state.level;
  const listLevel: LevelId = spec.items.length ? spec.level : mapLevel;
  const sameLevel = listLevel === mapLevel;

  const [tool, setTool] = useState<PickTool>('details');
  const [seen, setSeen] = useState(false);
  const [status, setStatus] = useState<string>('');
  const [busy, setBusy] = useState<string | null>(null);
  const [brief, setBrief] = useState<{ brief: PrintBrief; image: string | null } | null>(null);
  const undo = useRef<UndoEntry[]>([]);
  const [, rerender] = useReducer((x: number) => x + 1, 0);

  const list = useListLevel(ctx, listLevel);
  const names = useParentNames(ctx);
  const allCriteria = useAreaCriteria(ctx, seen);
  const rules = useRulesInUse(state);
  // What the list shows and exports: the overlap rule's columns only once the rule is in use.
  const criteria = listedCriteria(allCriteria, rules.inUse);
  const columns = useMemo(() => listColumns(state.indicator, state.dims, spec.columns, listLevel), [state.indicator, state.dims, spec.columns, listLevel]);
  const values = useColumnValues(ctx, list.areas, columns);
  const rowsOut = useMemo(
    () => (list.areas ? shortlistRows({ spec, areas: list.areas, columns: values.columns, names, criteria }) : { rows: [], unknown: [] }),
    [spec, list.areas, values.columns, names, criteria],
  );
  const totals = useMemo(() => (list.areas ? shortlistTotals(rowsOut.rows, list.areas, state.focus, ctx.focusLabel) : null), [rowsOut.rows, list.areas, state.focus, ctx.focusLabel]);
  const expCols = useMemo(() => exportColumns(columns, criteria?.level === listLevel ? criteria : null), [columns, criteria, listLevel]);
  const listed = useMemo(() => rowsOut.rows.map((r) => r.code), [rowsOut.rows]);
  const reach = useReachProfile(ctx, listLevel, listed, seen);

  // Latest values for callbacks registered once (the draw gesture) and for map clicks.
  const live = useRef({ ctx, spec, mapLevel, sameLevel });
  live.current = { ctx, spec, mapLevel, sameLevel };

  const apply = useCallback((change: Change | ShortlistSpec, label?: string) => {
    const { spec: before } = live.current;
    const next = 'items' in change ? change : change.spec;
    const message = 'items' in change ? label ?? null : change.message;
    if (next !== before) {
      undo.current = [...undo.current.slice(-(UNDO_DEPTH - 1)), { spec: before, label: message ?? label ?? 'last change' }];
      live.current.ctx.update({ shortlist: next });
      live.current.spec = next;
      rerender();
    }
    if (message) setStatus(message);
  }, []);

  /** Changes that add map areas need the list at the map's level (an empty list follows it). */
  const atMap = useCallback((): ShortlistSpec | null => {
    const { spec: s, mapLevel: ml, ctx: c } = live.current;
    const here = atLevel(s, ml);
    if (here.level !== ml) {
      const msg = `The shortlist holds ${LEVELS[s.level].label} areas and the map shows ${LEVELS[ml].label} areas. Convert the list in the Shortlist tab, or switch the map back, before adding areas.`;
      setStatus(msg);
      c.notify('warning', msg);
      return null;
    }
    return here;
  }, []);

  const toggleIndex = useCallback((i: number) => {
    const f = live.current.ctx.frame;
    const s = atMap();
    if (!f || !s) return;
    apply(toggleCode(s, f.areas.codes[i]));
  }, [apply, atMap]);

  // Box and lasso: the draw gesture lives while a draw tool is chosen.
  const map = useMapHandle();
  // A lasso closed where it started ends in a click at that point; that click is part of the drawing.
  const lastDrawn = useRef(0);
  useEffect(() => {
    if (!map || (tool !== 'box' && tool !== 'lasso')) return;
    // The geometry library loads when a draw tool is picked, not with the map.
    const shapes = import('./select-in-shape');
    return attachDrawGesture(map, () => ({
      kind: tool,
      onDrawn: (points, shift) => {
        lastDrawn.current = performance.now();
        const { ctx: c } = live.current;
        const f = c.frame;
        const s = atMap();
        if (!f || !s) return;
        void shapes.then(({ areasInShape }) => {
          const codes = areasInShape(points, f.areas.lon, f.areas.lat, c.mask).map((i) => f.areas.codes[i]);
          if (!codes.length) return setStatus('No area has its centre inside the shape you drew.');
          apply(shift ? removeCodes(s, codes) : addCodes(s, codes));
        }, (e: Error) => setStatus(`The drawing tool could not be loaded (${e.message}); reload the page.`));
      },
    }));
  }, [map, tool, apply, atMap]);

  // Shift-click toggles an area whatever the tool. Read from the pointer itself: MapLibre's box zoom
  // takes shift-presses, so its click event never comes.
  useEffect(() => {
    if (!map) return;
    const host = map.getCanvasContainer();
    let start: [number, number] | null = null;
    const down = (e: PointerEvent) => { start = e.shiftKey && e.button === 0 ? [e.clientX, e.clientY] : null; };
    const up = (e: PointerEvent) => {
      if (!start || !e.shiftKey || Math.hypot(e.clientX - start[0], e.clientY - start[1]) > 4) return;
      start = null;
      const f = live.current.ctx.frame;
      if (!f) return;
      const r = host.getBoundingClientRect();
      const ll = map.unproject([e.clientX - r.left, e.clientY - r.top]);
      const i = areaAt(f.geometry.index, f.geometry.polygons, ll.lng, ll.lat);
      const mask = live.current.ctx.mask;
      if (i >= 0 && (!mask || mask[i])) toggleIndex(i);
    };
    host.addEventListener('pointerdown', down, true);
    host.addEventListener('pointerup', up, true);
    return () => {
      host.removeEventListener('pointerdown', down, true);
      host.removeEventListener('pointerup', up, true);
    };
  }, [map, toggleIndex]);

  // Say what happens to the list when the map's level changes.
  const prevLevel = useRef(mapLevel);
  useEffect(() => {
    if (prevLevel.current === mapLevel) return;
    prevLevel.current = mapLevel;
    const s = live.current.spec;
    if (!s.items.length || s.level === mapLevel) return;
    const from = LEVELS[s.level];
    const base = linkingBase(s.level, mapLevel);
    ctx.notify('info', `The shortlist keeps its ${s.items.length.toLocaleString('en-GB')} ${from.label} areas (outlined on the map). ${base
      ? `To turn them into ${LEVELS[mapLevel].label} areas, use "Convert the list" in the Shortlist tab: areas are matched through the LSOAs they are made of.`
      : `${from.label} and ${LEVELS[mapLevel].label} areas share no building blocks, so the list cannot be converted; switch the map back to add areas.`}`);
  }, [mapLevel, ctx]);

  const convert = async () => {
    const base = linkingBase(spec.level, mapLevel);
    if (!base) return;
    setBusy('Converting the list');
    try {
      const m = await loadMembership(ctx.data.queries, base);
      const t = translateShortlist(spec, mapLevel, m);
      apply(t.spec, t.summary);
    } catch (e) {
      setStatus(`The list could not be converted: ${(e as Error).message}`);
    } finally {
      setBusy(null);
    }
  };

  const addMeetingRule = () => {
    const f = ctx.frame;
    const s = atMap();
    if (!f || !s || !allCriteria?.rule) return;
    rules.markUsed();
    apply(addCodes(s, allCriteria.rule.meeting(ctx.mask).map((i) => f.areas.codes[i])));
  };

  /** `by`: 'composite' or a column index into `columns`. */
  const addTop = async (n: number, by: string) => {
    const f = ctx.frame;
    const s = atMap();
    if (!f || !s) return;
    let idx: number[];
    if (by === 'composite') {
      if (!criteria?.composite) return;
      idx = criteria.composite.top(n, ctx.mask);
    } else {
      const col = columns[Number(by)];
      if (!col) return;
      setBusy('Ranking areas');
      try {
        const v = await ctx.valuesFor(col.id, col.dims);
        // Worst first; a context measure (no worse end) lists its highest values first.
        const worseHigh = worseSign(getIndicator(col.id)) === 1;
        idx = [];
        for (let i = 0; i < v.value.length; i++) if (Number.isFinite(v.value[i]) && (!ctx.mask || ctx.mask[i])) idx.push(i);
        idx.sort((a, b) => (worseHigh ? v.value[b] - v.value[a] : v.value[a] - v.value[b]) || a - b);
        idx = idx.slice(0, n);
      } finally {
        setBusy(null);
      }
    }
    apply(addCodes(s, idx.map((i) => f.areas.codes[i])));
  };

  const doUndo = () => {
    const last = undo.current.pop();
    if (!last) return;
    ctx.update({ shortlist: last.spec });
    live.current.spec = last.spec;
    setStatus(`Undone: ${last.label}`);
    rerender();
  };

  // Outlines and ranks of the listed areas, at the list's own level.
  const overlays = useMemo(() => {
    if (!spec.items.length || !list.geometry || !list.areas) return undefined;
    const rings: number[][][] = [];
    const labels: RankLabel[] = [];
    spec.items.forEach((it, r) => {
      const i = list.areas!.indexOf.get(it.code);
      if (i === undefined) return;
      rings.push(...areaOutline(list.geometry!.polygons, i));
      labels.push({ rank: r + 1, lon: list.areas!.lon[i], lat: list.areas!.lat[i] });
    });
    return shortlistLayers('shortlist', rings, labels, labels.length <= RANKS_UP_TO);
  }, [spec.items, list.geometry, list.areas]);

  const rankOf = useMemo(() => new Map(spec.items.map((it, r) => [it.code, r + 1])), [spec.items]);

  const exportInput = (now: string): ShortlistExport | null => {
    if (!list.areas || !totals) return null;
    return buildExportInput({
      state, manifest: ctx.data.manifest, level: listLevel, focusLabel: ctx.focusLabel, columns, exportColumns: expCols,
      rows: rowsOut.rows, totals, criteria: criteria?.level === listLevel ? criteria : null, shareUrl: viewStore.shareUrl(), now,
    });
  };

  const title = shortlistTitle(spec.title, ctx.focusLabel);
  const snapshot = async (now: string, practices: readonly ShortlistPracticeRow[]): Promise<HTMLCanvasElement> => {
    if (!map) throw new Error('the map is not ready yet');
    const la = await ctx.shapes.load('lad24').catch(() => null);
    const modeLabel = document.getElementById('legend-title')?.textContent ?? '';
    return mapSnapshot({
      map, title, generatedAt: now,
      subtitle: `${modeLabel ? `${modeLabel} · ` : ''}${LEVELS[mapLevel].label} · ${ctx.focusLabel === 'all of England' ? 'England' : ctx.focusLabel}`,
      shortlistKey: spec.items.length ? `Shortlisted areas (${spec.items.length.toLocaleString('en-GB')}), numbered by rank` : null,
      locator: la ? locatorRings(la.polygons) : null,
      practices,
    });
  };

  const runExport = async (kind: ExportKind) => {
    setSeen(true);
    const now = new Date().toISOString();
    const base = exportInput(now);
    if (!base) return setStatus('The shortlist is still loading; try again in a moment.');
    setBusy(`Preparing the ${kind === 'print' ? 'brief' : kind.toUpperCase()}`);
    try {
      const x = await import('./exporters');
      // Who the list reaches goes with every table export (the same cached queries as the panel's).
      const profile = kind === 'png' || kind === 'geojson' ? null
        : await loadReachProfile(ctx.data.queries, listLevel, listed, state.ethnicGroups, { title: 'Shortlist', withIcbs: listLevel !== 'icb24' && listLevel !== 'cal22' && listLevel !== 'cal19' });
      const practices = await loadShortlistPracticeRows(ctx.data.queries, state.shortlistPractices, state.practices.measure);
      const input = { ...(profile ? withReach(base, profile, ctx.data.manifest) : base), practices };
      let name = '';
      if (kind === 'csv') name = downloadExport(x.writeCsvBundle(input), 'csv-zip', input.title, now);
      else if (kind === 'xlsx') name = downloadExport(await x.writeShortlistXlsx(input), 'xlsx', input.title, now);
      else if (kind === 'geojson') {
        const lookup = await x.loadGeometryLookup(ctx.data, listLevel, input.rows.map((r) => r.code));
        name = downloadExport(x.writeShortlistGeoJson(input, lookup), 'geojson', input.title, now);
      } else if (kind === 'png') name = downloadExport(await x.canvasToPng(await snapshot(now, practices)), 'png', input.title, now);
      else {
        const image = map ? (await snapshot(now, practices)).toDataURL('image/png') : null;
        setBrief({ brief: x.buildPrintBrief(input), image });
        return;
      }
      setStatus(`Saved ${name}.`);
    } catch (e) {
      console.error(e);
      setStatus(`The export failed: ${(e as Error).message}`);
    } finally {
      setBusy(null);
    }
  };

  // The brief is rendered (hidden on screen), then the print dialog opens on it.
  useEffect(() => {
    if (!brief) return;
    const t = setTimeout(() => {
      window.print();
      setStatus('The brief was sent to the print dialog; choose "Save as PDF" there for a PDF.');
    }, 50);
    return () => clearTimeout(t);
  }, [brief]);

  const render = (part?: 'table') => (
    <ShortlistPanel part={part}
      ctx={ctx} spec={spec} listLevel={listLevel} mapLevel={mapLevel} rows={rowsOut.rows} unknown={rowsOut.unknown} totals={totals}
      exportColumns={expCols} columns={columns} criteria={allCriteria} tool={tool} onTool={setTool} status={status}
      busy={busy ?? (values.loading ? 'Loading values' : null)} error={list.error ?? values.error} brief={brief}
      undoLabel={undo.current.at(-1)?.label ?? null} onUndo={doUndo} onSeen={() => setSeen(true)} reach={reach}
      canConvert={!sameLevel && linkingBase(spec.level, mapLevel) !== null} onConvert={() => void convert()}
      onAddRule={addMeetingRule} onAddTop={(n, by) => void addTop(n, by)} onExport={(kind) => void runExport(kind)}
      onTitle={(t) => ctx.update({ shortlist: { ...live.current.spec, title: t } })}
      onColumns={(cols) => apply({ ...spec, columns: cols }, 'Changed the columns')}
      onMove={(code, d) => { const i = spec.items.findIndex((x) => x.code === code); apply(moveItem(spec, i, i + d), `Moved an area ${d < 0 ? 'up' : 'down'}`); }}
      onRemove={(code) => apply(removeCodes(spec, [code]))}
      onNote={(code, note) => ctx.update({ shortlist: setNote(live.current.spec, code, note) })}
      onApplyOrder={(codes) => apply(reorder(spec, codes), 'Made the sorted order the ranking')}
      onRemoveUnknown={() => apply(removeCodes(spec, rowsOut.unknown))}
      onClear={() => apply(clearItems(spec))}
      onPartners={spec.items.length && PULL_PARTNER_LEVELS.includes(spec.level) ? () => ctx.update({ drawer: PARTNERS_DRAWER }) : undefined}
    />
  );
  const panel = <>{render()}<ShortlistPractices ctx={ctx} list={state.shortlistPractices} /></>;

  return {
    tab: { id: 'shortlist', label: `Shortlist${spec.items.length ? ` (${spec.items.length})` : ''}`, panel },
    overlays,
    drawer: [
      { id: SHORTLIST_DRAWER, label: `Shortlist table${spec.items.length ? ` (${spec.items.length})` : ''}`, content: render('table') },
      ...(spec.items.length && PULL_PARTNER_LEVELS.includes(spec.level)
        ? [{ id: PARTNERS_DRAWER, label: 'Pull partners', content: () => <PullPartners ctx={ctx} level={spec.level} codes={spec.items.map((x) => x.code)} /> }]
        : []),
    ],
    onAreaClick: (i, p) => {
      if (p.shiftKey) return true; // handled by the pointer listener above
      if (performance.now() - lastDrawn.current < 400) return true;
      if (tool === 'details') return false;
      toggleIndex(i);
      return true;
    },
    tooltipLines: (i) => {
      if (!sameLevel || !frame) return [];
      const r = rankOf.get(frame.areas.codes[i]);
      return r ? [{ label: 'Shortlist', value: `rank ${r} of ${spec.items.length}` }] : [];
    },
    detailActions: (code) => {
      if (!sameLevel) return null;
      const listed = rankOf.has(code);
      const i = frame?.areas.indexOf.get(code);
      if (i === undefined) return null;
      return (
        <button type="button" data-testid="detail-shortlist" onClick={() => toggleIndex(i)}>
          {listed ? 'Remove from shortlist' : 'Add to shortlist'}
        </button>
      );
    },
  };
}
