/** The places' marker as the map draws it (white casing, teal ring), for the map key and the places list. */
import { PLACE_RING } from '../../map/delivery-points-layer';

const ring = `rgb(${PLACE_RING.join(',')})`;

export function PlaceMarker() {
  return (
    <svg width="14" height="14" viewBox="0 0 14 14" aria-hidden="true" focusable="false">
      <circle cx="7" cy="7" r="5" fill="none" stroke="#fff" strokeWidth="4" />
      <circle cx="7" cy="7" r="5" fill="none" stroke={ring} strokeWidth="2" />
    </svg>
  );
}
