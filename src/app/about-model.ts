/** "About the data" from the generated manifest (sources, build report) and the indicator catalogue. */
import { allIndicators } from '../data/catalogue';
import { IMD2019_MISSING_SCORES } from '../data/catalogue/imd-indicators';
import type { DataManifest } from '../data/manifest';
import type { AboutModel } from '../ui/AboutData';

export function aboutModel(m: DataManifest): AboutModel {
  const groups = new Map<string, AboutModel['indicators'][number]['items']>();
  for (const i of allIndicators()) {
    const list = groups.get(i.group) ?? [];
    list.push({ id: i.id, label: i.label, definition: i.definition, source: `${i.source.dataset} (${i.source.publisher}, ${i.source.licence})`, unit: i.unit, period: i.period, caveats: i.caveats });
    groups.set(i.group, list);
  }
  return {
    generatedAt: new Date(m.generatedAt).toLocaleString('en-GB', { dateStyle: 'long', timeStyle: 'short' }),
    sources: m.sources.map((s) => ({ id: s.id, title: s.title, publisher: s.publisher, licence: s.licence, vintage: s.vintage, origin: s.origin, attribution: s.attribution })),
    indicators: [...groups].map(([group, items]) => ({ group, items })),
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
