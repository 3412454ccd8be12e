import MenuBookIcon from '@mui/icons-material/MenuBook';
import type { ProgrammeDto } from '@genq/contracts';
import type { RaRecord } from 'react-admin';
import { ProgrammeEdit } from './ProgrammeEdit';
import { ProgrammeList } from './ProgrammeList';
import { ProgrammeShow } from './ProgrammeShow';

/** One step of the development phase; `dueAfter` is an ISO-8601 duration from the phase's start. */
export type CalendarStep = ProgrammeDto['calendar']['developmentPhase']['steps'][number];

/** `ProgrammeDto` of `@genq/contracts` (durations stay ISO-8601 strings, as the API stores them); a form's record may lack all but the name. */
export interface Programme extends RaRecord<string>, Pick<ProgrammeDto, 'name'>, Partial<Pick<ProgrammeDto, 'catalogueId' | 'catalogueVersion' | 'calendar'>> {}

export default {
  list: ProgrammeList,
  show: ProgrammeShow,
  edit: ProgrammeEdit,
  icon: MenuBookIcon,
  recordRepresentation: (record: Programme) => record.name,
};
