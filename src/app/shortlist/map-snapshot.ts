/**
 * What the map image export and the printed brief need from the screen: the map canvas, the legend
 * as shown in the side panel (title and swatches, read from the rendered legend so every map mode's
 * legend works the same way), the attribution as shown, and England's outline for the locator.
 */
import type { Map as MlMap } from 'maplibre-gl';
import { composeMapImage, metresPerPixel, practiceMarkers, type ImageLegend } from '../../export/map-image';
import type { ShortlistPracticeRow } from '../../export/shortlist-practices';
import type { BinaryPolygons } from '../../geo/topology-binary';
import { DATA_ATTRIBUTION } from '../../map/offline-style';

function legendFromPage(): ImageLegend | null {
  const el = document.querySelector('.sidebar .legend');
  if (!el) return null;
  const title = el.querySelector('h2, h3')?.textContent?.trim() ?? '';
  const items: ImageLegend['items'] = [];
  for (const sw of el.querySelectorAll<HTMLElement>('.swatch')) {
    const row = sw.closest('li, tr');
    const label = row?.querySelector('.legend-label, .class-legend-label, th')?.textContent?.trim();
    if (label) items.push({ colour: sw.style.background || getComputedStyle(sw).backgroundColor, label });
  }
  const notes = [...el.querySelectorAll('.legend-direction')].map((n) => n.textContent?.trim() ?? '').filter(Boolean);
  return title || items.length ? { title, items, notes } : null;
}

function attributionFromPage(): string {
  const text = document.querySelector('.maplibregl-ctrl-attrib-inner')?.textContent?.trim();
  return text || DATA_ATTRIBUTION;
}

/** Outer rings of every area of a coarse level, thinned, as lon/lat rings for the locator. */
export function locatorRings(p: BinaryPolygons, every = 8): number[][][] {
  const rings: number[][][] = [];
  const n = p.areaRings.length - 1;
  for (let a = 0; a < n; a++) {
    const r = p.areaRings[a];
    if (r >= p.areaRings[a + 1]) continue;
    const ring: number[][] = [];
    for (let v = p.ringStarts[r]; v < p.ringStarts[r + 1]; v += every) ring.push([p.positions[2 * v], p.positions[2 * v + 1]]);
    if (ring.length > 2) rings.push(ring);
  }
  return rings;
}

export interface SnapshotInput {
  map: MlMap;
  title: string;
  subtitle: string;
  shortlistKey: string | null;
  locator: number[][][] | null;
  generatedAt: string;
  /** Shortlisted practices and PCNs, drawn as diamonds at their sites. */
  practices: readonly ShortlistPracticeRow[];
}

export function mapSnapshot(x: SnapshotInput): HTMLCanvasElement {
  const c = x.map.getCenter();
  const b = x.map.getBounds();
  const canvas = x.map.getCanvas();
  const project = (lon: number, lat: number): [number, number] => {
    const p = x.map.project([lon, lat]);
    return [p.x, p.y];
  };
  return composeMapImage({
    canvas,
    title: x.title,
    subtitle: x.subtitle,
    legend: legendFromPage(),
    shortlistKey: x.shortlistKey,
    practices: practiceMarkers(x.practices, project, canvas.clientWidth || canvas.width, canvas.clientHeight || canvas.height),
    metresPerPixel: metresPerPixel(c.lat, x.map.getZoom()),
    locator: x.locator ? { rings: x.locator, view: [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] } : null,
    attribution: attributionFromPage(),
    generatedAt: x.generatedAt,
  });
}
