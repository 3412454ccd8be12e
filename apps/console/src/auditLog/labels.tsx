import { Box } from '@mui/material';
import { useLocaleState } from 'react-admin';
import { AUDIT_LABELS, auditActionText, auditResourceText } from '@genq/contracts';
import { asLocale } from '../providers/problems';

/** Resource types the audit log knows (labels in the contracts' audit-labels.ts, as in the CSV export). */
export const RESOURCE_TYPES = Object.keys(AUDIT_LABELS.de.resource);

/** The action's label; the raw key only as tooltip (operators search the log by it; nobody has to read it). */
export const AuditAction = ({ action }: { action: string }) => {
  const [locale] = useLocaleState();
  const label = auditActionText(action, asLocale(locale));
  return (
    <Box component="span" title={action} data-testid="audit-action">
      {label}
    </Box>
  );
};

/** The resource type's label; the raw type as tooltip. */
export const AuditResource = ({ type }: { type: string }) => {
  const [locale] = useLocaleState();
  return (
    <Box component="span" title={type}>
      {auditResourceText(type, asLocale(locale))}
    </Box>
  );
};
