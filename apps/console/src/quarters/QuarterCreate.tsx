import { Create, ReferenceInput, SelectInput, SimpleForm, TextInput } from 'react-admin';
import { OrganisationNameInput } from '../organisations/OrganisationNameInput';
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
 * The programme comes first: the municipality and the housing company are picked from its
 * organisations (or registered there on the spot), so one company is not written two ways.
 */
export const QuarterCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      <ReferenceInput source="programmeId" reference="programmes" sort={{ field: 'name', order: 'ASC' }} perPage={100}>
        <SelectInput optionText="name" validate={validateProgramme} />
      </ReferenceInput>
      <TextInput source="name" validate={validateName} fullWidth />
      <OrganisationNameInput source="municipality" type="municipality" validate={validateMunicipality} />
      <TextInput source="kreis" validate={validateKreis} helperText="resources.quarters.helper.kreis" />
      <SelectInput source="land" choices={landChoices} translateChoice={false} validate={validateLand} />
      <OrganisationNameInput source="housingCompany" type="housing_company" validate={validateHousingCompany} />
    </SimpleForm>
  </Create>
);
