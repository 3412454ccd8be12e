import {
  BooleanField,
  BooleanInput,
  CreateButton,
  Datagrid,
  EmailField,
  List,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectInput,
  TextField,
  TopToolbar,
  useCanAccess,
} from 'react-admin';
import { FilterButton } from '../savedViews/FilterButton';
import { SavedViewsButton } from '../savedViews/SavedViewsButton';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <ReferenceInput key="organisationId" source="organisationId" reference="organisations" sort={{ field: 'name', order: 'ASC' }} perPage={200} alwaysOn>
    <SelectInput optionText="name" />
  </ReferenceInput>,
  <BooleanInput key="signingAuthority" source="signingAuthority" />,
];

const Actions = () => {
  const { canAccess: mayCreate } = useCanAccess({ resource: 'people', action: 'create' });
  return (
    <TopToolbar>
      <FilterButton />
      <SavedViewsButton />
      {mayCreate && <CreateButton />}
    </TopToolbar>
  );
};

export const PersonList = () => {
  const { canAccess: mayEdit } = useCanAccess({ resource: 'people', action: 'edit' });
  return (
    <List filters={filters} actions={<Actions />} sort={{ field: 'name', order: 'ASC' }} exporter={false}>
      <Datagrid rowClick={mayEdit ? 'edit' : false} bulkActionButtons={false}>
        <TextField source="name" />
        <TextField source="role" emptyText="–" />
        <ReferenceField source="organisationId" reference="organisations" link="show" />
        <EmailField source="email" emptyText="–" />
        <TextField source="phone" emptyText="–" />
        <BooleanField source="signingAuthority" />
      </Datagrid>
    </List>
  );
};
