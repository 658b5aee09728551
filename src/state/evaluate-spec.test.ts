import { describe, expect, it } from 'vitest';
import LZString from 'lz-string';
import { DEFAULT_EVALUATE, normaliseEvaluateSpec, type EvaluateSpec } from './evaluate-spec';
import { normaliseState } from './normalise-state';
import { decodeStateHash, encodeStateHash, pickPersisted } from './url-state';
import { DEFAULT_VIEW_STATE, type ViewState } from './view-state';

const vocab = { isIndicator: () => true, isPalette: () => true };

const spec: EvaluateSpec = {
  intervention: { source: 'column', column: 'user.dab12cd.v2', ref: { file: 'programme.csv', label: 'In programme' } },
  chosenOnOutcome: true,
  outcome: { indicator: 'user.dab12cd.v1', denominator: 'user.dab12cd.v3', multiplier: 1000, ref: { file: 'referrals.csv', label: 'Urgent referrals', denominator: 'Residents' } },
  baseline: ['2023 Q1', '2023 Q4'],
  followup: ['2024 Q2', '2024 Q4'],
  comparison: { method: 'manual', covariates: ['baseline', 'imd'], exact: 'icb24', distance: 'mahalanobis', ratio: 3, replace: true, caliper: null, areas: ['E05011111', 'E05022222'] },
  interval: 'bootstrap', replicates: 1999, seed: 42, populationWeights: true,
};

describe('normaliseEvaluateSpec', () => {
  it('keeps a valid spec as it is', () => {
    expect(normaliseEvaluateSpec(spec)).toEqual(spec);
  });

  it('repairs each bad field with its default and keeps the good ones', () => {
    const out = normaliseEvaluateSpec({
      intervention: { source: 'file', column: 'x; DROP TABLE', ref: { file: 'a.csv' } }, chosenOnOutcome: 'yes',
      outcome: { indicator: 'user.dab12cd.v1', denominator: 7, multiplier: 12, ref: { file: 'r.csv', label: 'Referrals\u202e', denominator: 3 } },
      baseline: ['2023', 2024], followup: ['2025', '2026'],
      comparison: { method: 'psm', covariates: ['imd', 'shoe size', 'imd'], exact: 'nhser', ratio: 9, replace: 'no', caliper: -1, areas: ['E05000001', '<script>', 'E05000001'] },
      interval: 'jackknife', replicates: 10, seed: 1.5, populationWeights: 1,
    })!;
    const d = DEFAULT_EVALUATE;
    expect(out.intervention).toEqual({ source: 'shortlist', column: null, ref: null });
    expect(out.chosenOnOutcome).toBe(false);
    expect(out.outcome).toEqual({ indicator: 'user.dab12cd.v1', denominator: null, multiplier: d.outcome.multiplier, ref: { file: 'r.csv', label: 'Referrals ', denominator: null } });
    expect([out.baseline, out.followup]).toEqual([null, ['2025', '2026']]);
    expect(out.comparison).toEqual({ ...d.comparison, covariates: ['imd'], areas: ['E05000001'] });
    expect([out.interval, out.replicates, out.seed, out.populationWeights]).toEqual([d.interval, d.replicates, d.seed, false]);
  });

  it('cleans period labels of control and bidirectional characters', () => {
    expect(normaliseEvaluateSpec({ baseline: ['2023\u202e Q1', '2023 Q4'] })!.baseline).toEqual(['2023  Q1', '2023 Q4']);
  });

  it('returns undefined for something that is not a spec, so the view state warns', () => {
    const r = normaliseState({ v: 1, evaluate: 'x' }, vocab);
    expect(r.state.evaluate).toEqual(DEFAULT_EVALUATE);
    expect(r.warnings.join(' ')).toMatch(/evaluation setting/);
  });

  it('is left out of links while it has its default value, so other links stay as short as before', () => {
    const plain = encodeStateHash(DEFAULT_VIEW_STATE);
    const { evaluate, ...rest } = DEFAULT_VIEW_STATE;
    expect(evaluate).toEqual(DEFAULT_EVALUATE);
    expect(decodeStateHash(plain, vocab)!.state).toEqual({ ...rest, evaluate: DEFAULT_EVALUATE });
    expect(encodeStateHash({ ...DEFAULT_VIEW_STATE, evaluate: spec }).length).toBeGreaterThan(plain.length);
  });

  it('travels through a share link and local storage, settings only', () => {
    const state = { ...DEFAULT_VIEW_STATE, mode: 'evaluate', evaluate: spec };
    expect(decodeStateHash(encodeStateHash(state), vocab)!.state.evaluate).toEqual(spec);
    expect(pickPersisted(state, 'local').evaluate).toEqual(spec);
  });

  it('opens links made before the Evaluate tab existed with the default settings and no warning', () => {
    const old: Partial<ViewState> = { ...DEFAULT_VIEW_STATE, level: 'lad24' };
    delete old.evaluate;
    // a format 2 link without the key (every link made before), and a format 1 link
    const v2 = decodeStateHash(encodeStateHash({ ...DEFAULT_VIEW_STATE, level: 'ward24' }), vocab)!;
    expect(v2.state.evaluate).toEqual(DEFAULT_EVALUATE);
    expect(v2.warnings).toEqual([]);
    const legacy = decodeStateHash(`#s=${LZString.compressToEncodedURIComponent(JSON.stringify(old))}`, vocab)!;
    expect(legacy.state.level).toBe('lad24');
    expect(legacy.state.evaluate).toEqual(DEFAULT_EVALUATE);
    expect(legacy.warnings).toEqual([]);
  });
});
