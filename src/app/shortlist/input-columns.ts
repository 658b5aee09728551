/**
 * The columns a composite index or an overlap rule adds to a shortlist export: for every input its
 * value (with unit, period and source), and its normalised score (composite) or whether its
 * condition is met (rule), so a reader can see and redo what the index or rule was built from.
 */
import { UNKNOWN } from '../../analysis/combine/rule-conditions';
import { periodDimension, type Indicator } from '../../data/catalogue/types';
import type { ExportColumn, ExportValue } from '../../export/types';
import { formatNumber } from '../../ui/format';
import type { AreaCriteria } from './criteria';

/** Period (or edition) of the values: the chosen period's label, else the indicator's own period. */
function measureVintage(ind: Indicator, dims: Record<string, string>): string {
  const p = periodDimension(ind);
  return p ? (p.values.find((v) => v.value === dims[p.key])?.label ?? dims[p.key]) : ind.period;
}

/** Unit, period and publisher of an indicator column. */
export function measureMeta(ind: Indicator, dims: Record<string, string>): Pick<ExportColumn, 'unit' | 'decimals' | 'vintage' | 'publisher' | 'dataset'> {
  return { unit: ind.unit, decimals: ind.decimals, vintage: measureVintage(ind, dims), publisher: ind.source.publisher, dataset: ind.source.dataset };
}

const num = (x: number) => (Number.isFinite(x) ? x : null);

export interface InputColumn {
  column: ExportColumn;
  indicator: Indicator;
  value(i: number): ExportValue;
}

/**
 * `labelOf` names a measure with its options (the shortlist's own column label), so an input reads
 * the same as when it is also listed as a column.
 */
export function inputColumns(criteria: AreaCriteria | null, labelOf: (id: string, dims: Record<string, string>) => string): { composite: InputColumn[]; rule: InputColumn[] } {
  const out: InputColumn[] = [];
  const rule: InputColumn[] = [];
  const composite = criteria?.composite;
  composite?.inputs.forEach((x, j) => {
    const k = j + 1;
    const name = labelOf(x.indicator.id, x.dims);
    const role = `Input ${k} of ${composite.inputs.length} of the composite risk index, weight ${formatNumber(100 * x.share, 0)} %; ${x.sign > 0 ? 'higher' : 'lower'} values count as more risk`;
    out.push({
      column: { id: `composite_input${k}`, label: `Composite input ${k}: ${name}`, ...measureMeta(x.indicator, x.dims), ciLevel: null, role, part: 'value', measure: name },
      indicator: x.indicator, value: (i) => ({ value: num(x.values[i]) }),
    });
    out.push({
      column: {
        id: `composite_input${k}_score`, label: `Composite input ${k} score: ${name}`, unit: '', decimals: composite.decimals, ciLevel: null,
        role: `Normalised score of input ${k} (${composite.scoreLabel}); the index is the weighted average of the scores`, part: 'score',
      },
      indicator: x.indicator, value: (i) => ({ value: num(x.scores[i]) }),
    });
  });
  criteria?.rule?.inputs.forEach((x, j) => {
    const k = j + 1;
    const name = labelOf(x.indicator.id, x.dims);
    rule.push({
      column: { id: `rule_condition${k}`, label: `Rule condition ${k} measure: ${name}`, ...measureMeta(x.indicator, x.dims), ciLevel: null, role: `The value judged by rule condition ${k}: ${x.label}`, part: 'value', measure: name },
      indicator: x.indicator, value: (i) => ({ value: num(x.values[i]) }),
    });
    rule.push({
      column: {
        id: `rule_condition${k}_met`, label: `Rule condition ${k} met (1 = yes, 0 = no): ${x.label}`, unit: '', decimals: 0, ciLevel: null,
        role: `Whether the area meets rule condition ${k}; empty where the measure has no value`, part: 'met',
      },
      indicator: x.indicator, value: (i) => ({ value: x.met[i] === UNKNOWN ? null : x.met[i] }),
    });
  });
  return { composite: out, rule };
}
