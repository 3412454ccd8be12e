import HistoryIcon from '@mui/icons-material/History';
import type { RaRecord } from 'react-admin';
import { AuditLogList } from './AuditLogList';
import { AuditLogShow } from './AuditLogShow';

/** Mirrors `AuditEntryDto` in `@genq/contracts`. */
export interface AuditEntry extends RaRecord<number> {
  at: string;
  actorEmail: string | null;
  actorRole: string;
  action: string;
  resourceType: string;
  resourceId: string | null;
  programmeId: string | null;
  quarterId: string | null;
  reason: string | null;
  before: unknown;
  after: unknown;
  requestId: string | null;
}

export default {
  list: AuditLogList,
  show: AuditLogShow,
  icon: HistoryIcon,
  recordRepresentation: (record: AuditEntry) => `#${record.id} ${record.action}`,
};
