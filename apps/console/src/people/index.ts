import PersonIcon from '@mui/icons-material/Person';
import type { PersonDto } from '@genq/contracts';
import type { RaRecord } from 'react-admin';
import { PersonCreate } from './PersonCreate';
import { PersonEdit } from './PersonEdit';
import { PersonList } from './PersonList';

/** `PersonDto` of `@genq/contracts`, as far as the console reads it. */
export interface Person
  extends RaRecord<string>,
    Pick<PersonDto, 'organisationId' | 'name' | 'role' | 'email' | 'phone' | 'signingAuthority' | 'accountId'> {}

export default {
  list: PersonList,
  create: PersonCreate,
  edit: PersonEdit,
  icon: PersonIcon,
  recordRepresentation: (record: Person) => record.name,
};
