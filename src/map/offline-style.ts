/** The default basemap: a plain background and nothing else, so the map makes no network request. */
import type { StyleSpecification } from 'maplibre-gl';

export const OFFLINE_STYLE: StyleSpecification = {
  version: 8,
  sources: {},
  layers: [{ id: 'background', type: 'background', paint: { 'background-color': '#dfe7ee' } }],
};

export const DATA_ATTRIBUTION =
  'Contains OS data © Crown copyright and database right 2024; ONS, MHCLG, OHID and NHS England data, Open Government Licence v3.0';
