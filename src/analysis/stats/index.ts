/** Local spatial statistics: seeded permutation engine, Gi/Gi*, local Moran, bivariate LISA, significance. */
export * from './hotspots';
export * from './hotspot-request';
export * from './cluster-classes';
export * from './multiple-testing';
export * from './pseudo-p';
export { permute, drawStreams, assertPermutations, MIN_PERMUTATIONS, MAX_PERMUTATIONS, type LagKernel, type PermutationOptions } from './permutation-engine';
export { mergeParts, type PermutationPart } from './permutation-part';
export { localMoran, type LocalMoran } from './local-moran';
export { bivariateMoran, type BivariateMoran } from './bivariate-moran';
export { getisOrd, type GetisOrd } from './getis-ord';
export { spatialLag } from './spatial-lag';
export { createPrng, type Prng } from './prng';
