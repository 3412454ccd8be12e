import { LAENDER, PHASES, STEP_KEYS } from './domain';

/** Land names are proper names: shown as stored, not translated. */
export const landChoices = LAENDER.map((land) => ({ id: land, name: land }));

/** Phase labels are translation keys; SelectInput translates them. */
export const phaseChoices = PHASES.map((phase) => ({ id: phase, name: `process.phase.${phase}` }));

/** Step labels are translation keys too. */
export const stepChoices = STEP_KEYS.map((key) => ({ id: key, name: `process.step.${key}` }));
