import { ConceptAndAgreement1765000000000 } from './1765000000000-concept-and-agreement';

/** Every migration of the agreements database, oldest first. */
export const agreementsMigrations = [ConceptAndAgreement1765000000000];
