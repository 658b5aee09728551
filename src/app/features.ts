/**
 * Every feature plugged into the atlas, in the order of their tabs. Add a feature by adding its hook
 * here (see atlas-context.ts for what a feature can contribute).
 */
import type { Feature } from './atlas-context';
import { useCombineFeature } from './combine/use-combine-feature';
import { useEvaluateFeature } from './evaluate/use-evaluate-feature';
import { useHotspotsFeature } from './hotspots/use-hotspots-feature';
import { usePracticesFeature } from './practices/use-practices-feature';
import { useShortlistFeature } from './shortlist/use-shortlist-feature';
import { useYourDataFeature } from './your-data/use-your-data-feature';

export const FEATURES: Feature[] = [useCombineFeature, useHotspotsFeature, useYourDataFeature, useShortlistFeature, usePracticesFeature, useEvaluateFeature];
