import MenuBookIcon from '@mui/icons-material/MenuBook';
import type { RaRecord } from 'react-admin';
import { ProgrammeEdit } from './ProgrammeEdit';
import { ProgrammeList } from './ProgrammeList';
import { ProgrammeShow } from './ProgrammeShow';

/** One step of the development phase; `dueAfter` is an ISO-8601 duration from the phase's start. */
export interface CalendarStep {
  key: string;
  name: string;
  dueAfter: string;
}

/** Mirrors `ProgrammeDto` in `@genq/contracts`: durations stay ISO-8601 strings, as the API stores them. */
export interface Programme extends RaRecord<string> {
  name: string;
  catalogueId?: string;
  catalogueVersion?: string;
  calendar?: {
    developmentPhase: { steps: CalendarStep[] };
    implementationPhase: { duration: string; annualReportEvery: string; reportDueWithin: string };
    reminders: { before: string; overdueEvery: string; escalateAfterOverdue: string; stalledAfterInactivity: string };
    certificateValidity: string;
  };
}

export default {
  list: ProgrammeList,
  show: ProgrammeShow,
  edit: ProgrammeEdit,
  icon: MenuBookIcon,
  recordRepresentation: (record: Programme) => record.name,
};
