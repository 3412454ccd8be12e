import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Box, Button, Chip, List, ListItem, ListItemText, Skeleton, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import RadioButtonCheckedIcon from '@mui/icons-material/RadioButtonChecked';
import RadioButtonUncheckedIcon from '@mui/icons-material/RadioButtonUnchecked';
import RemoveCircleOutlineIcon from '@mui/icons-material/RemoveCircleOutline';
import type { ReactElement } from 'react';
import { useNotify, useCanAccess, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { useDateLocale } from '../i18n/useDateLocale';
import { useInterventionSummary } from './useInterventionSummary';
import type { Quarter, StepStatus } from '../quarters/domain';
import { InterventionDialog } from './InterventionDialog';
import type { DeadlineOption } from './InterventionDialog';
import { INTERVENTION_KINDS, deadlinesOf } from './types';
import type { DeadlineView, InterventionKind, InterventionRequest, ProcessStateView } from './types';
import { useGenqDataProvider } from './useGenqDataProvider';
import { visuallyHidden } from '../tasks/visuallyHidden';

// Decoration only (SVG icons are aria-hidden): the status chip says it in words.
const statusIcon: Record<StepStatus, ReactElement> = {
  completed: <CheckCircleIcon color="success" fontSize="small" />,
  active: <RadioButtonCheckedIcon color="primary" fontSize="small" />,
  waived: <RemoveCircleOutlineIcon color="disabled" fontSize="small" />,
  pending: <RadioButtonUncheckedIcon color="disabled" fontSize="small" />,
};

const isOpen = (d: DeadlineView) => d.status === 'pending' || d.status === 'active';

/** Turns the process's deadlines into choices for the dialogs, with translated names. */
export const useDeadlineOptions = (deadlines: DeadlineView[]): DeadlineOption[] => {
  const translate = useTranslate();
  return deadlines.map((d) => ({ key: d.key, name: translate(`process.step.${d.key}`, { _: d.name }), due: d.due }));
};

/**
 * The quarter's live process from GET /quarters/:id/process: every deadline with due, done,
 * waived and reminders; pause and stalled state; the interventions so far; and one button
 * per intervention.
 */
export const ProcessPanel = () => {
  const record = useRecordContext<Quarter>();
  const translate = useTranslate();
  const dateLocale = useDateLocale();
  const saySummary = useInterventionSummary();
  const dataProvider = useGenqDataProvider();
  const notify = useNotify();
  const refresh = useRefresh();
  const { canAccess: mayIntervene } = useCanAccess({ resource: 'quarters', action: 'intervene' });
  const [process, setProcess] = useState<ProcessStateView | null>(null);
  const [failed, setFailed] = useState(false);
  // The worker starts a new quarter's workflow a moment after its registration: until then the API answers 404.
  const [starting, setStarting] = useState(false);
  const wasStarting = useRef(false);
  const [dialog, setDialog] = useState<InterventionKind | null>(null);
  const quarterId = record?.id;

  const load = useCallback(async () => {
    if (!quarterId) return;
    try {
      setProcess(await dataProvider.getProcess(String(quarterId)));
      setFailed(false);
      if (wasStarting.current) {
        // The quarter's phase and start time came with the workflow: show them too.
        wasStarting.current = false;
        setStarting(false);
        refresh();
      }
    } catch (err) {
      if ((err as { status?: number })?.status === 404) {
        wasStarting.current = true;
        setStarting(true);
      } else setFailed(true);
    }
  }, [dataProvider, quarterId, refresh]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    if (!starting) return;
    const timer = setInterval(() => void load(), 1000);
    return () => clearInterval(timer);
  }, [starting, load]);

  const deadlines = process ? deadlinesOf(process) : [];
  const options = useDeadlineOptions(deadlines);
  if (!record) return null;
  if (failed) return <Alert severity="info">{translate('process.timeline.unavailable')}</Alert>;
  if (starting && !process)
    return (
      <Alert severity="info" data-testid="process-starting">
        {translate('process.timeline.starting')}
      </Alert>
    );
  if (!process) return <Skeleton variant="rectangular" height={200} />;

  const formatDate = (iso: string) => new Date(iso).toLocaleDateString(dateLocale, { dateStyle: 'medium' });
  const formatDateTime = (iso: string) => new Date(iso).toLocaleString(dateLocale, { dateStyle: 'medium', timeStyle: 'short' });
  const now = Date.now();
  const ended = !!process.withdrawn || !!process.closedAt;

  const submit = async (request: InterventionRequest) => {
    const result = await dataProvider.intervene(String(record.id), request);
    // An extension that leaves the quarter overdue is applied, but said as a warning: it stays stalled.
    notify('process.intervention.applied', { type: result.stillOverdueSince ? 'warning' : 'success', messageArgs: { summary: saySummary(result) } });
    await load();
    refresh();
  };

  const timeline =
    deadlines.length === 0 ? (
      <Alert severity="info">{translate('process.timeline.empty')}</Alert>
    ) : (
      <Table size="small" data-testid="process-timeline" aria-labelledby="process-timeline-title" sx={{ '& .MuiTableCell-root': { px: 1, py: 0.5 } }}>
        <TableHead>
          <TableRow>
            <TableCell>{translate('process.timeline.columns.deadline')}</TableCell>
            <TableCell>{translate('process.timeline.columns.status')}</TableCell>
            <TableCell>{translate('process.timeline.columns.due')}</TableCell>
            <TableCell>{translate('process.timeline.columns.completed')}</TableCell>
            <TableCell align="right">{translate('process.timeline.columns.reminders')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {deadlines.map((d) => {
            const isCurrent = d.key === process.currentStep;
            const overdue = isOpen(d) && new Date(d.due).getTime() < now;
            return (
              <TableRow key={d.key} selected={isCurrent} aria-current={isCurrent ? 'step' : undefined} data-testid={`deadline-${d.key}`}>
                <TableCell>
                  <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
                    {statusIcon[d.status]}
                    <Box>
                      <Typography component="span" variant="body2" sx={{ fontWeight: isCurrent ? 600 : 400 }} color={d.status === 'waived' ? 'text.secondary' : 'text.primary'}>
                        {translate(`process.step.${d.key}`, { _: d.name })}
                      </Typography>
                      {isCurrent && (
                        <Box component="span" sx={visuallyHidden}>
                          {` (${translate('process.timeline.current')})`}
                        </Box>
                      )}
                      {d.waivedReason && (
                        <Typography variant="caption" component="div" color="text.secondary">
                          {translate('process.timeline.waived', { reason: d.waivedReason })}
                        </Typography>
                      )}
                      {d.responsible && (
                        <Typography variant="caption" component="div" color="text.secondary">
                          {translate('process.timeline.responsible', { name: d.responsible.name })}
                        </Typography>
                      )}
                    </Box>
                  </Box>
                </TableCell>
                <TableCell>
                  <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
                    <Chip
                      size="small"
                      variant="outlined"
                      label={translate(`process.status.${d.status}`, { _: d.status })}
                      color={d.status === 'active' ? 'primary' : d.status === 'completed' ? 'success' : 'default'}
                    />
                    {overdue && <Chip size="small" color="error" label={translate('process.timeline.overdue')} />}
                    {process.paused && isOpen(d) && <Chip size="small" label={translate('process.timeline.paused_chip')} />}
                  </Box>
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>
                  <Typography variant="body2" component="span" color={overdue ? 'error' : 'text.primary'} data-testid={`due-${d.key}`}>
                    {formatDate(d.due)}
                  </Typography>
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{d.completedAt ? formatDate(d.completedAt) : '–'}</TableCell>
                <TableCell align="right">{(d.reminders?.length ?? 0).toLocaleString(dateLocale)}</TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    );

  // The timeline first, in one line per deadline, so that it fits the first screen at 1280x720
  // (issue 17); the interventions (buttons and history) below it.
  return (
    <Box data-testid="process-panel">
      <Typography variant="subtitle1" component="h2" id="process-timeline-title" sx={{ fontWeight: 600, mb: 1 }}>
        {translate('process.timeline.title')}
      </Typography>
      {process.stalled && (
        <Alert severity="warning" sx={{ mb: 1 }} data-testid="stalled-alert">
          {translate('process.timeline.stalled', { since: formatDate(process.stalled.since), reason: process.stalled.reason })}
        </Alert>
      )}
      {process.paused && (
        <Alert severity="info" sx={{ mb: 1 }}>
          {translate('process.timeline.paused', { since: formatDate(process.paused.since), reason: process.paused.reason })}
        </Alert>
      )}
      {process.withdrawn && (
        <Alert severity="info" sx={{ mb: 1 }}>
          {translate('process.timeline.withdrawn', { date: formatDate(process.withdrawn.at), reason: process.withdrawn.reason })}
        </Alert>
      )}
      {timeline}
      <Typography variant="subtitle1" component="h3" sx={{ mt: 2, mb: 1 }}>
        {translate('process.timeline.interventions')}
      </Typography>
      {mayIntervene && !ended && (
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 1, mb: 1 }} data-testid="intervention-buttons">
          {INTERVENTION_KINDS.filter((k) => (k === 'pause' ? !process.paused : k === 'resume' ? !!process.paused : true)).map((kind) => (
            <Button
              key={kind}
              size="small"
              variant={kind === 'withdraw' ? 'text' : 'outlined'}
              color={kind === 'withdraw' ? 'error' : 'primary'}
              onClick={() => setDialog(kind)}
            >
              {translate(`process.intervention.kind.${kind}`)}
            </Button>
          ))}
        </Box>
      )}
      {process.interventions.length === 0 ? (
        <Typography variant="body2" color="text.secondary">
          {translate('process.timeline.no_interventions')}
        </Typography>
      ) : (
        <List dense data-testid="intervention-list">
          {[...process.interventions].reverse().map((i) => (
            <ListItem key={i.id} disableGutters>
              <ListItemText
                primary={`${translate(`process.intervention.kind.${i.kind}`)}: ${saySummary(i)}`}
                secondary={translate('process.timeline.intervention_by', { at: formatDateTime(i.at), who: i.operator.name, reason: i.reason })}
              />
            </ListItem>
          ))}
        </List>
      )}
      {dialog && <InterventionDialog key={dialog} kind={dialog} open onClose={() => setDialog(null)} deadlines={options} submit={submit} />}
    </Box>
  );
};
