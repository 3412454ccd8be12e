import { useEffect, useState } from 'react';
import { Alert, Box, Card, CardActionArea, CardContent, CardHeader, List, ListItemButton, ListItemText, Skeleton, Typography } from '@mui/material';
import { LinkBase, Title, useCreatePath, useNavigate, useStore, useTranslate } from 'react-admin';
import { useDateLocale } from '../i18n/useDateLocale';
import { PHASES, STEP_KEYS } from '../quarters/domain';
import { cleanFilter, fetchDashboard, useFacets, type Dashboard as DashboardData, type DashboardFilter, type QuarterLine } from './api';
import { BarChart, StackedBarChart, STATUS_COLOURS, type Bar } from './charts';
import { FilterBar } from './FilterBar';
import { IncidentTile } from '../incidents';

/** The quarter list filtered by the dashboard filter and one more condition. */
const useListLink = (filter: DashboardFilter) => {
  const createPath = useCreatePath();
  const listPath = createPath({ resource: 'quarters', type: 'list' });
  return (extra: Record<string, unknown> = {}) => {
    const f = { ...cleanFilter(filter), ...extra };
    return Object.keys(f).length > 0 ? `${listPath}?filter=${encodeURIComponent(JSON.stringify(f))}` : listPath;
  };
};

/** The deadlines the dashboard counts as upcoming (from now to 30 days ahead, as GET /api/dashboard counts them), as a list filter. */
const nextThirtyDays = () => {
  const now = new Date();
  return { nextDueAfter: now.toISOString(), nextDueBefore: new Date(now.getTime() + 30 * 86_400_000).toISOString() };
};

const CountCard = ({ label, value, to, testId }: { label: string; value: number | undefined; to?: string; testId: string }) => {
  const dateLocale = useDateLocale();
  const body = (
    <CardContent>
      <Typography variant="body2" color="text.secondary" gutterBottom>
        {label}
      </Typography>
      {value === undefined ? (
        <Skeleton variant="text" width={48} sx={{ fontSize: '2.5rem' }} />
      ) : (
        <Typography variant="h4" component="p" data-testid={`${testId}-value`} data-value={value}>
          {value.toLocaleString(dateLocale)}
        </Typography>
      )}
    </CardContent>
  );
  return (
    <Card variant="outlined" sx={{ height: '100%' }} data-testid={testId}>
      {to ? (
        <CardActionArea component={LinkBase} to={to} sx={{ height: '100%' }}>
          {body}
        </CardActionArea>
      ) : (
        body
      )}
    </Card>
  );
};

/** A list of up to ten quarters with a date line, linking to each quarter and to the whole filtered list. */
const QuarterPanel = ({
  title,
  count,
  rows,
  secondary,
  allTo,
  testId,
}: {
  title: string;
  count: number | undefined;
  rows: QuarterLine[] | undefined;
  secondary: (q: QuarterLine) => string;
  allTo: string;
  testId: string;
}) => {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const dateLocale = useDateLocale();
  return (
    <Card variant="outlined" data-testid={testId}>
      <CardHeader title={title} titleTypographyProps={{ variant: 'subtitle1' }} subheader={count === undefined ? undefined : count.toLocaleString(dateLocale)} />
      <CardContent sx={{ pt: 0 }}>
        {rows === undefined ? (
          <Skeleton variant="rectangular" height={80} />
        ) : rows.length === 0 ? (
          <Typography variant="body2" color="text.secondary">
            {translate('app.dashboard.none')}
          </Typography>
        ) : (
          <List dense disablePadding component="div">
            {rows.map((q) => (
              <ListItemButton key={q.id} component={LinkBase} to={createPath({ resource: 'quarters', type: 'show', id: q.id })}>
                <ListItemText primary={q.name} secondary={secondary(q)} />
              </ListItemButton>
            ))}
            {count !== undefined && count > rows.length && (
              <ListItemButton component={LinkBase} to={allTo}>
                <ListItemText primary={translate('app.dashboard.show_all')} />
              </ListItemButton>
            )}
          </List>
        )}
      </CardContent>
    </Card>
  );
};

const grid = (min: number) => ({ display: 'grid', gap: 2, gridTemplateColumns: `repeat(auto-fill, minmax(${min}px, 1fr))` });

/**
 * The operator dashboard: one request (GET /api/dashboard) for every figure, filtered by
 * Land, Kreis, Kommune, Wohnungsunternehmen and Programm; each card leads to the filtered list.
 */
/** The chart's label column is narrow: the action field's name up to its first comma, at most 28 characters. */
const shortLabel = (name: string) => {
  const head = name.split(',')[0]!;
  return head.length > 28 ? `${head.slice(0, 27)}…` : head;
};

