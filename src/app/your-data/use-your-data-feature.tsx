/**
 * The "Your data" feature: users drop or choose their own files (CSV/TSV, Excel, Parquet, GeoJSON,
 * or a saved project file), each is read in a worker with progress and a cancel button, the mapping
 * dialog shows the join report and the user's choices, and "Add" makes the values catalogue
 * indicators (mapped like any built-in measure) or the boundaries a new level. Nothing is uploaded:
 * files are read in this browser, and the only requests are for the app's own reference tables.
 */
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { DEFAULT_INDICATOR, findIndicator, isAvailable } from '../../data/catalogue';
import type { ReadProgress } from '../../data/import/read-options';
import type { CheckedProject } from '../../data/import/read-project';
import { indicatorId, type DatasetSpec } from '../../data/import/user-dataset';
import { LEVELS, type LevelId, type UserLevelId } from '../../geo/levels';
import { normaliseState } from '../../state/normalise-state';
import type { FileQueueItem } from '../../ui/FileQueue';
import type { AtlasContext, FeatureOutput, PointHit } from '../atlas-context';
import { chooseIndicator, chooseLevel } from '../measure-choice';
import { VOCABULARY, viewStore } from '../view-store';
import { MappingDialog } from './MappingDialog';
import { downloadProjectFile } from './save-project';
import { UserDataEngine, type MappingChoice, type ReadFile } from './user-data-engine';
import { lazyPanel } from '../lazy-panel';
import type { PlacePoints } from '../../data/import/place-points';
import { deliveryPointsLayer } from '../../map/delivery-points-layer';
import { measurePlacesInWorker } from '../../workers/places-client';
import { placeAt } from '../../map/place-at';
import { PlacesKey } from '../places/PlacesKey';
import { PlacesList } from '../places/PlacesList';
import { placesStoreOf } from '../places/places-store';
import { PlacesTable } from '../places/PlacesTable';
import type { RegisteredFile } from '../../data/import/registered-file';
import { RegisteredReportView } from '../registered/RegisteredReportView';
import { registeredStoreOf } from '../registered/registered-store';

const YourDataPanel = lazyPanel(() => import('./YourDataPanel').then((m) => m.YourDataPanel));

const YOUR_DATA_TAB = 'your-data';
const PLACES_DRAWER = 'places';

/**
 * One engine per loaded atlas, kept outside React: if the atlas view is ever re-mounted (an error
 * boundary's "try again"), the data the user loaded is still there and still registered.
 */
const engines = new WeakMap<AtlasContext['data'], UserDataEngine>();
export function userDataEngine(data: AtlasContext['data'], shapes: AtlasContext['shapes']): UserDataEngine {
  let e = engines.get(data);
  if (!e) engines.set(data, (e = new UserDataEngine(data, shapes, false)));
  return e;
}

type Busy = { key: string; name: string; job: number | null; label: string; fraction: number | null };
type Failed = { key: string; name: string; message: string };

let nextKey = 1;
const percent = (p: ReadProgress) => (p.total > 0 ? Math.min(1, p.done / p.total) : null);

