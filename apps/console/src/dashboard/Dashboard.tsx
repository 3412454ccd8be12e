import { Box, Card, CardActionArea, CardContent, Skeleton, Typography } from '@mui/material';
import { LinkBase, Title, useCreatePath, useGetList, useTranslate } from 'react-admin';
import { PHASES } from '../quarters/domain';
import type { Phase, Quarter } from '../quarters/domain';

/**
 * Counts from the quarters list endpoint, one request per phase asking for a single row and
 * reading the total. Interim: a read-model endpoint with all counts at once replaces this.
 */
const useQuarterCount = (filter: { phase?: Phase }) => {
  const { total, isPending, error } = useGetList<Quarter>('quarters', {
    filter,
    pagination: { page: 1, perPage: 1 },
    sort: { field: 'name', order: 'ASC' },
  });
  return { total, isPending, error };
};

const CountCard = ({ label, filter }: { label: string; filter: { phase?: Phase } }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { total, isPending, error } = useQuarterCount(filter);
  const listPath = createPath({ resource: 'quarters', type: 'list' });
  const to = filter.phase ? `${listPath}?filter=${encodeURIComponent(JSON.stringify(filter))}` : listPath;

  return (
    <Card variant="outlined" sx={{ height: '100%' }}>
      <CardActionArea component={LinkBase} to={to} sx={{ height: '100%' }}>
        <CardContent>
        <Typography variant="body2" color="text.secondary" gutterBottom>
          {label}
        </Typography>
        {isPending ? (
          <Skeleton variant="text" width={48} sx={{ fontSize: '2.5rem' }} />
        ) : error || total === undefined ? (
          <Typography variant="body2" color="text.secondary" title={translate('app.dashboard.unavailable')}>
            {translate('app.dashboard.unavailable')}
          </Typography>
        ) : (
          <Typography variant="h4" component="p">
            {total}
          </Typography>
        )}
        </CardContent>
      </CardActionArea>
    </Card>
  );
};

export const Dashboard = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 2 }}>
      <Title title="app.dashboard.title" />
      <Typography variant="h6" component="h2" sx={{ mb: 2 }}>
        {translate('app.dashboard.subtitle')}
      </Typography>
      <Box
        sx={{
          display: 'grid',
          gap: 2,
          gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))',
        }}
      >
        <CountCard label={translate('app.dashboard.total')} filter={{}} />
        {PHASES.map((phase) => (
          <CountCard key={phase} label={translate(`process.phase.${phase}`)} filter={{ phase }} />
        ))}
      </Box>
    </Box>
  );
};
