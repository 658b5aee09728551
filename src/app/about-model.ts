/**
 * "About the data" from the generated manifest (sources, build report) and the indicator catalogue,
 * including "What these measures mean" (catalogue/measure-guide.ts).
 */
import { allIndicators } from '../data/catalogue';
import { IMD_DOMAINS } from '../data/catalogue/imd-domains';
import { IMD2019_MISSING_SCORES } from '../data/catalogue/imd-indicators';
import { KEY_POINTS, measureGuide } from '../data/catalogue/measure-guide';
import type { Indicator } from '../data/catalogue/types';
import type { DataManifest } from '../data/manifest';
import type { AboutModel } from '../ui/AboutData';

/** IMD editions are long lists: one section per domain ("IMD 2025: Income"), others by dataset group. */
function section(i: Indicator): string {
  const m = /^imd20\d\d\.([a-z]+)\./.exec(i.id);
  const domain = m && IMD_DOMAINS.find((d) => d.key === m[1]);
  return domain ? `${i.group}: ${domain.label}` : i.group;
}

export function aboutModel(m: DataManifest): AboutModel {
  const groups = new Map<string, AboutModel['measures'][number]['items']>();
  for (const i of allIndicators()) {
    const key = section(i);
    groups.set(key, [...(groups.get(key) ?? []), measureGuide(i)]);
  }
  return {
    generatedAt: new Date(m.generatedAt).toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short' }),
    sources: m.sources.map((s) => ({ id: s.id, title: s.title, publisher: s.publisher, licence: s.licence, vintage: s.vintage, origin: s.origin, attribution: s.attribution })),
    keyPoints: KEY_POINTS,
    measures: [...groups].map(([group, items]) => ({ group, items })),
    notes: [
      'Ward, local authority and ICB values are built from LSOAs through the ONS best-fit lookups and weighted by residents, and their shapes are dissolved from the same LSOAs, so every summary matches what is drawn.',
      'Ward shapes are approximate: built from whole LSOAs, so their edges follow LSOA boundaries, and a few very small wards that receive no LSOA are absent.',
      IMD2019_MISSING_SCORES,
    ],
    joinReport: m.joinReport,
    outputs: m.outputs.map((o) => ({
      path: o.path, rows: o.rows.toLocaleString('en-GB'), size: `${(o.bytes / 1e6).toFixed(2)} MB (${(o.gzipBytes / 1e6).toFixed(2)} MB)`, sha256: `${o.sha256.slice(0, 16)}…`,
    })),
  };
}