function progressLabel(p: ReadProgress): string {
  const rows = p.rows ? `, ${p.rows.toLocaleString('en-GB')} rows` : '';
  if (p.phase === 'checking') return `Checking codes${rows}`;
  const f = percent(p);
  return `Reading${f === null ? '' : ` ${Math.round(f * 100)} %`}${rows}`;
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function useYourDataFeature(ctx: AtlasContext): FeatureOutput {
  const engine = useMemo(() => userDataEngine(ctx.data, ctx.shapes), [ctx.data, ctx.shapes]);
  // Subscribing here re-renders the atlas when datasets or levels come and go (the catalogue changed).
  const snap = useSyncExternalStore(engine.store.subscribe, engine.store.get);
  const placesStore = useMemo(() => placesStoreOf(engine), [engine]);
  const placeSets = useSyncExternalStore(placesStore.subscribe, placesStore.get);
  const registeredStore = useMemo(() => registeredStoreOf(ctx.data.db), [ctx.data.db]);
  const registered = useSyncExternalStore(registeredStore.subscribe, registeredStore.get);
  const zoomStep = ctx.state.viewport.zoom < 7 ? 0 : ctx.state.viewport.zoom < 10 ? 1 : 2;
  const drawZoom = [6, 8, 11][zoomStep];
  const shownSets = useMemo(() => placeSets.filter((p) => p.visible), [placeSets]);
  const overlays = useMemo(() => shownSets.flatMap((p) => deliveryPointsLayer(`places-${p.datasetId}`, p.places, drawZoom)), [shownSets, drawZoom]);
  // The hover card of a drawn place: its name, type, file and row (or GeoJSON feature) (all from the user's file, shown as text).
  const pointAt = (p: { x: number; y: number }): PointHit | null => {
    if (!shownSets.length || !ctx.mapView) return null;
    const hit = placeAt(shownSets.map((s) => s.places), ctx.mapView.project, p.x, p.y, drawZoom);
    if (!hit) return null;
    const { places, datasetId } = shownSets[hit.set];
    return {
      id: `place-${datasetId}-${hit.index}`, name: places.names[hit.index] || `Place on ${places.rowNoun} ${places.rows[hit.index]}`, code: 'Your place',
      lines: [
        { label: 'Type', value: places.types[hit.index] || 'not given' },
        { label: 'File', value: `${places.file}, ${places.rowNoun} ${places.rows[hit.index]}` },
      ],
      select: () => ctx.update({ drawer: PLACES_DRAWER }),
    };
  };
  const [busy, setBusy] = useState<Busy[]>([]);
  const [failed, setFailed] = useState<Failed[]>([]);
  const [waiting, setWaiting] = useState<ReadFile[]>([]);
  const [open, setOpen] = useState<number | null>(null);
  const [adding, setAdding] = useState(false);
  // The code lists are fetched (from this site) when the tab first opens, not when a file is read.
  const [refs, setRefs] = useState<'idle' | 'loading' | 'ready' | 'error'>('idle');
  const prepare = useCallback(() => {
    setRefs((r) => {
      if (r !== 'idle') return r;
      engine.client.prepare().then(() => setRefs('ready'), () => setRefs('error'));
      return 'loading';
    });
  }, [engine]);
  const ctxRef = useRef(ctx);
  ctxRef.current = ctx;

  const fail = useCallback((name: string, message: string) => setFailed((f) => [...f, { key: `f${nextKey++}`, name, message }]), []);
  const setProgress = (key: string, patch: Partial<Busy>) => setBusy((b) => b.map((x) => (x.key === key ? { ...x, ...patch } : x)));

  /** Before user data goes away: move the view off it, so nothing on screen refers to it. */
  const leave = useCallback((indicators: Set<string>, levels: Set<LevelId>) => {
    const s = viewStore.get();
    const patch: Partial<typeof s> = {};
    if (levels.has(s.level)) patch.level = 'lad24';
    const lvl = patch.level ?? s.level;
    const native = findIndicator(s.indicator)?.nativeLevel;
    if (indicators.has(s.indicator) || (native && levels.has(native))) {
      patch.indicator = DEFAULT_INDICATOR;
      patch.dims = {};
      patch.classification = null;
    }
    const ind = findIndicator(patch.indicator ?? s.indicator);
    if (ind && !isAvailable(ind, lvl)) patch.indicator = chooseLevel(lvl, ind.id).indicator;
    if (Object.keys(patch).length) viewStore.update({ ...patch, selected: null });
  }, []);

  const openProject = useCallback(async (name: string, project: CheckedProject) => {
    const key = `b${nextKey++}`;
    setBusy((b) => [...b, { key, name, job: null, label: 'Opening project file', fraction: null }]);
    try {
      const { datasets, levels } = engine.store.get();
      const { view, registered: reg } = await engine.openProject(project, name, () => leave(
        new Set(datasets.flatMap((d) => d.values.map((v) => indicatorId(d, v)))),
        new Set(levels.map((l) => l.spec.id)),
      ));
      // the project's places replace those loaded before, like its datasets
      placesStore.replace(project.places.map((p) => ({ datasetId: p.datasetId, places: p.places, visible: true })));
      if (reg) registeredStore.set(reg);
      const r = normaliseState(view, VOCABULARY);
      viewStore.replace(r.state);
      ctxRef.current.flyTo({ viewport: r.state.viewport });
      const after = engine.store.get();
      const extras = [
        project.places.length ? `the places of ${project.places.length} file${project.places.length === 1 ? '' : 's'}` : '',
        reg ? `registered patients (${reg.report.file})` : '',
      ].filter(Boolean);
      ctxRef.current.notify('info', `Opened ${name}: ${after.datasets.length} dataset${after.datasets.length === 1 ? '' : 's'} and ${after.levels.length} set${after.levels.length === 1 ? '' : 's'} of boundaries${extras.length ? `, with ${extras.join(' and ')}` : ''}${datasets.length + levels.length ? ' (they replace what was loaded before)' : ''}.`);
    } catch (e) {
      fail(name, errorText(e));
    } finally {
      setBusy((b) => b.filter((x) => x.key !== key));
    }
  }, [engine, fail, leave, placesStore, registeredStore]);

  /** A file of places: its LSOA measures are computed in the places worker, then it is drawn and listed. */
  const addPlaces = useCallback(async (places: PlacePoints) => {
    const key = `b${nextKey++}`;
    setBusy((b) => [...b, { key, name: places.file, job: null, label: 'Counting places per area', fraction: null }]);
    try {
      const lsoas = await ctxRef.current.shapes.load('lsoa21');
      const { dataset, outside } = await engine.addPlaces(places, lsoas.polygons, measurePlacesInWorker);
      placesStore.add({ datasetId: dataset.id, places, visible: true });
      const s = viewStore.get();
      const c = chooseIndicator(s.level, indicatorId(dataset, dataset.values[0]));
      viewStore.update({ level: c.level, indicator: c.indicator, dims: {}, classification: null, mode: 'indicator', selected: null });
      const warnings = places.issues.map((i) => i.message);
      const n = places.lon.length;
      ctxRef.current.notify(warnings.length ? 'warning' : 'info', `${places.file}: ${n.toLocaleString('en-GB')} place${n === 1 ? '' : 's'} added to the map, with two measures under "Your data" (places in the area, km to the nearest)${outside ? `; ${outside} lie outside every English LSOA` : ''}.${warnings.length ? ` ${warnings.join(' ')}` : ''}`);
    } catch (e) {
      fail(places.file, errorText(e));
    } finally {
      setBusy((b) => b.filter((x) => x.key !== key));
    }
  }, [engine, fail, placesStore]);

  /** The registered-patient file: loaded as the practice-to-LSOA table, replacing an earlier one. */
  const addRegistered = useCallback(async (f: RegisteredFile) => {
    const key = `b${nextKey++}`;
    setBusy((b) => [...b, { key, name: f.file, job: null, label: 'Loading registered patients by LSOA', fraction: null }]);
    try {
      const state = await engine.addRegistered(f);
      registeredStore.set(state);
      const r = state.report;
      ctxRef.current.notify(r.closed.length || r.unknownLsoas.length ? 'warning' : 'info', `${f.file}: registered patients of ${r.practices.toLocaleString('en-GB')} practices by LSOA loaded; the Practices tab now shows their deprivation weighted by where their patients live, and QOF registers shared out to where patients live are measures under "Your data". Its join report is under "Your data".`);
    } catch (e) {
      fail(f.file, errorText(e));
    } finally {
      setBusy((b) => b.filter((x) => x.key !== key));
    }
  }, [engine, fail, registeredStore]);

  const readOne = useCallback(async (file: File) => {
    const key = `b${nextKey++}`;
    const job = engine.client.read(file, file.name, {}, (p) => setProgress(key, { label: progressLabel(p), fraction: percent(p) }));
    setBusy((b) => [...b, { key, name: file.name, job: job.id, label: 'Starting', fraction: 0 }]);
    let project: CheckedProject | null = null;
    let places: PlacePoints | null = null;
    let registeredFile: RegisteredFile | null = null;
    try {
      const r = await job.done;
      if (r.kind === 'project') project = r.project;
      else if (r.kind === 'places') places = r.places;
      else if (r.kind === 'registered') registeredFile = r.registered;
      else {
        const rf: ReadFile = { job: job.id, name: file.name, sheet: null, summary: r.table, report: r.report };
        setWaiting((w) => [...w, rf]);
        setOpen((o) => o ?? job.id);
      }
    } catch (e) {
      fail(file.name, errorText(e));
    } finally {
      setBusy((b) => b.filter((x) => x.key !== key));
    }
    if (project) await openProject(file.name, project);
    if (places) await addPlaces(places);
    if (registeredFile) await addRegistered(registeredFile);
  }, [engine, fail, openProject, addPlaces, addRegistered]);

  const onFiles = useCallback((files: File[]) => {
    for (const f of files) void readOne(f).catch((e) => fail(f.name, errorText(e)));
  }, [readOne, fail]);

  const discard = useCallback((job: number) => {
    engine.client.release(job);
    setWaiting((w) => {
      const rest = w.filter((x) => x.job !== job);
      setOpen((o) => (o === job ? rest[0]?.job ?? null : o));
      return rest;
    });
  }, [engine]);

  const add = useCallback(async (file: ReadFile, choice: MappingChoice) => {
    setAdding(true);
    try {
      const s = viewStore.get();
      if (choice.mode === 'boundaries') {
        const { level, dataset } = await engine.addBoundaries(file, choice);
        const first = dataset ? indicatorId(dataset, dataset.values[0]) : null;
        const c = first ? { level, indicator: first, message: null } : chooseLevel(level, s.indicator);
        viewStore.update({ level: c.level, indicator: c.indicator, dims: {}, classification: null, mode: 'indicator', selected: null });
        ctxRef.current.notify('info', `${LEVELS[level].label}: ${file.name} added as a new set of areas. Choose it under "Areas"; hotspot statistics use its neighbours, computed in this browser.`);
      } else {
        const d = await engine.addDataset(file, choice);
        const c = chooseIndicator(s.level, indicatorId(d, d.values[0]));
        viewStore.update({ level: c.level, indicator: c.indicator, dims: {}, classification: null, mode: 'indicator', selected: null });
        ctxRef.current.notify('info', `${file.name}: ${d.values.length} measure${d.values.length === 1 ? '' : 's'} added under "Your data" (${d.areas.toLocaleString('en-GB')} areas).`);
      }
      discard(file.job);
    } catch (e) {
      fail(file.name, errorText(e));
    } finally {
      setAdding(false);
    }
  }, [engine, discard, fail]);

  const removeDataset = useCallback(async (d: DatasetSpec) => {
    leave(new Set(d.values.map((v) => indicatorId(d, v))), new Set());
    await engine.removeDataset(d.id).then(() => placesStore.remove(d.id), (e) => ctxRef.current.notify('error', errorText(e)));
  }, [engine, leave, placesStore]);

  const removeLevel = useCallback(async (id: UserLevelId) => {
    const owned = engine.store.get().datasets.filter((d) => d.nativeLevel === id);
    leave(new Set(owned.flatMap((d) => d.values.map((v) => indicatorId(d, v)))), new Set([id]));
    await engine.removeLevel(id).catch((e) => ctxRef.current.notify('error', errorText(e)));
  }, [engine, leave]);

  const saveProject = useCallback(async () => {
    try {
      await downloadProjectFile(engine);
    } catch (e) {
      ctxRef.current.notify('error', `The project file could not be saved (${errorText(e)}).`);
    }
  }, [engine]);

  // Tables left in the worker when the atlas closes are freed with it.
  useEffect(() => () => engine.client.dispose(), [engine]);

  const current = waiting.find((w) => w.job === open) ?? null;
  const queue: FileQueueItem[] = [
    ...busy.map((b): FileQueueItem => ({
      key: b.key, name: b.name, state: 'busy', label: b.label, fraction: b.fraction,
      onCancel: b.job === null ? undefined : () => engine.client.cancel(b.job!),
    })),
    ...waiting.filter((w) => w.job !== open).map((w): FileQueueItem => ({
      key: `w${w.job}`, name: w.name, state: 'waiting', label: 'Read; waiting to be mapped',
      actions: [{ label: 'Review', onClick: () => setOpen(w.job) }, { label: 'Discard', onClick: () => discard(w.job) }],
    })),
    ...failed.map((f): FileQueueItem => ({ key: f.key, name: f.name, state: 'error', message: f.message, onDismiss: () => setFailed((x) => x.filter((y) => y.key !== f.key)) })),
  ];

  const panel = (
    <>
      <YourDataPanel ctx={ctx} snapshot={snap} queue={queue} onFiles={onFiles} references={refs} onMount={prepare}
        onRemoveDataset={(d) => void removeDataset(d)} onRemoveLevel={(id) => void removeLevel(id)} onSaveProject={() => void saveProject()}
        onShowLevel={(l) => {
          const c = chooseLevel(l, viewStore.get().indicator);
          viewStore.update({ level: c.level, indicator: c.indicator, mode: 'indicator', selected: null });
        }}
        places={<>
          <PlacesList sets={placeSets} onToggle={(id, v) => placesStore.toggle(id, v)} onShowTable={() => ctx.update({ drawer: PLACES_DRAWER })} />
          {registered && <RegisteredReportView report={registered.report} />}
        </>}
        onShowIndicator={(id) => {
          const c = chooseIndicator(viewStore.get().level, id);
          viewStore.update({ level: c.level, indicator: id, dims: {}, classification: null, mode: 'indicator', selected: null });
        }} />
      {current && (
        <MappingDialog key={current.job} file={current} client={engine.client} busy={adding}
          onChange={(f) => setWaiting((w) => w.map((x) => (x.job === f.job ? f : x)))}
          onAdd={(choice) => void add(current, choice)}
          onClose={() => setOpen(null)}
          onDiscard={() => discard(current.job)} />
      )}
    </>
  );
  const drawer = placeSets.length ? [{ id: PLACES_DRAWER, label: 'Places', content: () => <PlacesTable sets={placeSets} /> }] : [];
  const mapKey = shownSets.length ? <PlacesKey sets={shownSets} onTable={() => ctx.update({ drawer: PLACES_DRAWER })} /> : null;
  return { tab: { id: YOUR_DATA_TAB, label: 'Your data', panel }, overlays, drawer, pointAt, mapKey };
}
