import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { DateField, FunctionField, Show, SimpleShowLayout, TextField, useLocaleState, useTranslate } from 'react-admin';
import { useDateLocale } from '../i18n/useDateLocale';
import { asLocale } from '../providers/problems';
import type { AuditEntry } from './index';
import { AuditAction, AuditResource } from './labels';
import { recordValueWord, snapshotRows, type SayValue } from '@genq/contracts';

/** Before and after side by side, one field a line, in the user's language; changed fields first and marked. */
export const SnapshotTable = ({ entry }: { entry: AuditEntry }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const dateLocale = useDateLocale();
  const say: SayValue = {
    locale: asLocale(locale),
    names: entry.names ?? {},
    word: (field, value) => recordValueWord(field, value, asLocale(locale)),
    formatDate: (iso, withTime) =>
      withTime
        ? new Date(iso).toLocaleString(dateLocale, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' })
        : new Date(`${iso}T00:00:00Z`).toLocaleDateString(dateLocale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }),
  };
  const rows = snapshotRows(entry.before, entry.after, say);
  if (rows.length === 0) return <Typography variant="body2">–</Typography>;
  return (
    <Table size="small" data-testid="audit-snapshot" sx={{ maxWidth: 1100 }}>
      <TableHead>
        <TableRow>
          <TableCell sx={{ width: '25%' }}>{translate('app.audit.field')}</TableCell>
          <TableCell sx={{ width: '37%' }}>{translate('resources.audit-log.fields.before')}</TableCell>
          <TableCell sx={{ width: '38%' }}>{translate('resources.audit-log.fields.after')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.key} sx={row.changed ? { bgcolor: 'action.hover' } : undefined}>
            <TableCell component="th" scope="row" sx={{ fontWeight: row.changed ? 600 : 400 }}>
              {row.label}
            </TableCell>
            <TableCell sx={{ wordBreak: 'break-word' }}>{row.before}</TableCell>
            <TableCell sx={{ wordBreak: 'break-word' }}>{row.after}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

export const AuditLogShow = () => {
  const dateLocale = useDateLocale();
  const translate = useTranslate();
  return (
    <Show>
      <SimpleShowLayout>
        <DateField source="at" showTime locales={dateLocale} />
        <TextField source="actorEmail" emptyText="System" />
        <FunctionField<AuditEntry> source="actorRole" render={(r) => translate(`app.roles.${r.actorRole}`, { _: r.actorRole })} />
        <FunctionField<AuditEntry> source="action" render={(r) => <AuditAction action={r.action} />} />
        <FunctionField<AuditEntry>
          source="resourceType"
          render={(r) => (
            <span>
              <AuditResource type={r.resourceType} />
              {r.resourceId && r.names?.[r.resourceId] ? ` „${r.names[r.resourceId]}“` : ''}
            </span>
          )}
        />
        <FunctionField<AuditEntry> source="quarterId" render={(r) => (r.quarterId ? (r.names?.[r.quarterId] ?? r.quarterId) : '–')} />
        <FunctionField<AuditEntry> source="programmeId" render={(r) => (r.programmeId ? (r.names?.[r.programmeId] ?? r.programmeId) : '–')} />
        <TextField source="reason" emptyText="–" />
        <FunctionField<AuditEntry>
          label="app.audit.changes"
          render={(r) => (
            <Box>
              <Typography variant="caption" color="text.secondary">
                {translate('app.audit.before_hint')}
              </Typography>
              <SnapshotTable entry={r} />
            </Box>
          )}
        />
        <TextField source="resourceId" emptyText="–" />
        <TextField source="requestId" emptyText="–" />
      </SimpleShowLayout>
    </Show>
  );
};
