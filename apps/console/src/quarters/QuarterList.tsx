import { Datagrid, DateField, List, SearchInput, SelectInput, TextField, TextInput } from 'react-admin';
import { useDateLocale } from '../i18n/useDateLocale';
import { landChoices, phaseChoices } from './choices';
import { PhaseField } from './PhaseField';
import { StepField } from './StepField';

const quarterFilters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="land" source="land" choices={landChoices} translateChoice={false} />,
  <SelectInput key="phase" source="phase" choices={phaseChoices} />,
  <TextInput key="municipality" source="municipality" />,
  <TextInput key="programmeId" source="programmeId" />,
];

export const QuarterList = () => {
  const dateLocale = useDateLocale();
  return (
    <List filters={quarterFilters} sort={{ field: 'name', order: 'ASC' }} perPage={25}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="name" />
        <TextField source="municipality" />
        <TextField source="kreis" emptyText="–" />
        <TextField source="land" />
        <TextField source="housingCompany" />
        {/* Phase and step keys do not sort meaningfully as strings. */}
        <PhaseField source="phase" sortable={false} />
        <StepField source="currentStep" sortable={false} />
        <DateField source="createdAt" locales={dateLocale} options={{ dateStyle: 'medium' }} />
      </Datagrid>
    </List>
  );
};
