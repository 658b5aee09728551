/**
 * The atlas screen: wires the view state to the level's shapes and areas, the active map mode, the
 * features (features.ts), the map and the panels. Nothing else talks to all of them.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore, type CSSProperties } from 'react';
import { getIndicator } from '../data/catalogue';
import { numberColumn, stringColumn } from '../data/db/arrow-columns';
import type { AtlasData } from '../data/load-atlas';
import { areaNamesSql } from '../data/sql/search-sql';
import { sqlString } from '../data/sql/sql-text';
import { areaAt } from '../geo/area-index';
import { FOCUS_LEVELS, LEVELS, type FocusLevel, type LevelId } from '../geo/levels';
import { areaOutline } from '../geo/topology-binary';
import { AtlasMap, type FlyTarget, type MapPointer, type MapView } from '../map/atlas-map';
import { buildLayers } from '../map/build-layers';
import { placeLabels } from '../map/label-placement';
import { startAgainState } from '../state/start-again';
import { ENGLAND_VIEWPORT } from '../state/view-state';
import { AreaTable } from '../ui/AreaTable';
import { DetailPanel } from '../ui/DetailPanel';
import { Drawer, type DrawerItem } from '../ui/Drawer';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { BusyStrip } from '../ui/LoadingScreen';
import { Notices, type Notice } from '../ui/Notices';
import { MapKey } from '../ui/MapKey';
import { Tooltip } from '../ui/Tooltip';
import type { AtlasContext, FeatureOutput, ModeOutput, PointHit } from './atlas-context';
import { exposeAutomation } from './automation';
import { useBasemapUrl } from './basemap-setting';
import { FEATURES } from './features';
import { focusMask } from '../data/focus-mask';
import type { GeometryStore } from './geometry-store';
import { loadIndicatorValues, loadLevelAreas } from '../data/level-data';
import { MapPanel } from './MapPanel';
import { chooseIndicator, chooseLevel } from './measure-choice';
import { useIndicatorMode } from './modes/use-indicator-mode';
import { setRootState } from './root-state';
import { publishMap } from './shortlist/map-handle';
import { Sidebar } from './Sidebar';
import { useAreaDetail } from './use-area-detail';
import { useDbActivity } from './use-db-activity';
import { useAreaProfile } from './use-area-profile';
import { useAreaSearch } from './search/use-area-search';
import { ReachProfileTable } from '../ui/ReachProfileTable';
import { reachTable } from '../export/reach-profile-text';
import { useAsync } from './use-async';
import { useLevelFrame } from './use-level-frame';
import { detailModel } from './view-models';
import { useViewState, viewStore } from './view-store';
import { formatCount } from '../ui/format';
import { userDataEngine } from './your-data/use-your-data-feature';

/** Light grey for every area: the level's shapes while its values load. */
function neutralColours(n: number): Uint8Array {
  const c = new Uint8Array(n * 4);
  for (let i = 0; i < n; i++) c.set([214, 214, 210, 255], 4 * i);
  return c;
}

/**
 * Advice when a level or measure cannot load: never a bare "reload", which would clear the data a
 * user added from their own files.
 */
const LOAD_ERROR_ADVICE = 'Try another level or measure. If it keeps failing, save a project file under "Your data" (it keeps the data you added), then reload the page; if it still fails, the data files may need rebuilding ("npm run data").';

/** A string that changes when any of the given objects is replaced by another (identity, not content). */
const ids = new WeakMap<object, number>();
let nextId = 1;
function identityKey(objs: (object | undefined | null)[]): string {
  return objs.map((o) => {
    if (!o) return 0;
    let id = ids.get(o);
    if (!id) ids.set(o, (id = nextId++));
    return id;
  }).join(',');
}

