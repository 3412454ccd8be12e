import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import { IncidentList } from './IncidentList';

export { IncidentTile } from './IncidentTile';

export default {
  list: IncidentList,
  icon: ReportProblemIcon,
};
