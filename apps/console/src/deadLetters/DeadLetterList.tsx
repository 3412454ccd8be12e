import { Datagrid, DateField, List, NumberField, ReferenceField, TextField } from 'react-admin';
import { useDateLocale } from '../i18n/useDateLocale';

/**
 * Events a consumer gave up on after repeated failures (the dead letters of the event
 * stream), newest first: which fact, for which quarter, which consumer, and why. An operator
 * fixes the cause and reports the fact again through its route.
 */
export const DeadLetterList = () => {
  const dateLocale = useDateLocale();
  return (
    <List perPage={25} exporter={false} sort={{ field: 'failedAt', order: 'DESC' }}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <DateField source="failedAt" showTime locales={dateLocale} sortable={false} />
        <TextField source="consumer" sortable={false} />
        <TextField source="eventType" emptyText="–" sortable={false} />
        <ReferenceField source="quarterId" reference="quarters" link="show" emptyText="–" sortable={false} />
        <TextField source="error" sortable={false} />
        <NumberField source="deliveries" sortable={false} />
        <TextField source="eventId" emptyText="–" sortable={false} />
      </Datagrid>
    </List>
  );
};
