/**
 * Distances between area points (lon/lat degrees) on a sphere. Neighbour searches work on 3-D unit
 * vectors: the straight-line (chord) distance between two unit vectors grows with the great-circle
 * distance, so nearest by chord is nearest along the surface, with no lon/lat wrap-around or
 * latitude distortion.
 */

/** IUGG mean Earth radius. spdep (`longlat = TRUE`) uses an ellipsoid; distances differ by < 0.5 %. */
const EARTH_RADIUS_KM = 6371.0088;

const RAD = Math.PI / 180;

/** Interleaved x, y, z unit vectors (length 3n). */
export function unitVectors(lon: ArrayLike<number>, lat: ArrayLike<number>): Float64Array {
  const n = lon.length;
  if (lat.length !== n) throw new Error(`points: ${n} longitudes but ${lat.length} latitudes`);
  const xyz = new Float64Array(3 * n);
  for (let i = 0; i < n; i++) {
    const lo = lon[i];
    const la = lat[i];
    if (!Number.isFinite(lo) || !Number.isFinite(la) || Math.abs(la) > 90 || Math.abs(lo) > 360) {
      throw new Error(`points: point ${i + 1} has invalid longitude/latitude (${lo}, ${la})`);
    }
    const c = Math.cos(la * RAD);
    xyz[3 * i] = c * Math.cos(lo * RAD);
    xyz[3 * i + 1] = c * Math.sin(lo * RAD);
    xyz[3 * i + 2] = Math.sin(la * RAD);
  }
  return xyz;
}

export function chordToKm(chord: number): number {
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, chord / 2));
}

export function kmToChord(km: number): number {
  return 2 * Math.sin(Math.min(Math.PI / 2, km / (2 * EARTH_RADIUS_KM)));
}

/** Great-circle distance by the haversine formula (well conditioned for short distances). */
export function haversineKm(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const s1 = Math.sin(((lat2 - lat1) * RAD) / 2);
  const s2 = Math.sin(((lon2 - lon1) * RAD) / 2);
  const h = s1 * s1 + Math.cos(lat1 * RAD) * Math.cos(lat2 * RAD) * s2 * s2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}
