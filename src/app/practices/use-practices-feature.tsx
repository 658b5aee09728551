/**
 * The Practices feature (issue 12): a tab with the practice funnel plot, GP practices on the map (on
 * in that tab, elsewhere when "Show GP practices" is ticked) with their key, hover cards and click
 * selection, the practices as a table and the selected practice's and PCN's profiles in the drawer,
 * and a chosen PCN shown as its group of practices.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { practiceLayers } from '../../map/practice-layer';
import { practiceAt } from '../../map/practice-points';
import { formatCount, formatNumber } from '../../ui/format';
import { PracticeKey } from './PracticeKey';
import { PracticeProfileView } from './PracticeProfileView';
import { PracticeTable } from './PracticeTable';
import { addShortlistPractice, type ShortlistPractice } from '../../state/shortlist-practices';
import type { AtlasContext, FeatureOutput, PointHit } from '../atlas-context';
import { lazyPanel } from '../lazy-panel';
import { usePracticeMap } from './use-practice-map';
import { RegisteredMeasures } from '../registered/RegisteredMeasures';
import { registeredStoreOf } from '../registered/registered-store';
import { userPracticeMeasures } from '../../data/import/user-practice-measures';
import { userDataEngine } from '../your-data/use-your-data-feature';
import './practices.css';

// The panel, its funnel maths and its styles load when the tab is first opened.
const PracticesPanel = lazyPanel(() => import('./PracticesPanel').then((m) => m.PracticesPanel));

const PRACTICE_TABLE = 'practices';
const PRACTICE_PROFILE = 'practice';

export function usePracticesFeature(ctx: AtlasContext): FeatureOutput {
  const { state, update, flyTo } = ctx;
  const pv = state.practices;
  const m = usePracticeMap(ctx.data.queries, state);
  const rows = m.values.value;
  const byCode = useMemo(() => new Map((rows ?? []).map((r) => [r.code, r])), [rows]);
  const registeredStore = useMemo(() => registeredStoreOf(ctx.data.db), [ctx.data.db]);
  const registered = useSyncExternalStore(registeredStore.subscribe, registeredStore.get);
  const userStore = userDataEngine(ctx.data, ctx.shapes).store;
  const userData = useSyncExternalStore(userStore.subscribe, userStore.get);
  const userMeasures = useMemo(() => userPracticeMeasures(userData.datasets, userData.practiceTables), [userData.datasets, userData.practiceTables]);

  const selectPractice = (code: string, fly: boolean) => {
    update((s) => ({ practices: { ...s.practices, selected: code }, drawer: PRACTICE_PROFILE }));
    const r = byCode.get(code);
    if (fly && r?.lon != null && r.lat != null) flyTo({ viewport: { longitude: r.lon, latitude: r.lat, zoom: Math.max(state.viewport.zoom, 12) } });
  };
  const selectPcn = (code: string | null) => {
    update((s) => ({ practices: { ...s.practices, pcn: code }, drawer: PRACTICE_PROFILE }));
    const pts = code ? (rows ?? []).filter((r) => r.pcn === code && r.lon !== null && r.lat !== null) : [];
    if (pts.length) {
      const lons = pts.map((r) => r.lon!);
      const lats = pts.map((r) => r.lat!);
      flyTo({ bbox: [Math.min(...lons) - 0.01, Math.min(...lats) - 0.01, Math.max(...lons) + 0.01, Math.max(...lats) + 0.01] });
    }
  };

  const selectedPoint = pv.selected ? m.symbols?.all.get(pv.selected) ?? null : null;
  const overlays = useMemo(() => (m.shown && m.symbols ? practiceLayers({
    points: m.symbols.drawn, key: m.symbols.key, selected: selectedPoint,
    pcn: m.pcn ? { members: m.pcn.members, hull: m.pcn.hull, label: m.pcn.name } : null,
  }) : undefined), [m.shown, m.symbols, selectedPoint, m.pcn]);

  const pct = (v: number | null) => (v === null ? 'no value' : `${formatNumber(v, 2)} %`);
  const pointAt = (p: { x: number; y: number }): PointHit | null => {
    if (!m.shown || !m.symbols || !ctx.mapView) return null;
    const hit = practiceAt(m.symbols.drawn, ctx.mapView.project, p.x, p.y);
    const r = hit ? byCode.get(hit.code) : undefined;
    if (!r) return null;
    return {
      id: r.code, name: r.name, code: `${r.code} · GP practice`,
      lines: [
        { label: 'PCN', value: r.pcn ? `${r.pcnName ?? r.pcn} (${r.pcn})` : 'no PCN' },
        { label: m.measure.short, value: `${pct(r.value)}${r.lower !== null && r.upper !== null ? ` (95 % interval ${formatNumber(r.lower, 2)} to ${formatNumber(r.upper, 2)})` : ''}` },
        { label: 'List size', value: formatCount(m.lists.value?.get(r.code) ?? Number.NaN) },
        { label: 'Click', value: 'opens its profile' },
      ],
      select: () => selectPractice(r.code, false),
    };
  };

  const practice = pv.selected ? byCode.get(pv.selected) : undefined;
  // Practices and PCNs join the shortlist in a section of their own (they are not areas).
  const shortlistButton = (p: ShortlistPractice) => (state.shortlistPractices.some((o) => o.kind === p.kind && o.code === p.code)
    ? <span className="hint">(in the shortlist)</span>
    : <button type="button" data-testid={`profile-shortlist-${p.kind}`} onClick={() => update((s) => ({ shortlistPractices: addShortlistPractice(s.shortlistPractices, p) }))}>Add {p.kind === 'pcn' ? 'the PCN' : 'the practice'} to the shortlist</button>);
  const profile = (
    <div className="practice-profile" data-testid="practice-profile">
      {!pv.selected && !pv.pcn && <p className="hint">Click a practice on the map, in the table or in the funnel plot to see its profile.</p>}
      {m.practiceProfile.error && <p className="notice-inline" role="alert">The practice profile could not be computed: {m.practiceProfile.error.message}. Try another practice, or reload the page.</p>}
      {pv.selected && m.practiceProfile.loading && <p className="hint" role="status">Computing the practice profile…</p>}
      {pv.selected && m.practiceProfile.value === null && <p className="hint">No QOF 2022-23 practice has the code {pv.selected}.</p>}
      {m.practiceProfile.value && m.practiceProfile.value.code === pv.selected && (
        <PracticeProfileView heading={`${practice?.name ?? pv.selected} (${pv.selected})`} profile={m.practiceProfile.value} unitLabel="This practice" nameOf={ctx.nameOf} testId="practice-profile-practice">
          <p>
            {practice?.pcn ? <>PCN: {practice.pcnName ?? practice.pcn} ({practice.pcn}) <button type="button" onClick={() => selectPcn(practice.pcn)} data-testid="practice-show-pcn">Show its PCN on the map</button></> : 'Not in a PCN (unallocated in the QOF mapping).'}
            {' '}{shortlistButton({ kind: 'practice', code: pv.selected })}
            {' '}<button type="button" onClick={() => update((s) => ({ practices: { ...s.practices, selected: null } }))}>Clear practice</button>
          </p>
          {registered && <RegisteredMeasures d={registered.byPractice.get(pv.selected)} file={registered.report.file} unit="practice" testId="practice-profile-registered" />}
        </PracticeProfileView>
      )}
      {m.pcnProfile.value && m.pcnProfile.value.code === pv.pcn && m.pcn && (
        <PracticeProfileView heading={`${m.pcn.name} (${m.pcn.code}): a Primary Care Network of ${m.pcn.rows.length} practice${m.pcn.rows.length === 1 ? '' : 's'}`} profile={m.pcnProfile.value} unitLabel="This PCN" nameOf={ctx.nameOf} testId="practice-profile-pcn">
          <p>A PCN is a group of practices, not an area: on the map its practices are ringed in blue, and the dashed outline around them is approximate. Its figures add up its practices' registers and lists. Its Sub-ICB and ICB are those holding most of its patients.</p>
          <p>Practices: {m.pcn.rows.map((r, i) => <span key={r.code}>{i ? ', ' : ''}<button type="button" className="link-button" onClick={() => selectPractice(r.code, true)}>{r.name}</button></span>)}.{' '}
            {shortlistButton({ kind: 'pcn', code: m.pcn.code })} <button type="button" onClick={() => selectPcn(null)}>Clear PCN</button></p>
          {registered && <RegisteredMeasures d={registered.byPcn.get(m.pcn.code)} file={registered.report.file} unit="PCN" testId="pcn-profile-registered" />}
        </PracticeProfileView>
      )}
    </div>
  );

  const drawer = [
    ...(rows && m.lists.value ? [{
      id: PRACTICE_TABLE, label: 'GP practices table',
      content: () => <PracticeTable rows={rows} lists={m.lists.value!} measure={m.measure.short} selected={pv.selected} onSelect={(c) => selectPractice(c, true)} onPcn={selectPcn} />,
    }] : []),
    ...(pv.selected || pv.pcn ? [{ id: PRACTICE_PROFILE, label: 'Practice profile', content: profile }] : []),
  ];

  return {
    tab: {
      id: 'practices', label: 'Practices',
      panel: <PracticesPanel queries={ctx.data.queries} measure={pv.measure} userMeasures={userMeasures} selected={pv.selected} registered={registered}
        onMeasure={(measure) => update((s) => ({ practices: { ...s.practices, measure } }))} onPick={(code) => selectPractice(code, true)}
        find={{
          spec: pv.find, focus: state.focus, focusName: state.focus ? ctx.nameOf(state.focus.code) : null,
          onChange: (find) => update((s) => ({ practices: { ...s.practices, find } })),
          onShortlist: (items) => update((s) => ({ shortlistPractices: items.reduce(addShortlistPractice, s.shortlistPractices) })),
        }} />,
    },
    overlays,
    pointAt,
    drawer,
    mapKey: m.shown && m.symbols && rows ? <PracticeKey title={m.measure.short} symbols={m.symbols} total={rows.length} pcn={m.pcn ? `${m.pcn.name} (${m.pcn.code})` : null} onTable={() => update({ drawer: PRACTICE_TABLE })} /> : null,
  };
}
