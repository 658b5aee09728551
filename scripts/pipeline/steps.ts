/** The output steps, in order. Each data family (IMD, smoking, cancer, weights, ...) is one step. */
import type { PipelineStep } from './context';
import { cancerStep } from './steps/cancer-tables';
import { ethnicityStep } from './steps/ethnicity-table';
import { imdSummaryStep } from './steps/imd-summary-tables';
import { imdStep } from './steps/imd-tables';
import { referenceCodesStep } from './steps/reference-codes';
import { screeningStep } from './steps/screening-table';
import { smokingStep } from './steps/smoking-tables';
import { stageStep } from './steps/stage-table';
import { weightsStep } from './steps/weights';

export const STEPS: PipelineStep[] = [imdStep, imdSummaryStep, smokingStep, cancerStep, ethnicityStep, stageStep, screeningStep, referenceCodesStep, weightsStep];
