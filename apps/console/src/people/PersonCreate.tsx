import { Create } from 'react-admin';
import { PersonForm, personBody } from './PersonForm';

export const PersonCreate = () => (
  <Create redirect="list" transform={personBody}>
    <PersonForm />
  </Create>
);
