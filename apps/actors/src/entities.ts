import { eventEntities } from '@genq/service-kit';
import { AuditEntry } from './audit/entities/audit-entry.entity';
import { AccountProgramme } from './identity/entities/account-programme.entity';
import { Account } from './identity/entities/account.entity';
import { RefreshToken } from './identity/entities/refresh-token.entity';
import { Session } from './identity/entities/session.entity';
import { KickoffRecord } from './kickoff/entities/kickoff-record.entity';
import { ParticipationEvent } from './participation/entities/participation-event.entity';
import { ParticipationRecord } from './participation/entities/participation-record.entity';
import { Incident } from './incidents/entities/incident.entity';
import { Notification } from './notifications/entities/notification.entity';
import { Organisation } from './organisations/entities/organisation.entity';
import { Person } from './people/entities/person.entity';
import { QuarterMembership } from './organisations/entities/quarter-membership.entity';
import { Programme } from './programmes/entities/programme.entity';
import { Quarter } from './quarters/entities/quarter.entity';
import { SavedView } from './savedViews/entities/saved-view.entity';
import { QuarterCount } from './dashboard/quarter-count.entity';
// The read model's indexes for the dashboard and its pages, declared on Quarter (issue 16).
import './dashboard/read-model-indexes';

/** Every table the actors service owns; no other service reads them. */
export const actorsEntities = [
  Programme,
  Quarter,
  Notification,
  // identity, organisations and the audit log (issue 7)
  Account,
  AccountProgramme,
  Session,
  RefreshToken,
  Organisation,
  QuarterMembership,
  AuditEntry,
  // participation events (issue 4)
  ParticipationEvent,
  // people of organisations (issue 4)
  Person,
  // saved list views (issue 6)
  SavedView,
  // the deliverables that complete Auftakt and Beteiligungsphase (issue 13)
  KickoffRecord,
  ParticipationRecord,
  // the outbox and inbox of domain events (issue 13)
  ...eventEntities,
  // technical incidents (issue 18)
  Incident,
  // the dashboard's counters, kept by triggers on quarters (issue 16)
  QuarterCount,
];
