/**
 * The mapping dialog for one file read by the worker: confirm or change the column of area codes,
 * pick the value columns with their label, unit and direction (a value can be a rate: a numerator
 * over a denominator column), say how values without a denominator are weighted and how repeated
 * rows combine (or which column splits them), and read the join report before adding. A GeoJSON
 * file can instead be added as new boundaries (a level of its own). Column names and cells are the
 * user's text: shown as React text only, and used as values, never as markup or identifiers.
 */
import { useId, useState } from 'react';
import { DEFAULT_POLARITY, defaultRatio, defaultWeight, numericColumns, weightColumnOf } from '../../data/import/mapping-defaults';
import { COMBINE_LABELS, type Combine, type WeightSpec } from '../../data/import/user-dataset';
import { GEOGRAPHY_NOUN } from '../../data/import/classify-code';
import { Dialog } from '../../ui/Dialog';
import { Select } from '../../ui/Select';
import type { ImportClient } from '../../workers/import-client';
import { JoinReportView } from './JoinReportView';
import { TextField } from './TextField';
import { joinOptions, type MappingChoice, type ReadFile, type ValueChoice } from './user-data-engine';
import { ValueFields } from './ValueFields';
import { WeightField } from './WeightField';

type Row = ValueChoice & { on: boolean };

const PREVIEW = 5;

function valueRows(file: ReadFile, key: string | null, old: Row[] = []): Row[] {
  return file.report.columns
    .filter((p) => p.type === 'numeric' && p.column !== key)
    .map((p) => old.find((r) => r.column === p.column) ?? {
      column: p.column, label: p.column, unit: (p.valueKind ?? 'number'), unitText: '', polarity: DEFAULT_POLARITY, on: true,
    });
}

/** A row with a new unit: a numerator gets a denominator (and drops it again when it is no longer one). */
function withUnit(file: ReadFile, r: Row, unit: Row['unit']): Row {
  if (unit !== 'ratio') return { ...r, unit, ratio: undefined };
  const ratio = r.ratio ?? defaultRatio(file.report, r.column);
  return ratio ? { ...r, unit, ratio } : r;
}

const stem = (name: string) => name.replace(/\.[^.]*$/, '');

export interface MappingDialogProps {
  file: ReadFile;
  client: ImportClient;
  busy: boolean;
  onChange(f: ReadFile): void;
  onAdd(choice: MappingChoice): void;
  onClose(): void;
  onDiscard(): void;
}

