/**
 * PNG of the map as shown: the map canvas (MapLibre and the interleaved deck.gl layers share one
 * WebGL canvas, kept with preserveDrawingBuffer) drawn onto a 2D canvas with a title, the legend,
 * a scale bar, a locator of England with the view marked, shortlisted GP practices (a PCN at its
 * practices' sites) as diamonds with their key, and the attribution. Browser-only; the layout
 * arithmetic (`niceScale`, `mapImageLayout`, `practiceMarkers`) is pure and tested.
 */
import { formatDate } from './format-value';
import type { ShortlistPracticeRow } from './shortlist-practices';

export interface ImageLegend {
  title: string;
  items: { colour: string; label: string }[];
  notes: string[];
}

export interface MapImageInput {
  /** The map's WebGL canvas. */
  canvas: HTMLCanvasElement;
  title: string;
  subtitle: string;
  legend: ImageLegend | null;
  /** Extra legend line for the shortlist outline, or null. */
  shortlistKey: string | null;
  /** Shortlisted practices' sites in map CSS pixels, and their key line (null: none shortlisted). */
  practices: PracticeMarkers | null;
  /** Ground metres per CSS pixel at the map's centre. */
  metresPerPixel: number;
  /** England's outline (lon/lat rings) and the view's [west, south, east, north], for the locator. */
  locator: { rings: number[][][]; view: [number, number, number, number] } | null;
  attribution: string;
  /** ISO date of the export. */
  generatedAt: string;
}

/** The longest round distance (1, 2 or 5 × 10^k m) whose bar is at most `maxPx` CSS pixels. */
export function niceScale(metresPerPixel: number, maxPx = 120): { metres: number; px: number; label: string } {
  const maxM = metresPerPixel * maxPx;
  let metres = 1;
  for (let k = 0; k < 8; k++) for (const m of [1, 2, 5]) if (m * 10 ** k <= maxM) metres = m * 10 ** k;
  return { metres, px: metres / metresPerPixel, label: metres >= 1000 ? `${metres / 1000} km` : `${metres} m` };
}

export interface PracticeMarkers { points: [number, number][]; key: string }

/**
 * The diamonds of shortlisted practices on a `width` × `height` map (`project`: lon/lat → CSS
 * pixels): each practice at its site, each PCN at every one of its practices' sites (a PCN is a group
 * of practices, not an area), a site shared by both drawn once. The key counts what lies outside the view.
 */
export function practiceMarkers(rows: readonly ShortlistPracticeRow[], project: (lon: number, lat: number) => [number, number], width: number, height: number): PracticeMarkers | null {
  if (!rows.length) return null;
  const sites = new Map<string, [number, number]>();
  for (const r of rows) {
    const list = r.kind === 'practice' ? (r.lon !== null && r.lat !== null ? [[r.lon, r.lat] as const] : []) : r.members;
    for (const [lon, lat] of list) sites.set(`${lon},${lat}`, project(lon, lat));
  }
  const points = [...sites.values()].filter(([x, y]) => x >= 0 && y >= 0 && x <= width && y <= height);
  const n = (k: ShortlistPracticeRow['kind']) => rows.filter((r) => r.kind === k).length;
  const parts = [n('practice') ? `${n('practice')} GP practice${n('practice') === 1 ? '' : 's'}` : '', n('pcn') ? `${n('pcn')} PCN${n('pcn') === 1 ? '' : 's'} (at its practices' sites: a group of practices, not an area)` : ''].filter(Boolean);
  const outside = sites.size - points.length;
  return { points, key: `Shortlisted: ${parts.join(' and ')}${outside ? `; ${outside} site${outside === 1 ? '' : 's'} outside this view` : ''}` };
}

/** A diamond centred on x, y (the practice marker: a shape the areas' outlines and numbers do not use). */
function diamond(g: CanvasRenderingContext2D, x: number, y: number, r: number) {
  g.beginPath();
  g.moveTo(x, y - r);
  g.lineTo(x + r, y);
  g.lineTo(x, y + r);
  g.lineTo(x - r, y);
  g.closePath();
  g.fillStyle = '#0b2e6b';
  g.fill();
  g.strokeStyle = '#ffffff';
  g.lineWidth = 1.5;
  g.stroke();
}

/** Web Mercator ground resolution (512-pixel tiles, as MapLibre uses). */
export function metresPerPixel(latitude: number, zoom: number): number {
  return (40_075_016.686 * Math.cos((latitude * Math.PI) / 180)) / (512 * 2 ** zoom);
}

export const PANEL_WIDTH = 280;
const HEADER_HEIGHT = 64;
const FOOTER_HEIGHT = 34;

/** CSS-pixel layout of the image: header, map, side panel, footer. */
export function mapImageLayout(mapWidth: number, mapHeight: number) {
  return {
    width: mapWidth + PANEL_WIDTH,
    height: HEADER_HEIGHT + mapHeight + FOOTER_HEIGHT,
    map: { x: 0, y: HEADER_HEIGHT, w: mapWidth, h: mapHeight },
    panel: { x: mapWidth + 16, y: HEADER_HEIGHT + 8, w: PANEL_WIDTH - 28 },
  };
}

const FONT = 'system-ui, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';

/** Wraps `text` to `width`, drawing line by line; returns the y after the last line. */
function wrap(g: CanvasRenderingContext2D, text: string, x: number, y: number, width: number, lineHeight: number): number {
  let line = '';
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (g.measureText(next).width > width && line) {
      g.fillText(line, x, y);
      y += lineHeight;
      line = word;
    } else line = next;
  }
  if (line) g.fillText(line, x, y);
  return y + lineHeight;
}