/**
 * `organisation`: the view of a partner or facilitator, over the quarters their organisation
 * takes part in: no Land/Kreis filter and a heading of their own (the page around it sets the title).
 */
export const Dashboard = ({ organisation = false }: { organisation?: boolean }) => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const dateLocale = useDateLocale();
  const [filter, setFilter] = useStore<DashboardFilter>('genq.dashboard.filter', {});
  const [data, setData] = useState<DashboardData | undefined>();
  const facets = useFacets();
  const [failed, setFailed] = useState(false);
  const link = useListLink(organisation ? {} : filter);
  const filterKey = JSON.stringify(organisation ? {} : cleanFilter(filter));

  useEffect(() => {
    let current = true;
    setFailed(false);
    fetchDashboard(JSON.parse(filterKey) as DashboardFilter)
      .then((d) => current && setData(d))
      .catch(() => current && setFailed(true));
    return () => {
      current = false;
    };
  }, [filterKey]);

  const num = (n: number) => n.toLocaleString(dateLocale);
  const date = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleDateString(dateLocale, { dateStyle: 'medium' }) : '–');
  const step = (key: string | null) => (key ? translate(`process.step.${key}`, { _: key }) : translate('genq_dashboard.charts.no_step'));

  const phaseBars: Bar[] = data
    ? [...data.byPhase]
        .sort((a, b) => PHASES.indexOf(a.phase as never) - PHASES.indexOf(b.phase as never))
        .map((p) => ({
          key: p.phase ?? 'none',
          label: p.phase ? translate(`process.phase.${p.phase}`, { _: p.phase }) : translate('genq_dashboard.charts.no_phase'),
          value: p.count,
          onClick: p.phase ? () => navigate(link({ phase: p.phase })) : undefined,
        }))
    : [];
  const stepBars: Bar[] = data
    ? data.byStep
        .filter((s) => s.phase === 'development')
        .sort((a, b) => STEP_KEYS.indexOf(a.currentStep as never) - STEP_KEYS.indexOf(b.currentStep as never))
        .map((s) => ({
          key: s.currentStep ?? 'none',
          label: step(s.currentStep),
          value: s.count,
          onClick: s.currentStep ? () => navigate(link({ phase: 'development', currentStep: s.currentStep })) : undefined,
        }))
    : [];
  const statuses = data ? [...new Set(data.measures.map((m) => m.status))].sort((a, b) => Object.keys(STATUS_COLOURS).indexOf(a) - Object.keys(STATUS_COLOURS).indexOf(b)) : [];
  const fields = data ? [...new Set(data.measures.map((m) => m.actionFieldId))].sort() : [];
  const measureRows = fields.map((f) => ({
    key: f,
    label: shortLabel(translate(`genq_agreements.action_fields.${f}`, { _: f })),
    segments: statuses.map((s) => ({ status: s, value: data!.measures.find((m) => m.actionFieldId === f && m.status === s)?.count ?? 0 })),
  }));

  return (
    <Box sx={{ mt: 2 }}>
      {organisation ? (
        <Typography variant="h5" component="h2" gutterBottom>
          {translate('genq_tasks.home.quarters')}
        </Typography>
      ) : (
        <>
          <Title title="app.dashboard.title" />
          <FilterBar filter={filter} facets={facets} onChange={(f) => setFilter(cleanFilter(f))} />
        </>
      )}
      {failed && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {translate('genq_dashboard.loading_failed')}
        </Alert>
      )}
      <Box sx={grid(180)}>
        <CountCard testId="dashboard-total" label={translate('genq_dashboard.cards.total')} value={data?.total} to={link()} />
        <CountCard testId="dashboard-stalled-count" label={translate('genq_dashboard.cards.stalled')} value={data?.stalled} to={link({ stalled: true })} />
        <CountCard testId="dashboard-overdue-count" label={translate('genq_dashboard.cards.overdue')} value={data?.overdue} to={link({ overdue: true })} />
        <CountCard testId="dashboard-paused-count" label={translate('genq_dashboard.cards.paused')} value={data?.paused} to={link({ paused: true })} />
        <CountCard testId="dashboard-upcoming-count" label={translate('genq_dashboard.cards.upcoming')} value={data?.upcoming.count} to={link(nextThirtyDays())} />
        <CountCard testId="dashboard-certificates-issued" label={translate('genq_dashboard.cards.certificates_issued')} value={data?.certificates.issued} />
        <CountCard testId="dashboard-certificates-expiring" label={translate('genq_dashboard.cards.certificates_expiring')} value={data?.certificates.expiring.count} />
        <IncidentTile />
      </Box>
      <Box sx={{ ...grid(420), mt: 3 }}>
        <Card variant="outlined">
          <CardHeader title={translate('genq_dashboard.charts.per_phase')} titleTypographyProps={{ variant: 'subtitle1' }} />
          <CardContent sx={{ pt: 0 }}>{data ? <BarChart testId="chart-phase" title={translate('genq_dashboard.charts.per_phase')} bars={phaseBars} format={num} /> : <Skeleton height={120} />}</CardContent>
        </Card>
        <Card variant="outlined">
          <CardHeader title={translate('genq_dashboard.charts.per_step')} titleTypographyProps={{ variant: 'subtitle1' }} />
          <CardContent sx={{ pt: 0 }}>{data ? <BarChart testId="chart-step" title={translate('genq_dashboard.charts.per_step')} bars={stepBars} format={num} /> : <Skeleton height={120} />}</CardContent>
        </Card>
        <Card variant="outlined">
          <CardHeader title={translate('genq_dashboard.charts.measures')} titleTypographyProps={{ variant: 'subtitle1' }} />
          <CardContent sx={{ pt: 0 }}>
            {!data ? (
              <Skeleton height={120} />
            ) : measureRows.length === 0 ? (
              <Typography variant="body2" color="text.secondary">
                {translate('genq_dashboard.charts.no_measures')}
              </Typography>
            ) : (
              <StackedBarChart testId="chart-measures" title={translate('genq_dashboard.charts.measures')} rows={measureRows} statuses={statuses} format={num} />
            )}
          </CardContent>
        </Card>
        <Card variant="outlined">
          <CardHeader title={translate('genq_dashboard.charts.certificates')} titleTypographyProps={{ variant: 'subtitle1' }} />
          <CardContent sx={{ pt: 0 }}>
            {data ? (
              <BarChart
                testId="chart-certificates"
                title={translate('genq_dashboard.charts.certificates')}
                bars={[
                  { key: 'issued', label: translate('genq_dashboard.charts.issued'), value: data.certificates.issued },
                  { key: 'expiring', label: translate('genq_dashboard.charts.expiring'), value: data.certificates.expiring.count },
                ]}
                format={num}
              />
            ) : (
              <Skeleton height={80} />
            )}
          </CardContent>
        </Card>
      </Box>
      <Box sx={{ ...grid(320), mt: 3 }}>
        <QuarterPanel
          testId="dashboard-stalled"
          title={translate('app.dashboard.stalled')}
          count={data?.stalled}
          rows={data?.stalledList}
          secondary={(q) => `${translate('app.dashboard.since', { date: date(q.at) })} – ${q.reason ?? ''}`}
          allTo={link({ stalled: true })}
        />
        <QuarterPanel
          testId="dashboard-overdue"
          title={translate('app.dashboard.overdue')}
          count={data?.overdue}
          rows={data?.overdueList}
          secondary={(q) => `${translate('app.dashboard.since', { date: date(q.at) })}${q.currentStep ? ` – ${step(q.currentStep)}` : ''}`}
          allTo={link({ overdue: true })}
        />
        <QuarterPanel
          testId="dashboard-upcoming"
          title={translate('app.dashboard.upcoming')}
          count={data?.upcoming.count}
          rows={data?.upcoming.first}
          secondary={(q) => `${translate('app.dashboard.due', { date: date(q.at) })}${q.currentStep ? ` – ${step(q.currentStep)}` : ''}`}
          allTo={link(nextThirtyDays())}
        />
        <Card variant="outlined" data-testid="dashboard-expiring">
          <CardHeader
            title={translate('genq_dashboard.lists.expiring')}
            titleTypographyProps={{ variant: 'subtitle1' }}
            subheader={data ? num(data.certificates.expiring.count) : undefined}
          />
          <CardContent sx={{ pt: 0 }}>
            {!data ? (
              <Skeleton variant="rectangular" height={80} />
            ) : data.certificates.expiring.first.length === 0 ? (
              <Typography variant="body2" color="text.secondary">
                {translate('app.dashboard.none')}
              </Typography>
            ) : (
              <List dense disablePadding component="div">
                {data.certificates.expiring.first.map((c) => (
                  <ListItemButton key={c.id} component={LinkBase} to={`/quarters/${c.quarterId}/show`}>
                    <ListItemText primary={`${c.quarterName} (${c.number})`} secondary={translate('genq_dashboard.lists.valid_until', { date: date(c.validUntil) })} />
                  </ListItemButton>
                ))}
              </List>
            )}
          </CardContent>
        </Card>
      </Box>
    </Box>
  );
};
