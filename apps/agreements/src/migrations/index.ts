import { ConceptAndAgreement1765000000000 } from './1765000000000-concept-and-agreement';
import { ReportsAndAmendments1765100000000 } from './1765100000000-reports-and-amendments';
import { AmendmentRejection1765146000000 } from './1765146000000-amendment-rejection';

/** Every migration of the agreements database, oldest first. */
export const agreementsMigrations = [ConceptAndAgreement1765000000000, ReportsAndAmendments1765100000000, AmendmentRejection1765146000000];
