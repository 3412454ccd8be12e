import { Datagrid, EmailField, FunctionField, List, ReferenceField, SearchInput, SelectInput, TextField, TopToolbar, useCanAccess, useTranslate } from 'react-admin';
import { ROLES } from '@genq/contracts';
import { FilterButton } from '../savedViews/FilterButton';
import { SavedViewsButton } from '../savedViews/SavedViewsButton';
import type { Account } from './index';

const RoleField = () => {
  const translate = useTranslate();
  return <FunctionField<Account> source="role" render={(a) => translate(`app.roles.${a.role}`, { _: a.role })} />;
};

const StatusField = () => {
  const translate = useTranslate();
  return <FunctionField<Account> source="disabled" sortable={false} render={(a) => translate(a.disabled ? 'genq_accounts.deactivated' : 'genq_accounts.active')} />;
};

const RoleFilter = () => {
  const translate = useTranslate();
  return <SelectInput source="role" choices={ROLES.map((r) => ({ id: r, name: translate(`app.roles.${r}`) }))} alwaysOn />;
};

// Own actions: react-admin's default ones would bring its filter button with its own saved queries.
const Actions = () => (
  <TopToolbar>
    <FilterButton />
    <SavedViewsButton />
  </TopToolbar>
);

/** The accounts of the programme office's programmes and their organisations. */
export const AccountList = () => {
  const { canAccess: mayEdit } = useCanAccess({ resource: 'accounts', action: 'edit' });
  return (
    <List filters={[<SearchInput key="q" source="q" alwaysOn />, <RoleFilter key="role" />]} actions={<Actions />} sort={{ field: 'email', order: 'ASC' }} exporter={false}>
      <Datagrid rowClick={mayEdit ? 'edit' : false} bulkActionButtons={false}>
        <EmailField source="email" />
        <TextField source="displayName" />
        <RoleField />
        <ReferenceField source="organisationId" reference="organisations" link={false} emptyText="–" />
        <StatusField />
      </Datagrid>
    </List>
  );
};
