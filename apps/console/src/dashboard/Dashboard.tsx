import { Box, Card, CardActionArea, CardContent, CardHeader, List, ListItemButton, ListItemText, Skeleton, Typography } from '@mui/material';
import { LinkBase, Title, useCreatePath, useGetList, useTranslate } from 'react-admin';
import { useDateLocale } from '../i18n/useDateLocale';
import { PHASES, STEP_KEYS } from '../quarters/domain';
import type { Phase, Quarter } from '../quarters/domain';

/**
 * Counts from the quarters list endpoint (the read model), one request per card asking for a
 * single row and reading the total. Interim: a read-model endpoint with all counts at once
 * would replace this.
 */
type CountFilter = { phase?: Phase; currentStep?: string; stalled?: boolean; overdue?: boolean };

const useQuarterCount = (filter: CountFilter) => {
  const { total, isPending, error } = useGetList<Quarter>('quarters', {
    filter,
    pagination: { page: 1, perPage: 1 },
    sort: { field: 'name', order: 'ASC' },
  });
  return { total, isPending, error };
};

const CountCard = ({ label, filter }: { label: string; filter: CountFilter }) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { total, isPending, error } = useQuarterCount(filter);
  const listPath = createPath({ resource: 'quarters', type: 'list' });
  const to = Object.keys(filter).length > 0 ? `${listPath}?filter=${encodeURIComponent(JSON.stringify(filter))}` : listPath;

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

/**
 * A list of quarters from the read model (the quarters list endpoint), never one process
 * call per quarter: stalled, overdue, or due soon.
 */
const QuarterPanel = ({
  title,
  filter,
  sort,
  line,
  within,
  testId,
}: {
  title: string;
  filter: CountFilter;
  sort: { field: string; order: 'ASC' | 'DESC' };
  line: (q: Quarter, date: (iso: string | null | undefined) => string) => { primary: string; secondary: string };
  within?: (q: Quarter) => boolean;
  testId: string;
}) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const dateLocale = useDateLocale();
  const { data, total, isPending, error } = useGetList<Quarter>('quarters', { filter, sort, pagination: { page: 1, perPage: within ? 100 : 10 } });
  const rows = (data ?? []).filter((q) => (within ? within(q) : true)).slice(0, 10);
  const date = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleDateString(dateLocale, { dateStyle: 'medium' }) : '–');
  const listPath = createPath({ resource: 'quarters', type: 'list' });
  return (
    <Card variant="outlined" data-testid={testId}>
      <CardHeader title={title} titleTypographyProps={{ variant: 'subtitle1' }} subheader={within || total === undefined ? undefined : String(total)} />
      <CardContent sx={{ pt: 0 }}>
        {isPending ? (
          <Skeleton variant="rectangular" height={80} />
        ) : error ? (
          <Typography variant="body2" color="text.secondary">
            {translate('app.dashboard.unavailable')}
          </Typography>
        ) : rows.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {translate('app.dashboard.none')}
          </Typography>
        ) : (
          <List dense disablePadding>
            {rows.map((q) => (
              <ListItemButton key={q.id} component={LinkBase} to={createPath({ resource: 'quarters', type: 'show', id: q.id })}>
                <ListItemText {...line(q, date)} />
              </ListItemButton>
            ))}
            {!within && total !== undefined && total > rows.length && (
              <ListItemButton component={LinkBase} to={`${listPath}?filter=${encodeURIComponent(JSON.stringify(filter))}`}>
                <ListItemText primary={translate('app.dashboard.show_all')} />
              </ListItemButton>
            )}
          </List>
        )}
      </CardContent>
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
        <CountCard label={translate('app.dashboard.stalled')} filter={{ stalled: true }} />
        <CountCard label={translate('app.dashboard.overdue')} filter={{ overdue: true }} />
      </Box>
      <Typography variant="h6" component="h2" sx={{ mt: 3, mb: 2 }}>
        {translate('app.dashboard.per_step')}
      </Typography>
      <Box sx={{ display: 'grid', gap: 2, gridTemplateColumns: 'repeat(auto-fill, minmax(200px, 1fr))' }}>
        {STEP_KEYS.map((step) => (
          <CountCard key={step} label={translate(`process.step.${step}`)} filter={{ phase: 'development', currentStep: step }} />
        ))}
      </Box>
      <Box sx={{ display: 'grid', gap: 2, mt: 3, gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))' }}>
        <QuarterPanel
          testId="dashboard-stalled"
          title={translate('app.dashboard.stalled')}
          filter={{ stalled: true }}
          sort={{ field: 'stalledSince', order: 'ASC' }}
          line={(q, date) => ({
            primary: q.name,
            secondary: `${translate('app.dashboard.since', { date: date(q.stalledSince) })} – ${q.stalledReason ?? ''}`,
          })}
        />
        <QuarterPanel
          testId="dashboard-overdue"
          title={translate('app.dashboard.overdue')}
          filter={{ overdue: true }}
          sort={{ field: 'overdueSince', order: 'ASC' }}
          line={(q, date) => ({
            primary: q.name,
            secondary: `${translate('app.dashboard.since', { date: date(q.overdueSince) })}${q.currentStep ? ` – ${translate(`process.step.${q.currentStep}`, { _: q.currentStep })}` : ''}`,
          })}
        />
        <QuarterPanel
          testId="dashboard-upcoming"
          title={translate('app.dashboard.upcoming')}
          filter={{ overdue: false }}
          sort={{ field: 'nextDueAt', order: 'ASC' }}
          within={(q) => !!q.nextDueAt && new Date(q.nextDueAt).getTime() <= Date.now() + 30 * 86_400_000}
          line={(q, date) => ({
            primary: q.name,
            secondary: translate('app.dashboard.due', { date: date(q.nextDueAt) }),
          })}
        />
      </Box>
    </Box>
  );
};
