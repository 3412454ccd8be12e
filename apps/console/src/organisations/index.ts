import ApartmentIcon from '@mui/icons-material/Apartment';
import type { RaRecord } from 'react-admin';
import { OrganisationCreate } from './OrganisationCreate';
import { OrganisationList } from './OrganisationList';
import { OrganisationShow } from './OrganisationShow';

/** Mirrors `OrganisationDto` in `@genq/contracts`. */
export interface Organisation extends RaRecord<string> {
  name: string;
  type: string;
  ags: string | null;
  programmeId: string;
  createdAt: string;
}

export default {
  list: OrganisationList,
  create: OrganisationCreate,
  show: OrganisationShow,
  icon: ApartmentIcon,
  recordRepresentation: (record: Organisation) => record.name,
};
