import { EventOutbox1766000000000, OutboxTraceContext1766900000000 } from '@genq/service-kit';
import { ConceptAndAgreement1765000000000 } from './1765000000000-concept-and-agreement';
import { ReportsAndAmendments1765100000000 } from './1765100000000-reports-and-amendments';
import { AmendmentRejection1765146000000 } from './1765146000000-amendment-rejection';
import { CertificateCycles1766100000000 } from './1766100000000-certificate-cycles';
import { QuarterWeakFields1766200000000 } from './1766200000000-quarter-weak-fields';
import { GoalsWorkshops1766300000000 } from './1766300000000-goals-workshops';

/** Every migration of the agreements database, oldest first. */
export const agreementsMigrations = [
  ConceptAndAgreement1765000000000,
  ReportsAndAmendments1765100000000,
  AmendmentRejection1765146000000,
  EventOutbox1766000000000,
  CertificateCycles1766100000000,
  QuarterWeakFields1766200000000,
  GoalsWorkshops1766300000000,
  OutboxTraceContext1766900000000,
];
