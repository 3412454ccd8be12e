import PersonIcon from '@mui/icons-material/Person';
import type { RaRecord } from 'react-admin';
import { PersonCreate } from './PersonCreate';
import { PersonEdit } from './PersonEdit';
import { PersonList } from './PersonList';

/** Mirrors `PersonDto` in `@genq/contracts`. */
export interface Person extends RaRecord<string> {
  organisationId: string;
  name: string;
  role: string | null;
  email: string | null;
  phone: string | null;
  signingAuthority: boolean;
  accountId: string | null;
}

export default {
  list: PersonList,
  create: PersonCreate,
  edit: PersonEdit,
  icon: PersonIcon,
  recordRepresentation: (record: Person) => record.name,
};
