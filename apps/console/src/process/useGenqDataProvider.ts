import { useDataProvider } from 'react-admin';
import type { GenqDataProvider } from '../providers/dataProvider';

/** The data provider with the process methods (getProcess, intervene, batches). */
export const useGenqDataProvider = () => useDataProvider<GenqDataProvider>();
