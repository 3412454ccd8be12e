import { Edit } from 'react-admin';
import { PersonForm, personBody } from './PersonForm';

/** Saves pessimistically, so the gateway's field errors land next to the inputs. */
export const PersonEdit = () => (
  <Edit mutationMode="pessimistic" transform={personBody}>
    <PersonForm />
  </Edit>
);
