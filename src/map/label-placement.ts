/**
 * Chooses which place names to draw: biggest places first, skipping any whose label box would
 * overlap one already placed. Done on the CPU once per camera move (a few hundred labels). At
 * national zoom only the larger places are candidates (see `minPopulationAt`), so England shows its
 * cities rather than whichever district names happen to fit.
 */
import type { PlaceLabel } from './label-layer';

/** Residents a place needs to be labelled at this zoom: cities at England scale, every authority from region scale. */
export function minPopulationAt(zoom: number): number {
  if (zoom < 5.2) return 500_000;
  if (zoom < 6) return 250_000;
  if (zoom < 6.8) return 120_000;
  return 0;
}

export function placeLabels(labels: PlaceLabel[], project: (lon: number, lat: number) => [number, number], width: number, height: number, fontPx = 12, zoom = Infinity): PlaceLabel[] {
  const min = minPopulationAt(zoom);
  const order = labels.filter((l) => l.population >= min).sort((a, b) => b.population - a.population);
  const boxes: [number, number, number, number][] = [];
  const out: PlaceLabel[] = [];
  for (const l of order) {
    const [x, y] = project(l.lon, l.lat);
    const w = l.name.length * fontPx * 0.62 + 6;
    const h = fontPx + 6;
    const box: [number, number, number, number] = [x - w / 2, y - h / 2, x + w / 2, y + h / 2];
    if (box[2] < 0 || box[0] > width || box[3] < 0 || box[1] > height) continue;
    if (boxes.some((b) => box[0] < b[2] && box[2] > b[0] && box[1] < b[3] && box[3] > b[1])) continue;
    boxes.push(box);
    out.push(l);
  }
  return out;
}
