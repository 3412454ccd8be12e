import ApartmentIcon from '@mui/icons-material/Apartment';
import type { OrganisationDto } from '@genq/contracts';
import type { RaRecord } from 'react-admin';
import { OrganisationCreate } from './OrganisationCreate';
import { OrganisationList } from './OrganisationList';
import { OrganisationShow } from './OrganisationShow';

/** `OrganisationDto` of `@genq/contracts`, as a react-admin record. */
export interface Organisation extends RaRecord<string>, OrganisationDto {}

export default {
  list: OrganisationList,
  create: OrganisationCreate,
  show: OrganisationShow,
  icon: ApartmentIcon,
  recordRepresentation: (record: Organisation) => record.name,
};
