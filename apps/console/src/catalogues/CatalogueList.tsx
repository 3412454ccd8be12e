import { CreateButton, Datagrid, DateField, List, NumberField, TextField, TopToolbar, useCanAccess } from 'react-admin';
import { useDateLocale } from '../i18n/useDateLocale';
import { RecordLinkField } from '../layout/RecordLinkField';

const Actions = () => {
  const { canAccess } = useCanAccess({ resource: 'catalogues', action: 'create' });
  return <TopToolbar>{canAccess ? <CreateButton label="genq_catalogues.create.button" /> : null}</TopToolbar>;
};

/** Catalogue versions, newest first; a version is never changed, a new one is added. */
export const CatalogueList = () => {
  const dateLocale = useDateLocale();
  return (
    <List sort={{ field: 'createdAt', order: 'DESC' }} exporter={false} actions={<Actions />}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="catalogueId" label="genq_catalogues.fields.catalogueId" />
        <TextField source="version" label="genq_catalogues.fields.version" />
        <RecordLinkField source="title" label="genq_catalogues.fields.title" />
        <NumberField source="actionFields" label="genq_catalogues.fields.actionFields" sortable={false} locales={dateLocale} />
        <NumberField source="criteria" label="genq_catalogues.fields.criteria" sortable={false} locales={dateLocale} />
        <NumberField source="indicators" label="genq_catalogues.fields.indicators" sortable={false} locales={dateLocale} />
        <DateField source="createdAt" label="genq_catalogues.fields.createdAt" showTime locales={dateLocale} />
      </Datagrid>
    </List>
  );
};
