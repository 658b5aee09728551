/** The shortlist's file writers, loaded when an export is first asked for (they are not needed to show the map). */
export { writeCsvBundle } from '../../export/shortlist-csv';
export { writeShortlistGeoJson } from '../../export/shortlist-geojson';
export { writeShortlistXlsx } from '../../export/shortlist-xlsx';
export { buildPrintBrief } from '../../export/print-brief';
export { canvasToPng } from '../../export/map-image';
export { loadGeometryLookup } from './geometry-lookup';
