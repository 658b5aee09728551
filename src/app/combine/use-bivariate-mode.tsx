/** Two measures as a 3×3 bivariate map: classes per axis (risk-oriented), 2-D legend, table, tooltip. */
import { isNeutral, worseSign } from '../../data/catalogue/direction';
import { useMemo } from 'react';
import { assignClasses, CLASS_METHODS } from '../../analysis/classify/breaks';
import { bivariateClasses, type BivariateClasses } from '../../analysis/combine/bivariate-classes';
import { LEVELS } from '../../geo/levels';
import { parseCssColour } from '../../map/palettes';
import type { CombineClassification } from '../../state/combine-spec';
import type { TableModel } from '../../ui/AreaTable';
import { BivariateLegend, type BivariateLegendModel } from '../../ui/BivariateLegend';
import { formatNumber, formatWithUnit } from '../../ui/format';
import type { AtlasContext, TooltipLine } from '../atlas-context';
import type { LevelAreas } from '../../data/level-data';
import type { LoadedMeasure } from './combine-inputs';
import { useMeasures } from './combine-inputs';
import { BIVARIATE_SCHEME_INFO, paint } from './combine-colours';
import { fastCount, fastNumber } from './table-format';
import { useBreaksRegion, useClassBreaks, type BreaksRegion } from './use-class-breaks';
import { specHash, type CombineMode } from './use-composite-mode';
import { measureLabel } from './rules-text';
import { useLazy, useSettled } from './use-settled';

const BIVARIATE_MODE = 'bivariate';
const RISK = ['lower', 'middle', 'higher'];

interface Axis {
  m: LoadedMeasure;
  sign: 1 | -1;
  breaks: number[];
  /** Value range shown for each risk class (0 = lower risk). */
  ranges: string[];
}

function axis(m: LoadedMeasure, breaks: number[], mask: Uint8Array | null): Axis {
  const sign = worseSign(m.indicator);
  const v = m.values!.value;
  const raw = assignClasses(v, breaks);
  const lo = [Infinity, Infinity, Infinity];
  const hi = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < v.length; i++) {
    if (raw[i] < 0 || (mask && !mask[i])) continue;
    const c = sign === 1 ? raw[i] : breaks.length - raw[i];
    lo[c] = Math.min(lo[c], v[i]);
    hi[c] = Math.max(hi[c], v[i]);
  }
  const d = m.indicator.decimals;
  const ranges = lo.map((l, c) => (Number.isFinite(l) ? (l === hi[c] ? formatNumber(l, d) : `${formatNumber(l, d)}–${formatNumber(hi[c], d)}`) : 'none'));
  return { m, sign, breaks, ranges };
}

/**
 * Text colour for a legend cell: black or white, whichever contrasts more (WCAG relative luminance).
 * One of the two always reaches 4.58:1, so every cell's count passes AA.
 */
