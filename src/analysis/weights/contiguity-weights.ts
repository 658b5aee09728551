/**
 * Contiguity weights from neighbour lists. The lists come from src/geo (`vertexContiguity` on
 * polygons, as the data pipeline and the CLI build them, or `topologyContiguity` on a user's
 * topology; callers pass them in, so analysis/ stays below geo/) or from the GAL files the data
 * pipeline writes per level.
 */
import { buildWeights, type SpatialWeights, type WeightsStyle } from './spatial-weights';

export type ContiguityRule = 'queen' | 'rook';

export function contiguityWeights(ids: readonly string[], lists: readonly (readonly number[])[], rule: ContiguityRule, style: WeightsStyle = 'W'): SpatialWeights {
  const w = buildWeights(ids, lists, { style, kind: rule });
  if (!w.symmetric) throw new Error(`${rule} contiguity: neighbour lists are not symmetric; shared borders always are, so the lists are corrupt`);
  return w;
}
