/** Spatial weights: one CSR representation, its builders, transforms and GeoDa file formats. */
export * from './spatial-weights';
export * from './contiguity-weights';
export * from './knn-weights';
export * from './distance-band-weights';
export * from './island-fallback';
export * from './weights-transform';
export * from './gal';
export * from './gwt';
export { EARTH_RADIUS_KM, haversineKm } from './great-circle';
