/**
 * Box and lasso drawing on the map. While a draw tool is on, a drag draws instead of panning (the
 * map's drag-pan and shift-drag box zoom are switched off and restored afterwards); the shape is
 * shown in an SVG overlay, which is not part of the map canvas and so never reaches an exported
 * image. A press without movement is left to the map as an ordinary click; Escape cancels.
 */
import type { Map as MlMap } from 'maplibre-gl';

export type DrawKind = 'box' | 'lasso';

export interface DrawRequest {
  kind: DrawKind;
  /** The drawn shape as lon/lat points (a box gives its four corners); shiftKey: held at release. */
  onDrawn(points: [number, number][], shiftKey: boolean): void;
}

const SVG = 'http://www.w3.org/2000/svg';
/** Shorter drags are clicks (MapLibre's own click tolerance is 3 px). */
const MIN_DRAG_PX = 5;

export function attachDrawGesture(map: MlMap, request: () => DrawRequest | null): () => void {
  const host = map.getCanvasContainer();
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('class', 'draw-overlay');
  svg.setAttribute('aria-hidden', 'true');
  const shape = document.createElementNS(SVG, 'polygon');
  svg.appendChild(shape);
  host.appendChild(svg);
  host.classList.add('atlas-drawing');
  const panWas = map.dragPan.isEnabled();
  const boxWas = map.boxZoom.isEnabled();
  map.dragPan.disable();
  map.boxZoom.disable();

  let points: [number, number][] | null = null;
  let pointerId = -1;
  const local = (e: PointerEvent): [number, number] => {
    const r = host.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  };
  const outline = (): [number, number][] => {
    if (!points) return [];
    if (request()?.kind !== 'box') return points;
    const [[x0, y0], [x1, y1]] = [points[0], points[points.length - 1]];
    return [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
  };
  const render = () => shape.setAttribute('points', outline().map((p) => p.join(',')).join(' '));
  const stop = () => {
    points = null;
    if (pointerId >= 0 && host.hasPointerCapture(pointerId)) host.releasePointerCapture(pointerId);
    pointerId = -1;
    render();
  };

  const down = (e: PointerEvent) => {
    if (e.button !== 0 || !request()) return;
    points = [local(e)];
    pointerId = e.pointerId;
    host.setPointerCapture(e.pointerId);
  };
  const move = (e: PointerEvent) => {
    if (!points || e.pointerId !== pointerId) return;
    const p = local(e);
    const last = points[points.length - 1];
    if (request()?.kind === 'box') points = [points[0], p];
    else if (Math.hypot(p[0] - last[0], p[1] - last[1]) >= 3) points.push(p);
    render();
  };
  const up = (e: PointerEvent) => {
    if (!points || e.pointerId !== pointerId) return;
    const drawn = outline();
    const end = local(e);
    const far = Math.hypot(end[0] - points[0][0], end[1] - points[0][1]) >= MIN_DRAG_PX || points.length > 3;
    stop();
    const req = request();
    if (!far || !req || drawn.length < 3) return;
    req.onDrawn(drawn.map(([x, y]) => {
      const ll = map.unproject([x, y]);
      return [ll.lng, ll.lat];
    }), e.shiftKey);
  };
  const key = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && points) stop();
  };
  host.addEventListener('pointerdown', down);
  host.addEventListener('pointermove', move);
  host.addEventListener('pointerup', up);
  host.addEventListener('pointercancel', stop);
  window.addEventListener('keydown', key);
  return () => {
    host.removeEventListener('pointerdown', down);
    host.removeEventListener('pointermove', move);
    host.removeEventListener('pointerup', up);
    host.removeEventListener('pointercancel', stop);
    window.removeEventListener('keydown', key);
    svg.remove();
    host.classList.remove('atlas-drawing');
    if (panWas) map.dragPan.enable();
    if (boxWas) map.boxZoom.enable();
  };
}
