import { Initial1764000000000 } from './1764000000000-initial';

/** Every migration of the actors database, oldest first. */
export const actorsMigrations = [Initial1764000000000];
