import HomeWorkIcon from '@mui/icons-material/HomeWork';
import type { Quarter } from './domain';
import { QuarterCreate } from './QuarterCreate';
import { QuarterList } from './QuarterList';
import { QuarterShow } from './QuarterShow';

export default {
  list: QuarterList,
  create: QuarterCreate,
  show: QuarterShow,
  icon: HomeWorkIcon,
  recordRepresentation: (record: Quarter) => record.name,
};
