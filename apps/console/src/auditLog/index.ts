import HistoryIcon from '@mui/icons-material/History';
import type { AuditEntryDto } from '@genq/contracts';
import type { RaRecord } from 'react-admin';
import { AuditLogList } from './AuditLogList';
import { AuditLogShow } from './AuditLogShow';

/** An entry of GET /api/audit-log, as a react-admin record. */
export interface AuditEntry extends RaRecord<number>, AuditEntryDto {}

export default {
  list: AuditLogList,
  show: AuditLogShow,
  icon: HistoryIcon,
  recordRepresentation: (record: AuditEntry) => `#${record.id} ${record.action}`,
};
