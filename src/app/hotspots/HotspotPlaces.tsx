/**
 * "Where are the hot spots?": the places (local authorities or ICBs) holding hot-spot areas, ranked
 * by the residents living in them, each with a button that zooms the map to its hot spots. A table
 * by design (readable without the map); self-contained so it can sit in the Hotspots tab or in a
 * drawer beside the map.
 */
import { memo, useId, useState } from 'react';
import type { HotspotPlace, PlaceGrouping } from './hotspot-places';

export interface HotspotPlacesProps {
  places: Record<PlaceGrouping, HotspotPlace[]>;
  /** Where the areas were counted ("all of England", a focus region). */
  scope: string;
  /** What counts as hot ("Hot spots (90, 95 or 99 % confidence)"). */
  hotLabel: string;
  onZoom(p: HotspotPlace): void;
  onDownload(by: PlaceGrouping): void;
}

const GROUP_LABELS: Record<PlaceGrouping, string> = { lad: 'Local authority', icb: 'ICB' };
const SHOWN = 15;
const fmt = (n: number) => n.toLocaleString('en-GB', { maximumFractionDigits: 0 });

export const HotspotPlaces = memo(function HotspotPlaces(p: HotspotPlacesProps) {
  const id = useId();
  const [by, setBy] = useState<PlaceGrouping>('lad');
  const [all, setAll] = useState(false);
  const rows = p.places[by];
  const shown = all ? rows : rows.slice(0, SHOWN);
  return (
    <section className="hotspot-places" aria-labelledby={`${id}-title`} data-testid="hotspot-places">
      <h3 id={`${id}-title`}>Where the hot spots are</h3>
      <fieldset className="inline-choice">
        <legend>Group by</legend>
        {(['lad', 'icb'] as const).map((g) => (
          <label key={g}><input type="radio" name={`${id}-by`} checked={by === g} onChange={() => { setBy(g); setAll(false); }} /> {GROUP_LABELS[g]}</label>
        ))}
      </fieldset>
      {rows.length === 0
        ? <p className="hint">No hot-spot areas in {p.scope}.</p>
        : (
          <div className="hotspot-places-scroll"><table className="hotspot-places-table">
            <caption className="hint">{p.hotLabel} in {p.scope}, by {GROUP_LABELS[by].toLowerCase()}, most residents first. A hot spot is where high values cluster; it does not say why.</caption>
            <thead>
              <tr>
                <th scope="col" className="num">#</th>
                <th scope="col">{GROUP_LABELS[by]}</th>
                <th scope="col" className="num">Hot-spot areas</th>
                <th scope="col" className="num">Residents in them</th>
                <th scope="col"><span className="visually-hidden">Zoom</span></th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r, i) => (
                <tr key={r.code}>
                  <td className="num">{i + 1}</td>
                  <th scope="row">{r.name}</th>
                  <td className="num">{fmt(r.areas)} <span className="hint">of {fmt(r.tested)}</span></td>
                  <td className="num">{fmt(r.residents)}</td>
                  <td><button type="button" className="link-button" onClick={() => p.onZoom(r)} aria-label={`Zoom to the hot spots in ${r.name}`}>Zoom</button></td>
                </tr>
              ))}
            </tbody>
          </table></div>
        )}
      <div className="button-row">
        {rows.length > SHOWN && <button type="button" onClick={() => setAll((a) => !a)}>{all ? `Show the first ${SHOWN}` : `Show all ${rows.length}`}</button>}
        {rows.length > 0 && <button type="button" onClick={() => p.onDownload(by)}>Download this list (CSV)</button>}
      </div>
    </section>
  );
});
