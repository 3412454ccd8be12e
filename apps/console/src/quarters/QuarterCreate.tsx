import { Create, ReferenceInput, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { landChoices } from './choices';
import {
  validateHousingCompany,
  validateKreis,
  validateLand,
  validateMunicipality,
  validateName,
  validateProgramme,
} from './validation';

/**
 * Admitting a quarter. Create runs pessimistically (react-admin's default), so a 400 from the
 * gateway with `{ errors: { field: message } }` lands next to the inputs instead of in a toast.
 */
export const QuarterCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      <TextInput source="name" validate={validateName} fullWidth />
      <TextInput source="municipality" validate={validateMunicipality} />
      <TextInput source="kreis" validate={validateKreis} helperText="resources.quarters.helper.kreis" />
      <SelectInput source="land" choices={landChoices} translateChoice={false} validate={validateLand} />
      <TextInput source="housingCompany" validate={validateHousingCompany} fullWidth />
      <ReferenceInput source="programmeId" reference="programmes" sort={{ field: 'name', order: 'ASC' }} perPage={100}>
        <SelectInput optionText="name" validate={validateProgramme} />
      </ReferenceInput>
    </SimpleForm>
  </Create>
);
