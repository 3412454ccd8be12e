import LibraryBooksIcon from '@mui/icons-material/LibraryBooks';
import { CatalogueCreate } from './CatalogueCreate';
import { CatalogueList } from './CatalogueList';
import { CatalogueShow } from './CatalogueShow';
import type { CatalogueVersion } from './types';

export default {
  list: CatalogueList,
  show: CatalogueShow,
  create: CatalogueCreate,
  icon: LibraryBooksIcon,
  recordRepresentation: (record: CatalogueVersion) => `${record.title} (${record.version})`,
};
