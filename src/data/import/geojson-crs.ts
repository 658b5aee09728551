/**
 * Which coordinate system a user's GeoJSON is in, and reprojection to WGS84 longitude/latitude.
 *
 * Decision: British National Grid (EPSG:27700, what QGIS/ArcGIS users in England often export) and
 * Web Mercator (EPSG:3857) are reprojected with proj4 — BNG with the OSGB36→WGS84 Helmert shift,
 * good to a few metres, far below the generalisation of boundary files. A legacy `crs` member
 * naming either is honoured; without one, metre values that fit Great Britain's grid are taken as
 * BNG (and the report says so). Any other system, and latitude/longitude written in the wrong order,
 * is rejected with a message saying how to re-export.
 */
import proj4 from 'proj4';
import { ImportError } from './import-issue';

export type Bbox = [minX: number, minY: number, maxX: number, maxY: number];
export type SourceCrs = 'EPSG:4326' | 'EPSG:27700' | 'EPSG:3857';

const BNG = '+proj=tmerc +lat_0=49 +lon_0=-2 +k=0.9996012717 +x_0=400000 +y_0=-100000 +ellps=airy '
  + '+towgs84=446.448,-125.157,542.06,0.15,0.247,0.842,-20.489 +units=m +no_defs';

/** England's extent with a margin (Isles of Scilly to Berwick, Lowestoft to Land's End). */
export const ENGLAND_BBOX: Bbox = [-7, 49.7, 2.1, 56];

const inside = (b: Bbox, o: Bbox) => b[0] >= o[0] && b[1] >= o[1] && b[2] <= o[2] && b[3] <= o[3];

/** EPSG code named by a legacy GeoJSON `crs` member ("EPSG:27700", "urn:ogc:def:crs:EPSG::27700", CRS84). */
function namedCrs(crs: unknown): string | null {
  const name = (crs as { properties?: { name?: unknown } } | null)?.properties?.name;
  if (typeof name !== 'string') return null;
  if (/CRS:?84$/i.test(name)) return 'EPSG:4326';
  const m = /EPSG:{1,2}(?:[\d.]*:)?(\d+)$/i.exec(name);
  return m ? `EPSG:${m[1]}` : name;
}

export interface CrsDecision { crs: SourceCrs; note: string }

export function decideCrs(crsMember: unknown, bbox: Bbox, file: string): CrsDecision {
  const named = namedCrs(crsMember);
  if (named === 'EPSG:27700') return { crs: 'EPSG:27700', note: 'Coordinates in British National Grid (EPSG:27700, named in the file) were converted to longitude/latitude (WGS84).' };
  if (named === 'EPSG:3857' || named === 'EPSG:900913') return { crs: 'EPSG:3857', note: 'Coordinates in Web Mercator (EPSG:3857, named in the file) were converted to longitude/latitude (WGS84).' };
  if (named && named !== 'EPSG:4326' && named !== 'EPSG:4258') {
    throw new ImportError('unknown-crs', `${file}: the coordinates are in ${named}, which the atlas cannot convert. Re-export the boundaries as GeoJSON in WGS84 (EPSG:4326) or British National Grid (EPSG:27700).`);
  }
  const lonLat = bbox[0] >= -180 && bbox[2] <= 180 && bbox[1] >= -90 && bbox[3] <= 90;
  if (lonLat) {
    const swapped: Bbox = [bbox[1], bbox[0], bbox[3], bbox[2]];
    if (!inside(bbox, ENGLAND_BBOX) && inside(swapped, ENGLAND_BBOX)) {
      throw new ImportError('swapped-coordinates', `${file}: the coordinates are written latitude first (e.g. ${bbox[0].toFixed(3)}, ${bbox[1].toFixed(3)}); GeoJSON needs longitude first. Re-export the file with longitude, latitude order.`);
    }
    return { crs: 'EPSG:4326', note: 'Coordinates are longitude/latitude (WGS84).' };
  }
  // Great Britain's grid: eastings 0–700 km, northings 0–1,300 km
  if (bbox[0] >= -1000 && bbox[1] >= -1000 && bbox[2] <= 700_000 && bbox[3] <= 1_300_000) {
    return { crs: 'EPSG:27700', note: 'The file names no coordinate system but its coordinates are metres on the British National Grid (EPSG:27700); they were converted to longitude/latitude (WGS84). Check on the map that the boundaries sit where you expect.' };
  }
  throw new ImportError('unknown-crs', `${file}: the coordinates (from ${Math.round(bbox[0])}, ${Math.round(bbox[1])} to ${Math.round(bbox[2])}, ${Math.round(bbox[3])}) are neither longitude/latitude nor British National Grid metres. Re-export the boundaries as GeoJSON in WGS84 (EPSG:4326).`);
}

/** A position converter to WGS84, rounded to 6 decimals (~0.1 m) like the atlas's own boundaries. */
export function toWgs84(crs: SourceCrs): (p: number[]) => number[] {
  if (crs === 'EPSG:4326') return (p) => p;
  const conv = proj4(crs === 'EPSG:27700' ? BNG : 'EPSG:3857', 'WGS84');
  return (p) => {
    const [x, y] = conv.forward([p[0], p[1]]);
    return [Math.round(x * 1e6) / 1e6, Math.round(y * 1e6) / 1e6];
  };
}
