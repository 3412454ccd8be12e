// The one place that may use react-admin's button: see the console's eslint config.
// eslint-disable-next-line @typescript-eslint/no-restricted-imports
import { FilterButton as RaFilterButton, type FilterButtonProps } from 'react-admin';

/**
 * react-admin's filter button without its own "save current query" (kept in the browser's
 * storage, so lost on another computer, and a second way beside ours). Saved views are the
 * server's, with unique names per person and a menu entry: see {@link SavedViewsButton}.
 */
export const FilterButton = (props: FilterButtonProps) => <RaFilterButton {...props} disableSaveQuery />;
