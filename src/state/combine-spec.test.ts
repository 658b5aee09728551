import { describe, expect, it } from 'vitest';
import { DEFAULT_COMBINE, normaliseCombine } from './combine-spec';

const known = new Set(['imd2025.imd.score', 'imd2025.imd.decile', 'imd2025.imd.share20', 'imd2019.imd.share20', 'smoking.aps.current', 'cancer.incidence.dsr', 'cancer.qof.prevalence']);
const isIndicator = (id: string) => known.has(id);

function read(x: unknown) {
  const warnings: string[] = [];
  return { spec: normaliseCombine(x, isIndicator, (w) => warnings.push(w)), warnings };
}

describe('normaliseCombine', () => {
  it('round-trips the defaults and a full valid spec unchanged', () => {
    expect(read(structuredClone(DEFAULT_COMBINE))).toEqual({ spec: DEFAULT_COMBINE, warnings: [] });
    const spec = structuredClone(DEFAULT_COMBINE);
    spec.composite.inputs[1] = { indicator: 'imd2025.imd.decile', dims: { period: '2019' }, direction: 'lower', weight: 2.5 };
    spec.composite.classification = { method: 'custom', classes: 4, custom: [10, 20, 30], breaksFrom: { level: 'icb24', code: 'E54000050' } };
    spec.rules = { conditions: [{ indicator: 'cancer.incidence.dsr', dims: {}, test: { kind: 'at-least', value: 600 } }], inFocus: true };
    spec.bivariate.scheme = 'purple-gold';
    expect(read(JSON.parse(JSON.stringify(spec)))).toEqual({ spec, warnings: [] });
  });

  it('keeps the valid parts and warns about each kind of dropped part', () => {
    const { spec, warnings } = read({
      composite: {
        inputs: [{ indicator: 'nope', weight: 1 }, { indicator: 'smoking.aps.current', weight: 99, direction: 'sideways' }],
        normalisation: 'zscore', classification: { method: 'magic' },
      },
      rules: { conditions: [{ indicator: 'imd2025.imd.decile', test: { kind: 'worst-deciles', deciles: 1.4 } }, { indicator: 'imd2025.imd.decile', test: { kind: 'eval' } }] },
      bivariate: { x: { indicator: 'cancer.incidence.dsr', classification: { method: 'equal', classes: 7, breaksFrom: null } }, scheme: '<script>' },
    });
    expect(spec!.composite.inputs).toEqual([{ indicator: 'smoking.aps.current', dims: {}, direction: 'higher', weight: 1 }]);
    expect(spec!.composite.normalisation).toBe('zscore');
    expect(spec!.composite.classification).toEqual(DEFAULT_COMBINE.composite.classification);
    expect(spec!.rules.conditions).toEqual([{ indicator: 'imd2025.imd.decile', dims: {}, test: { kind: 'worst-deciles', deciles: 1 } }]);
    // A bivariate axis always has three classes.
    expect(spec!.bivariate.x.classification.classes).toBe(3);
    expect(spec!.bivariate.x.classification.method).toBe('equal');
    expect(spec!.bivariate.scheme).toBe(DEFAULT_COMBINE.bivariate.scheme);
    expect(warnings.sort()).toEqual([
      'Ignored an invalid composite index classification in the link.',
      'Ignored an invalid composite index input in the link.',
      'Ignored an invalid overlap rule condition in the link.',
    ]);
  });

  it('reads an old link\'s Core20 condition (IMD decile 1–2) as Core20 residents, and says so', () => {
    const { spec, warnings } = read({ rules: { conditions: [
      { indicator: 'imd2025.imd.decile', dims: {}, test: { kind: 'worst-deciles', deciles: 2 } },
      { indicator: 'imd2025.imd.decile', dims: {}, test: { kind: 'worst-deciles', deciles: 1 } },
    ], inFocus: false } });
    expect(spec!.rules.conditions).toEqual([
      { indicator: 'imd2025.imd.share20', dims: {}, test: { kind: 'at-least', value: 50 } },
      { indicator: 'imd2025.imd.decile', dims: {}, test: { kind: 'worst-deciles', deciles: 1 } },
    ]);
    expect(warnings).toEqual([expect.stringMatching(/^The Core20 condition now tests the share of residents living in Core20 LSOAs \(IMD 2025\)/)]);
  });

  it('keeps a context measure\'s direction unset until the user chooses one', () => {
    const inputs = [
      { indicator: 'imd2025.imd.score', dims: {}, direction: 'higher', weight: 1 },
      { indicator: 'cancer.qof.prevalence', dims: {}, direction: 'unset', weight: 1 },
    ];
    expect(read({ composite: { inputs } }).spec!.composite.inputs).toEqual(inputs);
  });

  it('keeps "in a hot spot" only when it is set', () => {
    const on = { ...DEFAULT_COMBINE, rules: { ...DEFAULT_COMBINE.rules, inHotspot: true } };
    expect(read(JSON.parse(JSON.stringify(on))).spec!.rules.inHotspot).toBe(true);
    expect('inHotspot' in read({ rules: { ...DEFAULT_COMBINE.rules, inHotspot: 'yes' } }).spec!.rules).toBe(false);
  });

  it('rejects a non-object and a malformed breaks region', () => {
    expect(read('x').spec).toBeUndefined();
    const { spec } = read({ composite: { classification: { method: 'quantile', classes: 5, breaksFrom: { level: 'icb24', code: 'javascript:' } } } });
    // The malformed region is dropped and the default (breaks that follow the focus) is used.
    expect(spec!.composite.classification.breaksFrom).toBe('focus');
    expect(spec!.composite.classification.breaksFrom).toBe(DEFAULT_COMBINE.composite.classification.breaksFrom);
  });

  it('breaks follow the focus by default; England (null) and a kept region from an older link stay as they were', () => {
    expect([DEFAULT_COMBINE.composite, DEFAULT_COMBINE.bivariate.x, DEFAULT_COMBINE.bivariate.y].map((c) => c.classification.breaksFrom)).toEqual(['focus', 'focus', 'focus']);
    const england = read({ composite: { classification: { method: 'quantile', classes: 5, breaksFrom: null } } }).spec!;
    expect(england.composite.classification.breaksFrom).toBeNull();
    const kept = read({ composite: { classification: { method: 'quantile', classes: 5, breaksFrom: { level: 'icb24', code: 'E54000050' } } } }).spec!;
    expect(kept.composite.classification.breaksFrom).toEqual({ level: 'icb24', code: 'E54000050' });
    expect(read({ composite: { classification: { method: 'quantile', classes: 5, breaksFrom: 'elsewhere' } } }).spec!.composite.classification.breaksFrom).toBe('focus');
  });
});
