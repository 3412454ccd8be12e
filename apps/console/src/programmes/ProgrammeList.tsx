import { Datagrid, List, TextField } from 'react-admin';

export const ProgrammeList = () => (
  <List sort={{ field: 'name', order: 'ASC' }} exporter={false}>
    <Datagrid rowClick="show" bulkActionButtons={false}>
      <TextField source="id" />
      <TextField source="name" />
      <TextField source="catalogueVersion" />
    </Datagrid>
  </List>
);
