/**
 * The atlas screen: wires the view state to queries, geometry, classification and the map, and
 * builds the view models the presentational components show. Nothing else talks to all of them.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { getIndicator } from '../data/catalogue';
import { dimensionValues } from '../data/catalogue/types';
import { stringColumn, numberColumn } from '../data/db/arrow-columns';
import type { AtlasData } from '../data/load-atlas';
import { areaNamesSql, searchSql } from '../data/sql/search-sql';
import { LEVELS, LEVEL_IDS, type LevelId } from '../geo/levels';
import { areaOutline } from '../geo/topology-binary';
import { AtlasMap, type FlyTarget, type MapPointer, type MapView } from '../map/atlas-map';
import { areaAt } from '../geo/area-index';
import { placeLabels } from '../map/label-placement';
import { buildLayers } from '../map/build-layers';
import { classifyValues, colourBuffer } from '../map/classify-values';
import { ENGLAND_VIEWPORT } from '../state/view-state';
import { AreaTable } from '../ui/AreaTable';
import { DetailPanel } from '../ui/DetailPanel';
import { BusyStrip } from '../ui/LoadingScreen';
import { Notices, type Notice } from '../ui/Notices';
import type { SearchResult } from '../ui/SearchBox';
import { Tooltip, type TooltipModel } from '../ui/Tooltip';
import { Sidebar } from './Sidebar';
import { focusMask } from './focus-mask';
import { legendModel } from './legend-model';
import { loadIndicatorValues, loadLevelAreas, type IndicatorValues, type LevelAreas } from './level-data';
import { chooseIndicator, chooseLevel } from './measure-choice';
import { useAsync } from './use-async';
import { useAreaDetail } from './use-area-detail';
import type { GeometryStore, LevelGeometry } from './geometry-store';
import { detailModel, tableModel, tooltipModel } from './view-models';
import { useViewState, viewStore } from './view-store';
import { useBasemapUrl } from './basemap-setting';
import { setRootState } from './root-state';
import { exposeAutomation } from './automation';

/** A consistent set of inputs for one drawn map: geometry, areas and values of the same level. */
interface Frame {
  key: string;
  geometry: LevelGeometry;
  areas: LevelAreas;
  values: IndicatorValues;
}