function drawLocator(g: CanvasRenderingContext2D, loc: NonNullable<MapImageInput['locator']>, x: number, y: number, w: number, h: number) {
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const r of loc.rings) for (const [lon, lat] of r) [x0, y0, x1, y1] = [Math.min(x0, lon), Math.min(y0, lat), Math.max(x1, lon), Math.max(y1, lat)];
  if (!Number.isFinite(x0)) return;
  // Plate carrée with longitude shrunk by cos(latitude): close enough for a locator of England.
  const k = Math.cos((((y0 + y1) / 2) * Math.PI) / 180);
  const s = Math.min(w / ((x1 - x0) * k), h / (y1 - y0));
  const px = (lon: number) => x + (lon - x0) * k * s;
  const py = (lat: number) => y + (y1 - lat) * s;
  const path = new Path2D();
  for (const r of loc.rings) r.forEach(([lon, lat], i) => (i ? path.lineTo(px(lon), py(lat)) : path.moveTo(px(lon), py(lat))));
  g.fillStyle = '#d5dde5';
  g.fill(path);
  const [vw, vs, ve, vn] = loc.view;
  const [bx0, by0] = [px(Math.max(vw, x0)), py(Math.min(vn, y1))];
  const [bx1, by1] = [px(Math.min(ve, x1)), py(Math.max(vs, y0))];
  g.strokeStyle = '#c81482';
  g.lineWidth = 2;
  g.strokeRect(bx0, by0, Math.max(3, bx1 - bx0), Math.max(3, by1 - by0));
}

export function composeMapImage(input: MapImageInput): HTMLCanvasElement {
  const { canvas } = input;
  const ratio = canvas.width / Math.max(1, canvas.clientWidth || canvas.width);
  const mw = canvas.width / ratio;
  const mh = canvas.height / ratio;
  const L = mapImageLayout(mw, mh);
  const out = document.createElement('canvas');
  out.width = Math.round(L.width * ratio);
  out.height = Math.round(L.height * ratio);
  const g = out.getContext('2d')!;
  g.scale(ratio, ratio);
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, L.width, L.height);
  g.textBaseline = 'alphabetic';
  g.fillStyle = '#1a1a1a';
  g.font = `700 20px ${FONT}`;
  g.fillText(input.title, 16, 28, L.width - 32);
  g.font = `14px ${FONT}`;
  g.fillStyle = '#444';
  g.fillText(`${input.subtitle} · ${formatDate(input.generatedAt)}`, 16, 50, L.width - 32);
  g.drawImage(canvas, 0, 0, canvas.width, canvas.height, L.map.x, L.map.y, mw, mh);
  g.strokeStyle = '#999';
  g.lineWidth = 1;
  g.strokeRect(L.map.x + 0.5, L.map.y + 0.5, mw - 1, mh - 1);
  for (const [px, py] of input.practices?.points ?? []) diamond(g, L.map.x + px, L.map.y + py, 6);

  // Scale bar, bottom left of the map on a white plate.
  const sc = niceScale(input.metresPerPixel);
  const sx = L.map.x + 12;
  const sy = L.map.y + mh - 16;
  g.fillStyle = 'rgba(255,255,255,0.85)';
  g.fillRect(sx - 6, sy - 22, sc.px + 12 + 60, 30);
  g.fillStyle = '#1a1a1a';
  g.fillRect(sx, sy - 4, sc.px, 4);
  g.font = `12px ${FONT}`;
  g.fillText(sc.label, sx + sc.px + 6, sy);
  g.fillText('Scale at map centre', sx, sy - 10);

  // Side panel: legend, shortlist key, locator.
  let y = L.panel.y + 16;
  const x = L.panel.x;
  if (input.legend) {
    g.font = `700 14px ${FONT}`;
    y = wrap(g, input.legend.title, x, y, L.panel.w, 18);
    g.font = `12px ${FONT}`;
    for (const it of input.legend.items) {
      g.fillStyle = it.colour;
      g.fillRect(x, y - 11, 18, 14);
      g.strokeStyle = '#666';
      g.strokeRect(x + 0.5, y - 10.5, 17, 13);
      g.fillStyle = '#1a1a1a';
      y = wrap(g, it.label, x + 26, y, L.panel.w - 26, 16) + 2;
    }
    g.fillStyle = '#555';
    for (const n of input.legend.notes) y = wrap(g, n, x, y + 4, L.panel.w, 15);
  }
  if (input.shortlistKey) {
    g.strokeStyle = '#c81482';
    g.lineWidth = 3;
    g.strokeRect(x + 1.5, y + 4 - 11, 15, 11);
    g.fillStyle = '#1a1a1a';
    g.font = `12px ${FONT}`;
    y = wrap(g, input.shortlistKey, x + 26, y + 4, L.panel.w - 26, 16);
  }
  if (input.practices) {
    diamond(g, x + 9, y + 4 - 5, 6);
    g.fillStyle = '#1a1a1a';
    g.font = `12px ${FONT}`;
    y = wrap(g, input.practices.key, x + 26, y + 4, L.panel.w - 26, 16);
  }
  const locH = Math.min(190, L.map.y + mh - y - 12);
  if (input.locator && locH > 80) drawLocator(g, input.locator, x, L.map.y + mh - locH, L.panel.w, locH);

  g.fillStyle = '#444';
  g.font = `11px ${FONT}`;
  wrap(g, input.attribution, 16, L.height - FOOTER_HEIGHT + 15, L.width - 32, 13);
  return out;
}

export function canvasToPng(c: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => c.toBlob((b) => (b ? resolve(b) : reject(new Error('The browser could not encode the image.'))), 'image/png'));
}
