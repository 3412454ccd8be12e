import { Index } from 'typeorm';
import { Quarter } from '../quarters/entities/quarter.entity';

/**
 * The read model's indexes for the dashboard and the stalled / overdue / next-due pages
 * (issue 16, migration ScaleIndexes1766500000000), declared on the `Quarter` entity here,
 * beside the questions they serve, so the schema-drift check sees them. Columns in index
 * order: the dashboard's GROUP BY phase, step with every column it counts (index-only);
 * each page's filter, sort key, id, then the programme (the page's count
 * within the caller's scope from the index alone); each facet's column then the programme (scope).
 */
export const READ_MODEL_INDEXES: ReadonlyArray<[string, Array<keyof Quarter & string>]> = [
  ['ix_quarters_dashboard', ['phase', 'currentStep', 'programmeId', 'stalled', 'paused', 'overdueSince', 'nextDueAt']],
  ['ix_quarters_stalled_page', ['stalled', 'stalledSince', 'id', 'programmeId']],
  ['ix_quarters_overdue_page', ['overdueSince', 'id', 'programmeId']],
  ['ix_quarters_next_due_page', ['nextDueAt', 'id', 'programmeId']],
  ['ix_quarters_land', ['land', 'programmeId']],
  ['ix_quarters_kreis', ['kreis', 'programmeId']],
  ['ix_quarters_municipality', ['municipality', 'programmeId']],
  ['ix_quarters_housing_company', ['housingCompany', 'programmeId']],
];

// The class decorator applied once, as `@Index(name, columns)` above the class would.
for (const [name, columns] of READ_MODEL_INDEXES) Index(name, columns)(Quarter);
