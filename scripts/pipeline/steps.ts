/** The output steps, in order. Each data family (IMD, smoking, cancer, weights, ...) is one step. */
import type { PipelineStep } from './context';
import { cancerStep } from './steps/cancer-tables';
import { imdSummaryStep } from './steps/imd-summary-tables';
import { imdStep } from './steps/imd-tables';
import { referenceCodesStep } from './steps/reference-codes';
import { smokingStep } from './steps/smoking-tables';
import { weightsStep } from './steps/weights';

export const STEPS: PipelineStep[] = [imdStep, imdSummaryStep, smokingStep, cancerStep, referenceCodesStep, weightsStep];
