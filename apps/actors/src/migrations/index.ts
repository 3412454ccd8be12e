import { EventOutbox1766000000000, OutboxTraceContext1766900000000 } from '@genq/service-kit';
import { Initial1764000000000 } from './1764000000000-initial';
import { ProcessReadModel1764100000000 } from './1764100000000-process-read-model';
import { IdentityAndAudit1764200000000 } from './1764200000000-identity-and-audit';
import { ParticipationAndQuarterDetails1764300000000 } from './1764300000000-participation-and-quarter-details';
import { People1764400000000 } from './1764400000000-people';
import { SavedViews1764500000000 } from './1764500000000-saved-views';
import { StepRecords1766300000000 } from './1766300000000-step-records';
import { Incidents1766400000000 } from './1766400000000-incidents';
import { ScaleIndexes1766500000000 } from './1766500000000-scale-indexes';
import { QuarterCounts1767000000000 } from './1767000000000-quarter-counts';
import { OrganisationIds1767100000000 } from './1767100000000-organisation-ids';

/** Every migration of the actors database, oldest first. */
export const actorsMigrations = [Initial1764000000000, ProcessReadModel1764100000000, IdentityAndAudit1764200000000, ParticipationAndQuarterDetails1764300000000, People1764400000000, SavedViews1764500000000, EventOutbox1766000000000, StepRecords1766300000000, Incidents1766400000000, ScaleIndexes1766500000000, OutboxTraceContext1766900000000, QuarterCounts1767000000000, OrganisationIds1767100000000];
