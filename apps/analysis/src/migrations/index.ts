import { Initial1764000000000 } from './1764000000000-initial';

/** Every migration of the analysis database, oldest first. */
export const analysisMigrations = [Initial1764000000000];
