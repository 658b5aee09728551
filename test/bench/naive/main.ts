/**
 * The naive baseline for the bench: the raw LSOA GeoJSON fetched, parsed and handed to a deck.gl
 * GeoJsonLayer (deck tessellates it on the main thread), coloured by one property. Reports the time
 * from navigation start to the first frame drawn with the data.
 */
import { Deck } from '@deck.gl/core';
import { GeoJsonLayer } from '@deck.gl/layers';
import type { FeatureCollection } from 'geojson';

declare global {
  interface Window {
    naiveResult?: { firstMapMs: number; features: number };
  }
}

async function main() {
  const res = await fetch('./lsoa21.geojson');
  const fc = (await res.json()) as FeatureCollection;
  let done = false;
  new Deck({
    parent: document.getElementById('map') as HTMLDivElement,
    initialViewState: { longitude: -1.9, latitude: 52.9, zoom: 5.6 },
    controller: false,
    layers: [
      new GeoJsonLayer({
        id: 'lsoa', data: fc, filled: true, stroked: false,
        getFillColor: (f: { properties: { lsoa21_code?: string } }) => [Number((f.properties.lsoa21_code ?? 'E0100000').slice(-3)) % 255, 90, 160, 255],
      }),
    ],
    onAfterRender: () => {
      if (done) return;
      done = true;
      window.naiveResult = { firstMapMs: performance.now(), features: fc.features.length };
    },
  });
}

void main();
