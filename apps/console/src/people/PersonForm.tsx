import { BooleanInput, ReferenceInput, SelectInput, SimpleForm, TextInput, email, maxLength, regex, required } from 'react-admin';

const validatePhone = regex(/^\+?[0-9 ()/-]{3,40}$/, 'genq_people.validation.phone');

/** The editable fields of a person, for create and edit alike. */
export const PersonForm = () => (
  <SimpleForm>
    <ReferenceInput source="organisationId" reference="organisations" sort={{ field: 'name', order: 'ASC' }} perPage={200}>
      <SelectInput optionText="name" validate={required()} />
    </ReferenceInput>
    <TextInput source="name" validate={[required(), maxLength(200)]} fullWidth />
    <TextInput source="role" validate={maxLength(200)} fullWidth />
    <TextInput source="email" validate={[email(), maxLength(320)]} />
    <TextInput source="phone" validate={validatePhone} />
    <BooleanInput source="signingAuthority" helperText="genq_people.signing_help" />
    <TextInput source="accountId" helperText="genq_people.account_help" />
  </SimpleForm>
);

/** Only the editable fields go to the gateway (it refuses unknown ones); blanks are left out. */
export function personBody(data: Record<string, unknown>): Record<string, unknown> {
  const body: Record<string, unknown> = { signingAuthority: Boolean(data.signingAuthority) };
  for (const key of ['organisationId', 'name', 'role', 'email', 'phone', 'accountId']) {
    const value = data[key];
    if (typeof value === 'string' && value.trim() !== '') body[key] = value.trim();
  }
  return body;
}