export function AtlasView({ data, geometry: shapes }: { data: AtlasData; geometry: GeometryStore }) {
  const state = useViewState();
  const ind = getIndicator(state.indicator);
  const dims = useMemo(() => dimensionValues(ind, state.dims), [ind, state.dims]);
  const dimsKey = JSON.stringify(dims);
  const [notices, setNotices] = useState<Notice[]>(() => viewStore.startupWarnings.map((text, i) => ({ id: `start-${i}`, kind: 'warning' as const, text })));
  const notify = useCallback((kind: Notice['kind'], text: string) => setNotices((n) => [...n.filter((x) => x.text !== text), { id: `${Date.now()}-${Math.random()}`, kind, text }]), []);
  const [geoBusy, setGeoBusy] = useState<string | null>(null);
  useEffect(() => shapes.onProgress(setGeoBusy), [shapes]);
  const [basemapUrl, setBasemapUrl] = useBasemapUrl();

  const areas = useAsync(() => loadLevelAreas(data.queries, state.level), [state.level]);
  const geometry = useAsync(() => shapes.load(state.level), [state.level]);
  const laGeometry = useAsync(() => shapes.load('lad24'), []);
  const laAreas = useAsync(() => loadLevelAreas(data.queries, 'lad24'), []);
  const values = useAsync(
    areas.value && areas.value.level === state.level ? () => loadIndicatorValues(data.queries, state.indicator, state.level, dims, areas.value!) : null,
    [areas.value, state.indicator, state.level, dimsKey],
  );

  for (const e of [areas.error, geometry.error, values.error, laGeometry.error]) if (e) console.error(e);
  const error = areas.error ?? geometry.error ?? values.error;

  // Keep showing the last complete frame while the next one loads, so the map never goes blank.
  const frameRef = useRef<Frame | null>(null);
  const wantedKey = `${state.level}|${state.indicator}|${dimsKey}`;
  if (geometry.value?.level === state.level && areas.value?.level === state.level && values.value && values.value.key === `${state.indicator}|${state.level}|${dimsKey}`) {
    if (frameRef.current?.key !== wantedKey) {
      if (geometry.value.polygons.ids.length !== areas.value.codes.length || geometry.value.polygons.ids.some((id, i) => id !== areas.value!.codes[i])) {
        throw new Error(`The map shapes and the area table for ${state.level} do not match. Rebuild the data with "npm run data".`);
      }
      frameRef.current = { key: wantedKey, geometry: geometry.value, areas: areas.value, values: values.value };
      performance.mark(`atlas:frame:${wantedKey}`);
    }
  }
  const frame = frameRef.current;
  const current = frame?.key === wantedKey;
  const frameInd = frame ? getIndicator(frame.key.split('|')[1]) : ind;

  const focusParentIcb = useMemo(() => {
    if (state.focus?.level !== 'lad24' || !laAreas.value) return null;
    const i = laAreas.value.indexOf.get(state.focus.code);
    return i === undefined ? null : laAreas.value.icb[i];
  }, [state.focus, laAreas.value]);
  const mask = useMemo(() => (frame ? focusMask(frame.areas, state.focus, focusParentIcb) : null), [frame, state.focus, focusParentIcb]);
  const classified = useMemo(
    () => (frame ? classifyValues(frame.values.value, frameInd, state.classification, mask, frame.values.ranked, state.palette) : null),
    [frame, frameInd, state.classification, mask, state.palette],
  );
  const colours = useMemo(() => (classified ? colourBuffer(classified) : null), [classified]);
  const colourKey = `${frame?.key}|${state.palette}|${JSON.stringify(state.classification)}|${state.focus?.code ?? ''}`;

  const selectedIndex = frame && state.selected ? frame.areas.indexOf.get(state.selected) ?? null : null;
  const selection = useMemo(() => (frame && selectedIndex !== null ? areaOutline(frame.geometry.polygons, selectedIndex) : null), [frame, selectedIndex]);
  const laLabels = useMemo(
    () => (laAreas.value ? laAreas.value.codes.map((_, i) => ({ name: laAreas.value!.names[i], lon: laAreas.value!.lon[i], lat: laAreas.value!.lat[i], population: laAreas.value!.population[i] })) : []),
    [laAreas.value],
  );
  const [mapView, setMapView] = useState<MapView | null>(null);
  const labels = useMemo(
    () => (mapView && basemapUrl === null && state.viewport.zoom >= 6.5 ? placeLabels(laLabels, mapView.project, mapView.width, mapView.height) : []),
    [mapView, laLabels, basemapUrl, state.viewport.zoom],
  );
  const [hoverState, setHover] = useState<{ index: number; x: number; y: number; key: string } | null>(null);
  // A hover belongs to the frame it was picked on; after a level or measure change it is void.
  const hover = hoverState && frame && hoverState.key === frame.key ? hoverState : null;
  const hoverRings = useMemo(() => (frame && hover ? areaOutline(frame.geometry.polygons, hover.index) : null), [frame, hover?.index]);
  const pick = (p: MapPointer): number => {
    if (!frame) return -1;
    const i = areaAt(frame.geometry.index, frame.geometry.polygons, p.lon, p.lat);
    return i >= 0 && (!mask || mask[i]) ? i : -1;
  };
  const layers = useMemo(() => {
    if (!frame || !colours) return [];
    return buildLayers({
      level: frame.areas.level, geometry: frame.geometry.polygons, levelMesh: frame.geometry.mesh, colours, colourKey,
      inFocus: mask, focusKey: `${state.focus?.level}:${state.focus?.code}:${frame.key}`, zoom: state.viewport.zoom,
      bounds: mapView?.bounds ?? null, laMesh: laGeometry.value?.mesh ?? null, labels, hover: hoverRings, selection,
    });
  }, [frame, colours, colourKey, mask, state.focus, state.viewport.zoom, mapView, laGeometry.value, labels, hoverRings, selection]);

  // The root element tells tests and automation whether the map on screen is the one asked for.
  const renderedKey = useRef<string | null>(null);
  useEffect(() => {
    if (error) setRootState('error', wantedKey);
    else setRootState(current && renderedKey.current === colourKey ? 'ready' : 'loading', wantedKey);
  }, [error, current, wantedKey, colourKey]);
  const onRendered = useCallback(() => {
    if (!current || renderedKey.current === colourKey || layers.length === 0) return;
    renderedKey.current = colourKey;
    performance.mark(`atlas:drawn:${wantedKey}`);
    setRootState('ready', wantedKey);
  }, [current, colourKey, layers.length, wantedKey]);

  const [flyTarget, setFlyTarget] = useState<FlyTarget | null>(null);
  const flyTo = (t: Omit<FlyTarget, 'key'>) => setFlyTarget((f) => ({ ...t, key: (f?.key ?? 0) + 1 }));

  useEffect(() => viewStore.onLinkOpened((s, warnings) => {
    flyTo({ viewport: s.viewport });
    for (const w of warnings) notify('warning', w);
  }), [notify]);

  const selectArea = (code: string | null) => viewStore.update({ selected: code });
  const onClick = (p: MapPointer) => {
    const i = pick(p);
    if (!frame || i < 0) return;
    const code = frame.areas.codes[i];
    selectArea(state.selected === code ? null : code);
  };

  const setLevel = (level: LevelId) => {
    const c = chooseLevel(level, state.indicator);
    if (c.message) notify('info', c.message);
    viewStore.update({ level: c.level, indicator: c.indicator, selected: null });
  };
  const setIndicator = (id: string) => {
    const c = chooseIndicator(state.level, id);
    if (c.message) notify('info', c.message);
    viewStore.update({ level: c.level, indicator: c.indicator, dims: {}, classification: null, selected: c.level === state.level ? state.selected : null });
  };

  const focusOptions = useAsync(async () => {
    const [icb, lad] = await Promise.all([data.queries.run(areaNamesSql('icb24')), data.queries.run(areaNamesSql('lad24'))]);
    const opts = (t: typeof icb, level: 'icb24' | 'lad24') => {
      const codes = stringColumn(t, 'code') as string[];
      const names = stringColumn(t, 'name') as string[];
      return codes.map((c, i) => ({ level, code: c, name: names[i] }));
    };
    return [...opts(icb, 'icb24'), ...opts(lad, 'lad24')];
  }, []);
  const setFocus = async (f: { level: 'icb24' | 'lad24'; code: string } | null) => {
    viewStore.update({ focus: f });
    if (!f) return flyTo({ viewport: ENGLAND_VIEWPORT });
    const t = await data.queries.run(`SELECT minx, miny, maxx, maxy FROM areas WHERE level = '${f.level}' AND code = '${f.code.replace(/[^A-Z0-9]/g, '')}'`);
    const [x0, y0, x1, y1] = ['minx', 'miny', 'maxx', 'maxy'].map((c) => numberColumn(t, c)[0]);
    if (Number.isFinite(x0)) flyTo({ bbox: [x0, y0, x1, y1] });
  };

  const search = async (q: string): Promise<SearchResult[]> => {
    const stackLevels = LEVEL_IDS.filter((l) => LEVELS[l].stack === LEVELS[state.level].stack);
    const t = await data.queries.run(searchSql(q, state.level, stackLevels));
    const lv = stringColumn(t, 'level') as LevelId[];
    const codes = stringColumn(t, 'code') as string[];
    const names = stringColumn(t, 'name') as string[];
    const bb = ['minx', 'miny', 'maxx', 'maxy'].map((c) => numberColumn(t, c));
    searchBoxes.current = new Map(codes.map((c, i) => [`${lv[i]}:${c}`, [bb[0][i], bb[1][i], bb[2][i], bb[3][i]] as [number, number, number, number]]));
    return codes.map((c, i) => ({ key: `${lv[i]}:${c}`, code: c, name: names[i], levelLabel: LEVELS[lv[i]].label }));
  };
  const searchBoxes = useRef(new Map<string, [number, number, number, number]>());
  const pickSearch = (r: SearchResult) => {
    const bbox = searchBoxes.current.get(r.key);
    if (bbox) flyTo({ bbox });
    if (r.key.startsWith(`${state.level}:`)) selectArea(r.code);
  };

  const parentNames = useAsync(async () => {
    const t = await data.queries.run(`SELECT code, name FROM areas WHERE level IN ('ward24', 'lad24', 'icb24')`);
    const codes = stringColumn(t, 'code') as string[];
    const names = stringColumn(t, 'name') as string[];
    return new Map(codes.map((c, i) => [c, names[i]]));
  }, []);
  const detail = useAreaDetail(data, frame?.areas, state.selected, state.indicator, dims);
  const [showTable, setShowTable] = useState(false);
  const scopeLabel = state.focus ? focusOptions.value?.find((o) => o.code === state.focus!.code)?.name ?? state.focus.code : 'all of England';
  const inheritedFrom = frame && frame.values.source.some((s) => s !== null) ? inheritedNoun(frameInd, frame.areas.level) : null;
  const legend = frame && classified ? legendModel(frameInd, frame.areas.level, frame.values.value, classified, state.classification?.scope === 'england' ? null : mask, state.classification?.scope === 'england' ? 'all of England' : scopeLabel, inheritedFrom) : null;
  const tip: TooltipModel | null = hover && frame ? tooltipModel(frame.areas, frame.values, frameInd, hover.index, hover.x, hover.y) : null;

  return (
    <div className="app">
      <Sidebar
        state={state}
        indicator={ind}
        focusOptions={focusOptions.value ?? []}
        onLevel={setLevel}
        onIndicator={setIndicator}
        onDims={(d) => viewStore.update({ dims: { ...state.dims, ...d } })}
        onPalette={(palette) => viewStore.update({ palette })}
        onClassification={(classification) => viewStore.update({ classification })}
        onFocus={setFocus}
        search={search}
        onPickSearch={pickSearch}
        legend={legend}
        showTable={showTable}
        onToggleTable={() => setShowTable((s) => !s)}
        basemapUrl={basemapUrl}
        onBasemapUrl={setBasemapUrl}
        manifest={data.manifest}
        shareUrl={() => viewStore.shareUrl()}
        notify={notify}
      />
      <main className="map-area" aria-label="Map">
        <AtlasMap
          layers={layers}
          initialViewport={state.viewport}
          flyTarget={flyTarget}
          styleUrl={basemapUrl}
          label={`Map of ${ind.label} by ${LEVELS[state.level].label}${state.focus ? ` in ${scopeLabel}` : ''}`}
          onViewportChange={(viewport, view) => {
            setMapView(view);
            viewStore.update({ viewport });
          }}
          onHover={(p) => {
            const i = p ? pick(p) : -1;
            setHover((h) => (i < 0 || !frame ? null : h && h.key === frame.key && h.index === i && Math.abs(h.x - p!.x) < 2 && Math.abs(h.y - p!.y) < 2 ? h : { index: i, x: p!.x, y: p!.y, key: frame.key }));
          }}
          onClick={onClick}
          onRendered={onRendered}
          onMapReady={exposeAutomation}
          onError={(m) => notify('error', `The map could not load part of its style (${m}). If you set an online basemap, check its address in Map settings or switch back to the offline basemap.`)}
        />
        <Tooltip model={tip} />
        <BusyStrip label={geoBusy ?? (!current && !error ? `Loading ${ind.short} for ${LEVELS[state.level].label}` : null)} />
        <Notices notices={[...notices, ...(error ? [{ id: 'err', kind: 'error' as const, text: `${error.message} Try reloading the page; if it persists, rebuild the data with "npm run data".` }] : [])]} onDismiss={(id) => setNotices((n) => n.filter((x) => x.id !== id))} />
        {showTable && frame && classified && (
          <section className="table-drawer" aria-label="Map as a table">
            <AreaTable model={tableModel(frame.areas, frame.values, frameInd, classified, mask, legend)} onSelect={(code) => { selectArea(code); const i = frame.areas.indexOf.get(code)!; flyTo({ bbox: [...frame.areas.bbox.subarray(4 * i, 4 * i + 4)] as [number, number, number, number] }); }} />
          </section>
        )}
      </main>
      {frame && state.selected && frame.areas.indexOf.has(state.selected) && (
        <DetailPanel
          model={detailModel(frame.areas, state.selected, detail, state.indicator, parentNames.value ?? new Map())}
          onClose={() => selectArea(null)}
          actions={
            <div className="button-row">
              {(['icb24', 'lad24'] as const).map((lv) => {
                const i = frame.areas.indexOf.get(state.selected!)!;
                const code = lv === 'icb24' ? frame.areas.icb[i] ?? (frame.areas.level === 'icb24' ? state.selected : null) : frame.areas.lad[i] ?? (frame.areas.level === 'lad24' ? state.selected : null);
                return code ? <button key={lv} type="button" onClick={() => setFocus({ level: lv, code })}>Focus on this {LEVELS[lv].noun}</button> : null;
              })}
            </div>
          }
        />
      )}
    </div>
  );
}

function inheritedNoun(ind: ReturnType<typeof getIndicator>, level: LevelId): string | null {
  const rule = ind.levels[level];
  return rule?.kind === 'inherit' ? LEVELS[rule.from].noun : null;
}

