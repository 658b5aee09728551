/** The ranked places list's model for the run on the map: both groupings, zoom and CSV download. */
import { useMemo } from 'react';
import type { HotspotStat } from '../../analysis/stats/hotspot-request';
import { downloadBlob } from '../../export/download';
import { toCsv } from '../../lib/csv-write';
import type { AtlasContext } from '../atlas-context';
import type { FrameClasses } from './hotspot-frame';
import { hotspotPlaces, type HotspotPlace, type PlaceGrouping } from './hotspot-places';
import type { HotspotPlacesProps } from './HotspotPlaces';

export function useHotspotPlaces(ctx: AtlasContext, fc: FrameClasses | null, stat: HotspotStat): HotspotPlacesProps | null {
  const { frame, mask, nameOf, flyTo, focusLabel } = ctx;
  // Names are looked up when the results change, not whenever the context (and so nameOf) is rebuilt.
  const places = useMemo(() => (fc && frame && fc.cluster.length === frame.areas.codes.length
    ? { lad: hotspotPlaces(fc, frame.areas, mask, 'lad', nameOf), icb: hotspotPlaces(fc, frame.areas, mask, 'icb', nameOf) }
    : null), [fc, frame, mask]); // eslint-disable-line react-hooks/exhaustive-deps -- nameOf is a new function on every context change
  const level = frame?.level;
  // One props object per result: the list is not re-rendered on the many progress updates of a run.
  return useMemo(() => {
    if (!places) return null;
    const hotLabel = stat === 'lisa' || stat === 'bilisa' ? 'High–High cluster areas' : 'Hot-spot areas (any confidence level shown in the legend)';
    const onDownload = (by: PlaceGrouping) => {
      const header = ['rank', by === 'lad' ? 'local_authority_code' : 'icb_code', 'name', 'hot_spot_areas', 'tested_areas', 'residents_in_hot_spot_areas'];
      const csv = toCsv(header, places[by].map((p, i) => [i + 1, p.code, p.name, p.areas, p.tested, p.residents]), { bom: true, guardFormulas: true });
      downloadBlob(new Blob([csv], { type: 'text/csv;charset=utf-8' }), `hotspot-places-${stat}-${level ?? ''}-by-${by}.csv`);
    };
    return { places, scope: focusLabel, hotLabel, onZoom: (p: HotspotPlace) => flyTo({ bbox: p.bbox }), onDownload };
  }, [places, stat, level, focusLabel, flyTo]);
}
