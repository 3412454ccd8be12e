import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import { DeadLetterList } from './DeadLetterList';

export { DeadLetterAlert } from './DeadLetterAlert';

export default {
  list: DeadLetterList,
  icon: ReportProblemIcon,
};
