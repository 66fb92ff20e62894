// Entry point of the workflow bundle: every workflow type the worker registers.
export { caseWorkflow } from './case/workflow';
export { groupRepatriationWorkflow } from './batch/workflow';
export { staffVerificationWorkflow } from './staff/workflow';
export { trainingSessionWorkflow } from './training/workflow';