export function MappingDialog({ file, client, busy, onChange, onAdd, onClose, onDiscard }: MappingDialogProps) {
  const uid = useId();
  const { summary, report } = file;
  const canBoundaries = summary.hasGeometry;
  const [mode, setMode] = useState<MappingChoice['mode']>(canBoundaries && !report.key ? 'boundaries' : 'join');
  const [keyColumn, setKeyColumn] = useState<string | null>(report.key?.column ?? null);
  const [rows, setRows] = useState<Row[]>(() => valueRows(file, report.key?.column ?? null));
  const [combine, setCombine] = useState<Combine>('auto');
  const [split, setSplit] = useState<string | null>(null);
  const [boundary, setBoundary] = useState<MappingChoice['boundary']>(() => ({
    codeColumn: summary.columns.find((c) => /code|_cd$|\bid$/i.test(c)) ?? null,
    nameColumn: summary.columns.find((c) => /name|_nm$/i.test(c)) ?? null,
    label: stem(file.name), noun: 'area',
  }));
  const [weight, setWeight] = useState<WeightSpec>(() => defaultWeight(report));
  const [checking, setChecking] = useState<string | null>(null);

  const rejoin = async (key: string | null, next: Row[], w: WeightSpec) => {
    setChecking('Checking the join again…');
    try {
      const r = await client.rejoin(file.job, joinOptions(key ?? undefined, { values: next.filter((v) => v.on), weight: w }));
      onChange({ ...file, report: r });
      setChecking(null);
    } catch (e) {
      setChecking(e instanceof Error ? e.message : String(e));
    }
  };
  const changeKey = (k: string) => {
    const key = k || null;
    setKeyColumn(key);
    const next = valueRows(file, key, rows);
    setRows(next);
    void rejoin(key, next, weight);
  };
  const changeRow = (column: string, patch: Partial<Row>) => {
    const next = rows.map((r) => (r.column !== column ? r : patch.unit ? withUnit(file, { ...r, ...patch }, patch.unit) : { ...r, ...patch }));
    setRows(next);
    // units, rates and the values chosen change what the report checks
    if (patch.unit || patch.ratio || patch.on !== undefined) void rejoin(keyColumn, next, weight);
  };
  const changeWeight = (w: WeightSpec) => {
    setWeight(w);
    void rejoin(keyColumn, rows, w);
  };

  const chosen = rows.filter((r) => r.on);
  const joinable = !!report.key && (report.key.geography === 'practice' || !!report.key.target?.atlasLevel);
  const dupes = report.counts.duplicateCodes > 0;
  const splitOptions = Object.keys(summary.smallDistinct).filter((c) => c !== keyColumn && !chosen.some((r) => r.column === c));
  const blockedWhy = mode === 'boundaries' ? null
    : !report.key ? 'Choose the column of area codes.'
    : report.status === 'blocked' ? 'The join report lists a problem that stops this file being added.'
    : !joinable ? 'These codes cannot be placed on the map.'
    : !chosen.length ? 'Choose at least one column of values.' : null;

  const averaged = chosen.some((r) => r.unit !== 'count' && r.unit !== 'ratio');
  const numeric = numericColumns(report);
  const practices = report.key?.geography === 'practice';
  // another key column can make the weight unfit (residents for practices, list sizes for areas)
  const fit = (practices && weight.kind === 'residents') || (!practices && weight.kind === 'list-size') ? defaultWeight(report) : weight;

  const choice = (): MappingChoice => ({
    mode, keyColumn, combine, split, weight: fit,
    values: (mode === 'boundaries' ? chosen.filter((r) => r.column !== boundary.codeColumn) : chosen).map(({ on: _on, ...v }) => v),
    boundary,
  });

  return (
    <Dialog title={`Add ${file.name}`} open onClose={onClose} testId="yd-mapping">
      <p className="hint">
        {summary.rowCount.toLocaleString('en-GB')} {summary.rowNoun === 'feature' ? 'features' : 'rows'}, {summary.columns.length} columns, read in this browser.
        {summary.readNotes.length > 0 && ` ${summary.readNotes.join(' ')}`}
      </p>
      <div className="yd-preview" role="region" aria-label={`First rows of ${file.name}`} tabIndex={0}>
        <table>
          <thead><tr><th scope="col">Row</th>{summary.columns.map((c, j) => <th key={j} scope="col" data-testid="yd-preview-header">{c}</th>)}</tr></thead>
          <tbody>
            {summary.preview.slice(0, PREVIEW).map((r, i) => (
              <tr key={i}><td>{summary.previewRowNumbers[i]}</td>{r.map((v, j) => <td key={j}>{v}</td>)}</tr>
            ))}
          </tbody>
        </table>
      </div>

      {canBoundaries && (
        <fieldset className="yd-fieldset">
          <legend>Use this file as</legend>
          <label><input type="radio" name={`${uid}-mode`} checked={mode === 'boundaries'} onChange={() => setMode('boundaries')} data-testid="yd-mode-boundaries" /> New boundaries (a set of areas of its own, e.g. PCN areas)</label>
          <label><input type="radio" name={`${uid}-mode`} checked={mode === 'join'} onChange={() => setMode('join')} disabled={!report.key} /> Values joined to the atlas's areas by code</label>
        </fieldset>
      )}

      {mode === 'boundaries' ? (
        <fieldset className="yd-fieldset">
          <legend>Boundaries</legend>
          <Select label="Property holding each area's code" value={boundary.codeColumn ?? ''} testId="yd-boundary-code"
            options={[{ value: '', label: '(none: number the areas)' }, ...summary.columns.map((c) => ({ value: c, label: c }))]}
            onChange={(v) => setBoundary((b) => ({ ...b, codeColumn: v || null }))} />
          <Select label="Property holding each area's name" value={boundary.nameColumn ?? ''} testId="yd-boundary-name"
            options={[{ value: '', label: '(none: use the code)' }, ...summary.columns.map((c) => ({ value: c, label: c }))]}
            onChange={(v) => setBoundary((b) => ({ ...b, nameColumn: v || null }))} />
          <TextField label="Name of this set of areas" value={boundary.label} onChange={(label) => setBoundary((b) => ({ ...b, label }))} testId="yd-boundary-label" />
          <TextField label="One area is a…" value={boundary.noun} onChange={(noun) => setBoundary((b) => ({ ...b, noun }))} hint="Used in sentences, e.g. “PCN area”." />
        </fieldset>
      ) : (
        <Select label="Column of area codes" value={keyColumn ?? ''} testId="yd-key-column"
          options={[
            ...(keyColumn ? [] : [{ value: '', label: '(choose a column)' }]),
            ...summary.columns.map((c) => {
              const cand = report.candidates.find((x) => x.column === c);
              return { value: c, label: cand ? `${c} (${Math.round(cand.share * 100)} % ${cand.geography ? `${GEOGRAPHY_NOUN[cand.geography]} ` : ''}codes)` : c };
            }),
          ]}
          onChange={changeKey} hint={report.key?.chosenBy === 'detected' ? 'Detected from the codes; change it if it is wrong.' : undefined} />
      )}

      <fieldset className="yd-fieldset">
        <legend>{mode === 'boundaries' ? 'Values to map (optional)' : 'Values to map'}</legend>
        {!rows.length && <p className="hint">No column holds numbers.</p>}
        {rows.map((r, k) => (
          <div key={r.column} className="yd-value" data-testid="yd-value">
            <label className="yd-value-pick">
              <input type="checkbox" checked={r.on} onChange={(e) => changeRow(r.column, { on: e.target.checked })} data-testid="yd-value-on" />
              {' '}<span className="yd-column-name">{r.column}</span>
            </label>
            {r.on && (
              <ValueFields value={r} k={k} denominators={numeric.filter((c) => c !== r.column)} onChange={(patch) => changeRow(r.column, patch)} />
            )}
          </div>
        ))}
      </fieldset>

      {mode === 'join' && averaged && (
        <WeightField weight={fit} practices={practices} columns={numeric} detected={weightColumnOf(report)} onChange={changeWeight} />
      )}

      {mode === 'join' && (dupes || splitOptions.length > 0) && (
        <fieldset className="yd-fieldset">
          <legend>Rows with the same area</legend>
          {splitOptions.length > 0 && (
            <Select label="Split rows by (becomes a choice in the Map tab)" value={split ?? ''} testId="yd-split"
              options={[{ value: '', label: '(no split)' }, ...splitOptions.map((c) => ({ value: c, label: c }))]} onChange={(v) => setSplit(v || null)} />
          )}
          <Select label="Combine repeated rows" value={combine} testId="yd-combine"
            options={(Object.keys(COMBINE_LABELS) as Combine[]).map((c) => ({ value: c, label: COMBINE_LABELS[c] }))} onChange={(v) => setCombine(v as Combine)} />
        </fieldset>
      )}

      {checking && <p role="status" className="hint">{checking}</p>}
      {mode === 'join' && <JoinReportView report={report} />}

      <div className="button-row yd-actions">
        <button type="button" className="primary" disabled={busy || !!blockedWhy || !!checking} onClick={() => onAdd(choice())} data-testid="yd-add"
          aria-describedby={blockedWhy ? `${uid}-why` : undefined}>
          {busy ? 'Adding…' : mode === 'boundaries' ? 'Add boundaries' : 'Add to the atlas'}
        </button>
        <button type="button" onClick={onDiscard} disabled={busy}>Discard file</button>
      </div>
      {blockedWhy && <p id={`${uid}-why`} className="hint">{blockedWhy}</p>}
    </Dialog>
  );
}
