import { Create, ReferenceInput, SelectInput, SimpleForm, TextInput, maxLength, regex, required } from 'react-admin';
import { organisationTypeChoices } from './choices';

/** Registers an organisation in a programme; the gateway's field errors land next to the inputs. */
export const OrganisationCreate = () => (
  <Create redirect="show">
    <SimpleForm>
      <TextInput source="name" validate={[required(), maxLength(200)]} fullWidth />
      <SelectInput source="type" choices={organisationTypeChoices} validate={required()} />
      <TextInput source="ags" validate={regex(/^\d{8}$/, 'genq_organisations.validation.ags')} />
      <ReferenceInput source="programmeId" reference="programmes" sort={{ field: 'name', order: 'ASC' }} perPage={100}>
        <SelectInput optionText="name" validate={required()} />
      </ReferenceInput>
    </SimpleForm>
  </Create>
);