export function AtlasView({ data, geometry: shapes }: { data: AtlasData; geometry: GeometryStore }) {
  const state = useViewState();
  const ind = getIndicator(state.indicator);
  const [notices, setNotices] = useState<Notice[]>(() => viewStore.startupWarnings.map((text, i) => ({ id: `start-${i}`, kind: 'warning' as const, text })));
  const notify = useCallback((kind: Notice['kind'], text: string) => setNotices((n) => [...n.filter((x) => x.text !== text), { id: `${Date.now()}-${Math.random()}`, kind, text }]), []);
  const [geoBusy, setGeoBusy] = useState<string | null>(null);
  const dbBusy = useDbActivity(data.db);
  useEffect(() => shapes.onProgress(setGeoBusy), [shapes]);
  const [basemapUrl, setBasemapUrl] = useBasemapUrl();

  const { frame, current: levelCurrent, error: levelError } = useLevelFrame(data, shapes, state.level);
  const laGeometry = useAsync(() => shapes.load('lad24'), []);
  const laAreas = useAsync(() => loadLevelAreas(data.queries, 'lad24'), []);
  const focusOptions = useAsync(async () => {
    const tables = await Promise.all(FOCUS_LEVELS.map((l) => data.queries.run(areaNamesSql(l))));
    return FOCUS_LEVELS.flatMap((level, k) => {
      const codes = stringColumn(tables[k], 'code') as string[];
      const names = stringColumn(tables[k], 'name') as string[];
      return codes.map((c, i) => ({ level, code: c, name: names[i] }));
    });
  }, []);
  const parentNames = useAsync(async () => {
    // Some E56 codes name a 2019 and a different 2022 alliance: the 2022 names (read last) win.
    const t = await data.queries.run(`SELECT code, name FROM areas WHERE level <> 'lsoa21' AND level <> 'lsoa11' ORDER BY level = 'cal22'`);
    const codes = stringColumn(t, 'code') as string[];
    const names = stringColumn(t, 'name') as string[];
    return new Map(codes.map((c, i) => [c, names[i]]));
  }, []);

  // The areas containing the focus region (an authority's ICB, an ICB's alliance): shown at those coarser levels.
  const focusParents = useAsync(state.focus ? async (): Promise<Partial<Record<LevelId, string | null>>> => {
    const t = await data.queries.run(`SELECT icb24_code, cal22_code, cal19_code FROM areas WHERE level = ${sqlString(state.focus!.level)} AND code = ${sqlString(state.focus!.code)}`);
    return { icb24: stringColumn(t, 'icb24_code')[0] ?? null, cal22: stringColumn(t, 'cal22_code')[0] ?? null, cal19: stringColumn(t, 'cal19_code')[0] ?? null };
  } : null, [state.focus?.level, state.focus?.code]);
  const focusParent = frame && state.focus ? focusParents.value?.[frame.level] ?? null : null;
  const mask = useMemo(() => (frame ? focusMask(frame.areas, state.focus, focusParent) : null), [frame, state.focus, focusParent]);
  const focusLabel = state.focus ? parentNames.value?.get(state.focus.code) ?? state.focus.code : 'all of England';

  const [flyTarget, setFlyTarget] = useState<FlyTarget | null>(null);
  const flyTo = useCallback((t: Omit<FlyTarget, 'key'>) => setFlyTarget((f) => ({ ...t, key: (f?.key ?? 0) + 1 })), []);
  const selectArea = useCallback((code: string | null) => viewStore.update({ selected: code }), []);
  const [mapView, setMapView] = useState<MapView | null>(null);

  const ctx: AtlasContext = useMemo(() => ({
    data, shapes, state, update: viewStore.update, frame, mask, focusLabel, notify, flyTo, selectArea, mapView,
    nameOf: (code) => parentNames.value?.get(code) ?? code,
    valuesFor: (id, dims = {}) => {
      if (!frame) return Promise.reject(new Error('the level is still loading'));
      return loadIndicatorValues(data.queries, id, frame.level, dims, frame.areas);
    },
  }), [data, shapes, state, frame, mask, focusLabel, notify, flyTo, selectArea, mapView, parentNames.value]);

  const features: FeatureOutput[] = FEATURES.map((f) => f(ctx));
  const modeFeature = features.find((f) => f.mode);
  const featureMode = modeFeature?.mode ?? null;
  // The Map tab's measure, also shown when the link names a view this build does not have.
  const mode: ModeOutput | null = useIndicatorMode(ctx, !featureMode) ?? featureMode;

  for (const e of [levelError, laGeometry.error, mode?.error]) if (e) console.error(e);
  const error = levelError ?? mode?.error ?? null;
  const viewKey = mode?.viewKey ?? `${state.level}|${state.indicator}`;
  const ready = !!(levelCurrent && mode?.ready && mode.colours);

  const selectedIndex = frame && state.selected ? frame.areas.indexOf.get(state.selected) ?? null : null;
  const selection = useMemo(() => (frame && selectedIndex !== null ? areaOutline(frame.geometry.polygons, selectedIndex) : null), [frame, selectedIndex]);
  const laLabels = useMemo(
    () => (laAreas.value ? laAreas.value.codes.map((_, i) => ({ name: laAreas.value!.names[i], lon: laAreas.value!.lon[i], lat: laAreas.value!.lat[i], population: laAreas.value!.population[i] })) : []),
    [laAreas.value],
  );
  const labels = useMemo(
    () => (mapView && basemapUrl === null ? placeLabels(laLabels, mapView.project, mapView.width, mapView.height, 13, state.viewport.zoom) : []),
    [mapView, laLabels, basemapUrl, state.viewport.zoom],
  );
  const [hoverState, setHover] = useState<{ index: number; x: number; y: number; level: LevelId } | null>(null);
  // A hover belongs to the level it was picked on; after a level change it is void.
  const hover = hoverState && frame && hoverState.level === frame.level ? hoverState : null;
  // A feature's point symbol (a GP practice) under the pointer wins over the area beneath it.
  const [pointHover, setPointHover] = useState<{ hit: PointHit; x: number; y: number } | null>(null);
  const hoverIndex = hover?.index ?? null;
  const hoverRings = useMemo(() => (frame && hoverIndex !== null ? areaOutline(frame.geometry.polygons, hoverIndex) : null), [frame, hoverIndex]);
  const pick = (p: MapPointer): number => {
    if (!frame) return -1;
    const i = areaAt(frame.geometry.index, frame.geometry.polygons, p.lon, p.lat);
    return i >= 0 && (!mask || mask[i]) ? i : -1;
  };

  // Keep drawing the last colours of this level while a new mode or measure loads.
  const lastColours = useRef<{ level: LevelId; colours: Uint8Array; key: string } | null>(null);
  if (frame && mode?.colours && mode.ready && levelCurrent) lastColours.current = { level: frame.level, colours: mode.colours, key: mode.colourKey };
  const coloured = lastColours.current && frame && lastColours.current.level === frame.level ? lastColours.current : null;
  // Shapes first: when the values take longer than a moment, the level is drawn in a neutral fill
  // until they come (the moment spares a frame when they arrive right after the shapes).
  const neutral = useMemo(() => (frame ? { level: frame.level, colours: neutralColours(frame.areas.codes.length), key: `neutral|${frame.level}` } : null), [frame]);
  const [neutralFor, setNeutralFor] = useState<LevelId | null>(null);
  const waitingForColours = !!frame && !coloured;
  useEffect(() => {
    if (!waitingForColours || !frame) return;
    const t = setTimeout(() => setNeutralFor(frame.level), 150);
    return () => clearTimeout(t);
  }, [waitingForColours, frame]);
  const drawn = coloured ?? (neutral && neutralFor === neutral.level ? neutral : null);
  const focusOn = useCallback((focus: { level: FocusLevel; code: string }) => viewStore.update({ focus }), []);
  const areaSearch = useAreaSearch({ data, shapes, level: state.level, flyTo, selectArea, setFocus: focusOn });
  const overlays = features.flatMap((f) => f.overlays ?? []);
  const overlayKey = identityKey([mode?.overlays, ...features.map((f) => f.overlays)]);
  // Memoised: a new layer list makes deck.gl compare props and usually redraw, which is what costs
  // (the geometry itself is uploaded once per level; colours change only through update triggers).
  const layers = useMemo(() => (!frame || !drawn ? [] : buildLayers({
    level: frame.level, geometry: frame.geometry.polygons, levelMesh: frame.geometry.mesh, colours: drawn.colours, colourKey: drawn.key,
    inFocus: mask, focusKey: `${state.focus?.level}:${state.focus?.code}:${frame.level}`, zoom: state.viewport.zoom,
    bounds: mapView?.bounds ?? null, laMesh: laGeometry.value?.mesh ?? null, labels, hover: hoverRings, selection, found: areaSearch.outline,
    extra: [...(mode?.overlays ?? []), ...overlays],
  // eslint-disable-next-line react-hooks/exhaustive-deps -- drawn and the overlays are compared by key (drawn.key, overlayKey), not by identity
  })), [frame, drawn?.key, drawn?.colours, mask, state.focus, state.viewport.zoom, mapView, laGeometry.value, labels, hoverRings, selection, areaSearch.outline, overlayKey]);

  // The root element tells tests and automation whether the map on screen is the one asked for.
  const colourKey = mode?.colourKey ?? '';
  const renderedKey = useRef<string | null>(null);
  useEffect(() => {
    if (error) setRootState('error', viewKey);
    else setRootState(ready && renderedKey.current === colourKey ? 'ready' : 'loading', viewKey);
  }, [error, ready, viewKey, colourKey]);
  const shapesShown = useRef<string | null>(null);
  const onRendered = useCallback(() => {
    if (drawn && layers.length && drawn.key.startsWith('neutral|') && shapesShown.current !== drawn.key) {
      shapesShown.current = drawn.key;
      performance.mark(`atlas:shapes-drawn:${drawn.level}`);
    }
    if (!ready || renderedKey.current === colourKey || layers.length === 0 || drawn?.key !== colourKey) return;
    renderedKey.current = colourKey;
    performance.mark(`atlas:drawn:${viewKey}`);
    setRootState('ready', viewKey);
  }, [ready, colourKey, layers.length, viewKey, drawn]);

  useEffect(() => viewStore.onLinkOpened((s, warnings) => {
    flyTo({ viewport: s.viewport });
    for (const w of warnings) notify('warning', w);
  }), [notify, flyTo]);

  const pointAt = (p: MapPointer): PointHit | null => {
    for (const f of features) {
      const hit = f.pointAt?.(p);
      if (hit) return hit;
    }
    return null;
  };
  const onClick = (p: MapPointer) => {
    const hit = pointAt(p);
    if (hit) {
      setPointHover(null);
      hit.select();
      return;
    }
    const i = pick(p);
    if (!frame || i < 0) return;
    if (features.some((f) => f.onAreaClick?.(i, p))) return;
    const code = frame.areas.codes[i];
    // The card under the pointer would cover the details that open; it comes back on the next move.
    setHover(null);
    selectArea(state.selected === code ? null : code);
  };

  const setLevel = (level: LevelId) => {
    const c = chooseLevel(level, state.indicator);
    if (c.message && state.mode === 'indicator') notify('info', c.message);
    viewStore.update({ level: c.level, indicator: c.indicator, selected: null });
  };
  const setIndicator = (id: string) => {
    const c = chooseIndicator(state.level, id);
    if (c.message) notify('info', c.message);
    viewStore.update({ level: c.level, indicator: c.indicator, dims: {}, classification: null, mode: 'indicator', selected: c.level === state.level ? state.selected : null });
  };
  const setFocus = (f: { level: FocusLevel; code: string } | null) => {
    viewStore.update({ focus: f });
    if (!f) return flyTo({ viewport: ENGLAND_VIEWPORT });
    // The focus applies at once; the map then flies to its bounds, or says why it cannot.
    data.queries.run(`SELECT minx, miny, maxx, maxy FROM areas WHERE level = ${sqlString(f.level)} AND code = ${sqlString(f.code)}`).then((t) => {
      const [x0, y0, x1, y1] = ['minx', 'miny', 'maxx', 'maxy'].map((c) => numberColumn(t, c)[0]);
      if (Number.isFinite(x0)) flyTo({ bbox: [x0, y0, x1, y1] });
    }, (e: unknown) => notify('warning', `The map could not zoom to ${f.code} (${e instanceof Error ? e.message : String(e)}); the focus still applies.`));
  };

  const detail = useAreaDetail(data, frame?.areas, state.selected, state.indicator, state.dims);
  const selectedIndex0 = frame && state.selected ? frame.areas.indexOf.get(state.selected) : undefined;
  const areaProfile = useAreaProfile(data, frame?.level ?? state.level, selectedIndex0 === undefined ? null : state.selected, selectedIndex0 === undefined || !frame ? '' : frame.areas.names[selectedIndex0], state.ethnicGroups);
  const userData = userDataEngine(data, shapes).store;
  const loaded = useSyncExternalStore(userData.subscribe, userData.get);
  const keptFiles = [...new Set([...loaded.datasets.map((d) => d.file), ...loaded.levels.map((l) => l.spec.file)])];
  const startAgain = () => {
    viewStore.replace(startAgainState(viewStore.get()));
    setHover(null);
    flyTo({ viewport: ENGLAND_VIEWPORT });
    notify('info', `Started again from the default view${keptFiles.length ? `; your ${keptFiles.length === 1 ? 'file is' : 'files are'} still loaded under "Your data"` : ''}.`);
  };
  const tip = pointHover
    ? { x: pointHover.x, y: pointHover.y, name: pointHover.hit.name, code: pointHover.hit.code, lines: pointHover.hit.lines, within: mapView ? { width: mapView.width, height: mapView.height } : undefined }
    : hover && frame && mode
    ? {
        x: hover.x, y: hover.y, name: frame.areas.names[hover.index], code: frame.areas.codes[hover.index], within: mapView ? { width: mapView.width, height: mapView.height } : undefined,
        lines: [...mode.tooltip(hover.index), ...features.flatMap((f) => f.tooltipLines?.(hover.index) ?? []), { label: 'Residents', value: formatCount(frame.areas.population[hover.index]) }],
      }
    : null;

  const tabs = [
    {
      id: 'map', label: 'Map',
      panel: <MapPanel state={state} update={viewStore.update} indicator={ind} onIndicator={setIndicator} onDims={(d) => viewStore.update({ dims: { ...state.dims, ...d }, mode: 'indicator' })}
        onPalette={(palette) => viewStore.update({ palette })} onClassification={(classification) => viewStore.update({ classification, mode: 'indicator' })} />,
    },
    ...features.flatMap((f) => (f.tab ? [f.tab] : [])),
  ];
  // The open tab is in the view state (a link reopens it); a link from before that opens the map mode's tab.
  const modeTab = modeFeature?.tab?.id ?? null;
  const tab = tabs.some((t) => t.id === state.tab) ? state.tab! : modeTab ?? 'map';

  const drawerItems: DrawerItem[] = [
    // Some modes build their table lazily (a getter): it is read only while the drawer shows it.
    ...(frame && mode ? [{
      id: 'table', label: 'Map as a table',
      content: () => (mode.table ? <AreaTable model={mode.table} onSelect={(code) => {
        selectArea(code);
        const i = frame.areas.indexOf.get(code)!;
        flyTo({ bbox: [...frame.areas.bbox.subarray(4 * i, 4 * i + 4)] as [number, number, number, number] });
      }} /> : <p className="hint" role="status">The table appears when this map has finished loading.</p>),
    }] : []),
    ...features.flatMap((f) => f.drawer ?? []),
  ];
  const drawerOpen = drawerItems.some((d) => d.id === state.drawer);
  const showTable = state.drawer === 'table';
  const [drawerHeight, setDrawerHeight] = useState(40);

  return (
    <div className={`app${drawerOpen ? ' app-with-drawer' : ''}`} style={{ '--drawer-h': `${drawerHeight}vh` } as CSSProperties}>
      <Sidebar
        state={state}
        focusOptions={focusOptions.value ?? []}
        onLevel={setLevel}
        onFocus={setFocus}
        search={areaSearch.search}
        onPickSearch={areaSearch.pick}
        tabs={tabs}
        tab={tab}
        onTab={(id) => viewStore.update({ tab: id })}
        keptFiles={keptFiles}
        onStartAgain={startAgain}
        basemapUrl={basemapUrl}
        onBasemapUrl={setBasemapUrl}
        manifest={data.manifest}
        shareUrl={() => viewStore.shareUrl()}
        notify={notify}
      />
      <main className="map-area" aria-label="Map">
        <ErrorBoundary label="The map" region="map">
          <AtlasMap
            layers={layers}
            initialViewport={state.viewport}
            flyTarget={flyTarget}
            styleUrl={basemapUrl}
            label={`Map by ${LEVELS[state.level].label}${state.focus ? ` in ${focusLabel}` : ''}`}
            onViewportChange={(viewport, view) => {
              setMapView(view);
              viewStore.update({ viewport });
            }}
            onHover={(p) => {
              const hit = p ? pointAt(p) : null;
              setPointHover((h) => (!hit || !p ? null : h && h.hit.id === hit.id && Math.abs(h.x - p.x) < 2 && Math.abs(h.y - p.y) < 2 ? h : { hit, x: p.x, y: p.y }));
              const i = p && !hit ? pick(p) : -1;
              setHover((h) => (i < 0 || !frame ? null : h && h.level === frame.level && h.index === i && Math.abs(h.x - p!.x) < 2 && Math.abs(h.y - p!.y) < 2 ? h : { index: i, x: p!.x, y: p!.y, level: frame.level }));
            }}
            onClick={onClick}
            onRendered={onRendered}
            onMapReady={(m) => { exposeAutomation(m); publishMap(m); }}
            onError={(m) => notify('error', `The map could not load part of its style (${m}). If you set an online basemap, check its address in Map settings or switch back to the offline basemap.`)}
          />
        </ErrorBoundary>
        <Tooltip model={tip} />
        <BusyStrip label={geoBusy ?? (!error ? dbBusy ?? mode?.busy ?? (!ready ? `Loading ${LEVELS[state.level].label}` : null) : null)} />
        <Notices notices={[...notices, ...(error ? [{ id: 'err', kind: 'error' as const, text: `${error.message} ${LOAD_ERROR_ADVICE}` }] : [])]} onDismiss={(id) => setNotices((n) => n.filter((x) => x.id !== id))} />
        <MapKey legend={mode?.legend ?? null} showTable={showTable} extra={features.map((f, k) => (f.mapKey ? <div key={k}>{f.mapKey}</div> : null))}
          onToggleTable={() => viewStore.update({ drawer: showTable ? null : 'table' })}
          banner={featureMode ? { label: featureMode.label, onExit: () => viewStore.update({ mode: 'indicator' }) } : null} />
      </main>
      {drawerOpen && (
        <Drawer items={drawerItems} active={state.drawer!} onActive={(id) => viewStore.update({ drawer: id })} onClose={() => viewStore.update({ drawer: null })}
          height={drawerHeight} onHeight={setDrawerHeight} />
      )}
      {frame && state.selected && frame.areas.indexOf.has(state.selected) && (
        <ErrorBoundary key={state.selected} label="The area details" region="detail" className="detail-panel">{() => (
          <DetailPanel
            model={detailModel(frame.areas, state.selected!, detail, state.indicator, parentNames.value ?? new Map<string, string>())}
            onClose={() => selectArea(null)}
            profile={areaProfile ? <ReachProfileTable model={reachTable(areaProfile)} caption="Who lives here (Census 2021), with lung cancer screening estimates" testId="detail-reach" /> : undefined}
            actions={
              <div className="button-row">
                {(['icb24', 'lad24', 'cal22'] as const).map((lv) => {
                  const i = frame.areas.indexOf.get(state.selected!)!;
                  const own = { icb24: frame.areas.icb[i], lad24: frame.areas.lad[i], cal22: frame.areas.cal22[i] }[lv];
                  const code = own ?? (frame.level === lv ? state.selected : null);
                  return code ? <button key={lv} type="button" onClick={() => setFocus({ level: lv, code })}>Focus on this {LEVELS[lv].noun}</button> : null;
                })}
                {features.map((f, k) => <span key={k}>{f.detailActions?.(state.selected!)}</span>)}
              </div>
            }
          />
        )}</ErrorBoundary>
      )}
    </div>
  );
}
