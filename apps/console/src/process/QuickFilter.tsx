import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import { Button, useListContext } from 'react-admin';

/**
 * A one-click filter such as "Stockende Quartiere": sets (or, when active, removes) one
 * filter value while keeping the others, and shows the matching filter input.
 */
export const QuickFilterButton = ({ label, source, value }: { label: string; source: string; value: unknown }) => {
  const { filterValues, displayedFilters, setFilters } = useListContext();
  const active = filterValues?.[source] === value;
  const toggle = () => {
    const { [source]: _removed, ...rest } = filterValues ?? {};
    if (active) setFilters(rest, { ...displayedFilters, [source]: false });
    else setFilters({ ...rest, [source]: value }, { ...displayedFilters, [source]: true });
  };
  return (
    <Button
      label={label}
      onClick={toggle}
      startIcon={<WarningAmberIcon />}
      variant={active ? 'contained' : 'text'}
      color="warning"
      aria-pressed={active}
    />
  );
};
