import { Box, Typography } from '@mui/material';
import { DateField, FunctionField, Show, SimpleShowLayout, TextField, useTranslate } from 'react-admin';
import { useDateLocale } from '../i18n/useDateLocale';
import type { AuditEntry } from './index';
import { AuditAction, AuditResource } from './labels';

const Snapshot = ({ value }: { value: unknown }) => (
  <Box component="pre" sx={{ m: 0, p: 1, bgcolor: 'grey.100', borderRadius: 1, fontSize: 12, overflowX: 'auto', maxHeight: 360 }}>
    {value === null || value === undefined ? '–' : JSON.stringify(value, null, 2)}
  </Box>
);

export const AuditLogShow = () => {
  const dateLocale = useDateLocale();
  const translate = useTranslate();
  return (
    <Show>
      <SimpleShowLayout>
        <DateField source="at" showTime locales={dateLocale} />
        <TextField source="actorEmail" emptyText="System" />
        <TextField source="actorRole" />
        <FunctionField<AuditEntry> source="action" render={(r) => <AuditAction action={r.action} />} />
        <FunctionField<AuditEntry> source="resourceType" render={(r) => <AuditResource type={r.resourceType} />} />
        <TextField source="resourceId" emptyText="–" />
        <TextField source="programmeId" emptyText="–" />
        <TextField source="quarterId" emptyText="–" />
        <TextField source="reason" emptyText="–" />
        <TextField source="requestId" emptyText="–" />
        <FunctionField<AuditEntry>
          label="resources.audit-log.fields.before"
          render={(r) => (
            <Box>
              <Typography variant="caption" color="text.secondary">
                {translate('app.audit.before_hint')}
              </Typography>
              <Snapshot value={r.before} />
            </Box>
          )}
        />
        <FunctionField<AuditEntry> label="resources.audit-log.fields.after" render={(r) => <Snapshot value={r.after} />} />
      </SimpleShowLayout>
    </Show>
  );
};
