import { CreateButton, Datagrid, DateField, List, ReferenceField, SearchInput, SelectField, SelectInput, TextField, TopToolbar, useCanAccess } from 'react-admin';
import { FilterButton } from '../savedViews/FilterButton';
import { SavedViewsButton } from '../savedViews/SavedViewsButton';
import { useDateLocale } from '../i18n/useDateLocale';
import { organisationTypeChoices } from './choices';
import { RecordLinkField } from '../layout/RecordLinkField';

const filters = [<SearchInput key="q" source="q" alwaysOn />, <SelectInput key="type" source="type" choices={organisationTypeChoices} alwaysOn />];

const Actions = () => {
  const { canAccess: mayCreate } = useCanAccess({ resource: 'organisations', action: 'create' });
  return (
    <TopToolbar>
      <FilterButton />
      <SavedViewsButton />
      {mayCreate && <CreateButton />}
    </TopToolbar>
  );
};

export const OrganisationList = () => {
  const dateLocale = useDateLocale();
  return (
    <List filters={filters} actions={<Actions />} sort={{ field: 'name', order: 'ASC' }} exporter={false}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <RecordLinkField source="name" />
        <SelectField source="type" choices={organisationTypeChoices} />
        <TextField source="ags" emptyText="–" />
        <ReferenceField source="programmeId" reference="programmes" link={false} />
        <DateField source="createdAt" locales={dateLocale} />
      </Datagrid>
    </List>
  );
};
