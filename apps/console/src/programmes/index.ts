import MenuBookIcon from '@mui/icons-material/MenuBook';
import type { RaRecord } from 'react-admin';
import { ProgrammeList } from './ProgrammeList';

/** Mirrors `ProgrammeDto` in `@genq/contracts` (the list shows what an operator needs to tell programmes apart). */
export interface Programme extends RaRecord<string> {
  name: string;
  catalogueId?: string;
  catalogueVersion?: string;
}

export default {
  list: ProgrammeList,
  icon: MenuBookIcon,
  recordRepresentation: (record: Programme) => record.name,
};
