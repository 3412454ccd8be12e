import { NOTIFICATION_KINDS } from '@genq/contracts';
import { Datagrid, DateField, FunctionField, List, ReferenceField, SelectInput, TextField, TextInput, TopToolbar, useRecordContext, useTranslate } from 'react-admin';
import { FilterButton } from '../savedViews/FilterButton';
import { SavedViewsButton } from '../savedViews/SavedViewsButton';
import type { FieldProps } from 'react-admin';
import { DeadLetterAlert } from '../deadLetters';
import { useDateLocale } from '../i18n/useDateLocale';
import { deadlineLabel } from '../process/deadlineLabel';
import { ExportAllCsvButton } from '../process/ExportAllCsvButton';
import type { ExportField } from '../process/exportAll';
import type { NotificationRecord } from './types';

const KINDS = NOTIFICATION_KINDS;
const STATUSES = ['pending', 'sent', 'not_mailed'] as const;

const filters = [
  <SelectInput key="kind" source="kind" choices={KINDS.map((k) => ({ id: k, name: `resources.notifications.kinds.${k}` }))} />,
  <SelectInput key="status" source="status" choices={STATUSES.map((s) => ({ id: s, name: `resources.notifications.statuses.${s}` }))} />,
  <TextInput key="quarterId" source="quarterId" />,
  <TextInput key="deadlineKey" source="deadlineKey" />,
];

const Translated = ({ source, prefix }: FieldProps<NotificationRecord> & { source: 'kind' | 'status'; prefix: string }) => {
  const record = useRecordContext<NotificationRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return <>{translate(`${prefix}.${record[source]}`, { _: record[source] })}</>;
};

const exportFields: ExportField<NotificationRecord>[] = [
  { source: 'createdAt' },
  { source: 'quarterId' },
  { source: 'kind', as: { prefix: 'resources.notifications.kinds' } },
  { source: 'deadlineKey', as: 'deadline' },
  { source: 'recipientName' },
  { source: 'recipientEmail' },
  { source: 'subject' },
  { source: 'status', as: { prefix: 'resources.notifications.statuses' } },
  { source: 'sentAt' },
];

const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <SavedViewsButton />
    <ExportAllCsvButton fields={exportFields} filename="genq-benachrichtigungen" />
  </TopToolbar>
);

/** The notification outbox: every reminder and escalation the process sent, newest first. */
export const NotificationList = () => {
  const dateLocale = useDateLocale();
  const translate = useTranslate();
  return (
    <>
      <DeadLetterAlert />
      <List filters={filters} actions={<Actions />} sort={{ field: 'createdAt', order: 'DESC' }} perPage={50} exporter={false}>
        <Datagrid bulkActionButtons={false} rowClick={false}>
          <DateField source="createdAt" showTime locales={dateLocale} />
          <ReferenceField source="quarterId" reference="quarters" link="show" />
          <Translated source="kind" prefix="resources.notifications.kinds" label="resources.notifications.fields.kind" />
          <FunctionField<NotificationRecord> source="deadlineKey" sortable={false} render={(r) => (r.deadlineKey ? deadlineLabel(r.deadlineKey, translate) : '–')} />
          <TextField source="recipientName" emptyText="–" sortable={false} />
          <TextField source="subject" sortable={false} />
          <Translated source="status" prefix="resources.notifications.statuses" label="resources.notifications.fields.status" />
          <DateField source="sentAt" showTime locales={dateLocale} emptyText="–" sortable={false} />
        </Datagrid>
      </List>
    </>
  );
};
