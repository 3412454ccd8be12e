import { Alert, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { EditButton, Show, SimpleShowLayout, TextField, TopToolbar, useCanAccess, useRecordContext, useTranslate } from 'react-admin';
import { isProgrammeRole, type Role } from '@genq/contracts';
import { session } from '../auth/authProvider';
import { PdfButton, documentPaths } from '../documents/PdfButton';
import { toMonthsAndDays } from './duration';
import type { Programme } from '.';

/** "3 Monate 14 Tage" for P3M14D; the ISO text as it is for durations with a time part. */
export const useFormatDuration = () => {
  const translate = useTranslate();
  return (iso: string | undefined): string => {
    if (!iso) return '–';
    if (iso.includes('T')) return iso;
    const parts = toMonthsAndDays(iso);
    if (!parts) return iso;
    const text = [
      parts.months ? translate('genq_programmes.duration.month_count', { smart_count: parts.months }) : '',
      parts.days ? translate('genq_programmes.duration.day_count', { smart_count: parts.days }) : '',
    ].filter(Boolean);
    return text.length > 0 ? text.join(' ') : translate('genq_programmes.duration.none');
  };
};

const CalendarTables = () => {
  const record = useRecordContext<Programme>();
  const translate = useTranslate();
  const format = useFormatDuration();
  const calendar = record?.calendar;
  if (!calendar) return null;
  const rows: Array<[string, string]> = [
    ['genq_programmes.implementation.duration', calendar.implementationPhase.duration],
    ['genq_programmes.implementation.annualReportEvery', calendar.implementationPhase.annualReportEvery],
    ['genq_programmes.implementation.reportDueWithin', calendar.implementationPhase.reportDueWithin],
    ['genq_programmes.reminders.before', calendar.reminders.before],
    ['genq_programmes.reminders.overdueEvery', calendar.reminders.overdueEvery],
    ['genq_programmes.reminders.escalateAfterOverdue', calendar.reminders.escalateAfterOverdue],
    ['genq_programmes.reminders.stalledAfterInactivity', calendar.reminders.stalledAfterInactivity],
    ['genq_programmes.certificateValidity', calendar.certificateValidity],
  ];
  return (
    <>
      <Typography variant="h6">{translate('genq_programmes.steps.title')}</Typography>
      <Table size="small" data-testid="calendar-steps">
        <TableHead>
          <TableRow>
            <TableCell>{translate('genq_programmes.steps.key')}</TableCell>
            <TableCell>{translate('genq_programmes.steps.name')}</TableCell>
            <TableCell>{translate('genq_programmes.steps.due')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {calendar.developmentPhase.steps.map((s) => (
            <TableRow key={s.key}>
              <TableCell>{s.key}</TableCell>
              <TableCell>{s.name}</TableCell>
              <TableCell>{format(s.dueAfter)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Table size="small" data-testid="calendar-periods" sx={{ mt: 2 }}>
        <TableBody>
          {rows.map(([label, value]) => (
            <TableRow key={label}>
              <TableCell>{translate(label)}</TableCell>
              <TableCell>{format(value)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
  );
};

/** The programme report is for the programme office, operators and viewers (the API refuses everyone else). */
export const mayReadProgrammeReport = () => !!session.user && isProgrammeRole(session.user.role as Role);

const ReportButton = () => {
  const record = useRecordContext<Programme>();
  if (!record || !mayReadProgrammeReport()) return null;
  return <PdfButton path={documentPaths.programmeReport(String(record.id))} filename={`programmbericht-${record.id}.pdf`} label="genq_programmes.report_pdf" />;
};

const Actions = () => {
  const { canAccess } = useCanAccess({ resource: 'programmes', action: 'edit' });
  return (
    <TopToolbar>
      <ReportButton />
      {canAccess ? <EditButton /> : null}
    </TopToolbar>
  );
};

const HelpText = () => {
  const translate = useTranslate();
  return <Alert severity="info">{translate('genq_programmes.help.calendar')}</Alert>;
};

export const ProgrammeShow = () => (
  <Show actions={<Actions />}>
    <SimpleShowLayout>
      <TextField source="id" label="genq_programmes.fields.id" />
      <TextField source="name" label="genq_programmes.fields.name" />
      <TextField source="catalogueId" label="genq_programmes.fields.catalogueId" />
      <TextField source="catalogueVersion" label="genq_programmes.fields.catalogueVersion" />
      <HelpText />
      <CalendarTables />
    </SimpleShowLayout>
  </Show>
);