const ink = (hex: string) => {
  const lin = (c: number) => (c / 255 <= 0.03928 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
  const [r, g, b] = parseCssColour(hex);
  const l = 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  return (l + 0.05) / 0.05 >= 1.05 / (l + 0.05) ? '#000' : '#fff';
};

function direction(m: LoadedMeasure) {
  if (isNeutral(m.indicator)) return 'higher values (a context measure)';
  return m.indicator.group.startsWith('IMD') ? 'more deprived' : m.indicator.polarity === 'higher-worse' ? 'higher values' : 'lower values';
}

function legendModel(x: Axis, y: Axis, c: BivariateClasses, colours: string[], classification: string, notes: string[]): BivariateLegendModel {
  return {
    title: `${x.m.indicator.short} × ${y.m.indicator.short}`,
    x: { label: `${x.m.indicator.short} (higher risk = ${direction(x.m)})`, classes: x.ranges },
    y: { label: `${y.m.indicator.short} (higher risk = ${direction(y.m)})`, classes: y.ranges },
    cells: colours.map((colour, k) => ({
      colour, ink: ink(colour), count: c.counts[k],
      label: `${x.m.indicator.short} ${RISK[k % 3]}, ${y.m.indicator.short} ${RISK[Math.floor(k / 3)]}`,
    })),
    noData: c.missing,
    classification,
    notes,
  };
}

function bivariateTable(areas: LevelAreas, x: Axis, y: Axis, c: BivariateClasses, mask: Uint8Array | null): TableModel {
  const rows: TableModel['rows'] = [];
  const [xv, yv] = [x.m.values!.value, y.m.values!.value];
  for (let i = 0; i < areas.codes.length; i++) {
    if (mask && !mask[i]) continue;
    const cell = c.cells[i];
    rows.push({
      id: areas.codes[i],
      cells: [areas.names[i], areas.codes[i], fastNumber(xv[i], x.m.indicator.decimals), cell < 0 ? '–' : RISK[cell % 3],
        fastNumber(yv[i], y.m.indicator.decimals), cell < 0 ? '–' : RISK[Math.floor(cell / 3)], fastCount(areas.population[i])],
      sort: [NaN, NaN, xv[i], cell < 0 ? NaN : cell % 3, yv[i], cell < 0 ? NaN : Math.floor(cell / 3), areas.population[i]],
    });
  }
  return {
    caption: `${x.m.indicator.short} and ${y.m.indicator.short} by ${LEVELS[areas.level].label}`,
    columns: [
      { key: 'name', label: 'Area', numeric: false },
      { key: 'code', label: 'Code', numeric: false },
      { key: 'x', label: x.m.indicator.short, numeric: true },
      { key: 'xc', label: `${x.m.indicator.short}: risk class`, numeric: true },
      { key: 'y', label: y.m.indicator.short, numeric: true },
      { key: 'yc', label: `${y.m.indicator.short}: risk class`, numeric: true },
      { key: 'pop', label: 'Residents', numeric: true },
    ],
    rows,
  };
}

const methodWords = (cls: CombineClassification, region: BreaksRegion) =>
  `${cls.method === 'quantile' ? 'Terciles' : CLASS_METHODS.find((m) => m.id === cls.method)?.label ?? cls.method} from ${region.label}`;

export function useBivariateMode(ctx: AtlasContext, active: boolean): CombineMode | null {
  const { state, frame, mask } = ctx;
  const spec = state.combine.bivariate;
  const choices = useMemo(() => [spec.x, spec.y], [spec.x, spec.y]);
  const { measures, loading, error } = useMeasures(ctx, choices, active);
  const missing = measures?.find((m) => !m.values) ?? null;
  const [xm, ym] = measures && !missing ? measures : [null, null];
  const xRegion = useBreaksRegion(ctx, spec.x.classification.breaksFrom);
  const yRegion = useBreaksRegion(ctx, spec.y.classification.breaksFrom);
  const xb = useClassBreaks(xm?.values?.value ?? null, spec.x.classification, xRegion);
  const yb = useClassBreaks(ym?.values?.value ?? null, spec.y.classification, yRegion);
  const scheme = BIVARIATE_SCHEME_INFO[spec.scheme];
  const result = useMemo(() => {
    if (!xm || !ym || !xb.breaks || !yb.breaks) return null;
    const x = axis(xm, xb.breaks, mask);
    const y = axis(ym, yb.breaks, mask);
    const classes = bivariateClasses(xm.values!.value, ym.values!.value, xb.breaks, yb.breaks, x.sign, y.sign, mask);
    return { x, y, classes };
  }, [xm, ym, xb.breaks, yb.breaks, mask]);
  const colours = useMemo(() => {
    if (missing && frame) return paint(new Int8Array(frame.areas.codes.length).fill(-1), []);
    return result ? paint(result.classes.cells, scheme.colours.map(parseCssColour)) : null;
  }, [result, scheme, missing, frame]);
  const latest = useMemo(() => (frame && result ? { areas: frame.areas, ...result, mask } : null), [frame, result, mask]);
  const settled = useSettled(latest, 250);
  const table = useLazy(() => (settled ? bivariateTable(settled.areas, settled.x, settled.y, settled.classes, settled.mask) : null), [settled]);
  if (!active) return null;
  const ready = !!(frame && colours && (result || missing));
  const viewKey = `${state.level}|${BIVARIATE_MODE}|${specHash(spec)}`;
  const notes = [
    ...(missing ? [`Cannot draw: ${missing.unavailable}`] : []),
    ...(result ? [result.x, result.y].flatMap((a) => (a.m.values!.source.some((s) => s !== null) ? [`${a.m.indicator.short} is not small-area data here: areas show the value of the larger area they lie in.`] : [])) : []),
    `Colours: ${scheme.label}.`,
  ];
  const legend = result
    ? legendModel(result.x, result.y, result.classes, scheme.colours, `${spec.x.classification.method === spec.y.classification.method && xRegion.label === yRegion.label ? methodWords(spec.x.classification, xRegion) : `${methodWords(spec.x.classification, xRegion)} (columns); ${methodWords(spec.y.classification, yRegion)} (rows)`}.`, notes)
    : null;
  return {
    label: 'Bivariate map',
    viewKey,
    colourKey: `${viewKey}|${xb.breaks?.join(',')}|${yb.breaks?.join(',')}|${state.focus?.code ?? ''}|${missing ? 'none' : ''}`,
    ready,
    colours,
    legend: legend ? <BivariateLegend model={legend} /> : missing ? <p className="hint legend-note" role="status">{notes[0]}</p> : null,
    get table() {
      return table();
    },
    tooltip: (i): TooltipLine[] => (result ? [result.x, result.y].map((a, k) => {
      const cell = result.classes.cells[i];
      const v = a.m.values!.value[i];
      return { label: a.m.indicator.short, value: `${formatWithUnit(v, a.m.indicator.decimals, a.m.indicator.unit)}${cell < 0 ? '' : ` (${RISK[k === 0 ? cell % 3 : Math.floor(cell / 3)]} risk)`}` };
    }) : []),
    detail: (i) => (result ? <BivariateDetail x={result.x} y={result.y} cell={result.classes.cells[i]} index={i} colours={scheme.colours} /> : null),
    busy: loading ? `Loading both measures for ${LEVELS[state.level].label}` : xb.pending || yb.pending ? 'Computing natural breaks…' : null,
    error: error ?? xb.error ?? yb.error,
  };
}

function BivariateDetail({ x, y, cell, index, colours }: { x: Axis; y: Axis; cell: number; index: number; colours: string[] }) {
  return (
    <section className="combine-detail" aria-label="Bivariate map for this area" data-testid="bivariate-detail">
      <h3>
        {cell >= 0 && <span className="swatch" style={{ background: colours[cell] }} aria-hidden="true" />}
        Bivariate map: {cell < 0 ? 'no value for one or both measures' : `${x.m.indicator.short} ${RISK[cell % 3]}, ${y.m.indicator.short} ${RISK[Math.floor(cell / 3)]}`}
      </h3>
      <ul className="rule-detail-list">
        {[x, y].map((a, k) => {
          const v = a.m.values!.value[index];
          const cls = cell < 0 ? null : k === 0 ? cell % 3 : Math.floor(cell / 3);
          return (
            <li key={k}>
              {measureLabel(a.m.indicator, a.m.dims)}: <strong>{formatWithUnit(v, a.m.indicator.decimals, a.m.indicator.unit)}</strong>
              {cls !== null && ` (${RISK[cls]}-risk class: ${a.ranges[cls]} in view)`}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
