import { Box, Button, MenuItem, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { FILTER_FIELDS, type DashboardFilter, type Facets } from './api';

/** Land, Kreis, Kommune, Wohnungsunternehmen, Programm: selects filled with the values that occur. */
export const FilterBar = ({ filter, facets, onChange }: { filter: DashboardFilter; facets: Facets | undefined; onChange: (f: DashboardFilter) => void }) => {
  const translate = useTranslate();
  return (
    <Box role="search" aria-label={translate('genq_dashboard.filter.title')} sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, alignItems: 'center', mb: 2 }} data-testid="dashboard-filter">
      {FILTER_FIELDS.map((field) => {
        const options = facets?.[field] ?? [];
        const value = filter[field] ?? '';
        // A value chosen before stays selectable even when the facets no longer list it.
        const all = value && !options.includes(value) ? [value, ...options] : options;
        return (
          <TextField
            key={field}
            select
            size="small"
            label={translate(`genq_dashboard.filter.${field}`)}
            value={value}
            onChange={(e) => onChange({ ...filter, [field]: e.target.value || undefined })}
            fullWidth={false}
            sx={{ width: 220 }}
            slotProps={{ select: { inputProps: { 'data-testid': `dashboard-filter-${field}` } } }}
          >
            <MenuItem value="">
              <em>{translate('genq_dashboard.filter.all')}</em>
            </MenuItem>
            {all.map((v) => (
              <MenuItem key={v} value={v}>
                {v}
              </MenuItem>
            ))}
          </TextField>
        );
      })}
      <Button size="small" onClick={() => onChange({})} disabled={Object.values(filter).every((v) => !v)}>
        {translate('genq_dashboard.filter.reset')}
      </Button>
    </Box>
  );
};
