import { Alert, Box, Button, Card, Chip, Skeleton, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { LinkBase, Title, useTranslate } from 'react-admin';
import { useDateLocale } from '../i18n/useDateLocale';
import { taskPath, useTasks, type TaskDto } from './api';
import { visuallyHidden } from './visuallyHidden';

/** The task in words: what to do, in which step or on which document. */
export const useTaskLabel = () => {
  const translate = useTranslate();
  return (t: TaskDto): string => {
    const subject =
      t.kind === 'step' && t.subject
        ? translate(`process.step.${t.subject}`, { _: t.subject })
        : t.kind === 'deadline' && t.subject
          ? translate(`process.phase.${t.subject}`, { _: t.subject })
          : (t.subject ?? '');
    return translate(`genq_tasks.kinds.${t.kind}`, { subject });
  };
};

/**
 * "Meine Aufgaben": every open step, deadline and decision the signed-in person or their
 * organisation must act on (GET /api/tasks), the most urgent first, each with one click to
 * the tab that holds its form. `embedded` leaves the page title to the page around it.
 */
export const TasksPage = ({ embedded = false }: { embedded?: boolean }) => {
  const translate = useTranslate();
  const dateLocale = useDateLocale();
  const label = useTaskLabel();
  const { list, failed } = useTasks();
  const date = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString(dateLocale, { dateStyle: 'medium' }) : '–');

  return (
    <Box sx={{ mt: 2 }} data-testid="tasks">
      {!embedded && <Title title="genq_tasks.title" />}
      <Typography variant="h5" component={embedded ? 'h2' : 'h1'} gutterBottom>
        {translate('genq_tasks.title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {translate('genq_tasks.intro')}
        {list && ` ${translate('genq_tasks.count', { total: list.total, overdue: list.overdue })}`}
      </Typography>
      {failed && (
        <Alert severity="error" sx={{ mb: 2 }}>
          {translate('genq_tasks.loading_failed')}
        </Alert>
      )}
      <Card variant="outlined">
        {!list ? (
          <Skeleton variant="rectangular" height={120} />
        ) : list.data.length === 0 ? (
          <Typography sx={{ p: 2 }} data-testid="tasks-none">
            {translate('genq_tasks.none')}
          </Typography>
        ) : (
          <Table size="small" aria-label={translate('genq_tasks.title')}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('genq_tasks.columns.quarter')}</TableCell>
                <TableCell>{translate('genq_tasks.columns.task')}</TableCell>
                <TableCell>{translate('genq_tasks.columns.due')}</TableCell>
                <TableCell>{translate('genq_tasks.columns.state')}</TableCell>
                <TableCell>
                  <Box component="span" sx={visuallyHidden}>
                    {translate('genq_tasks.columns.action')}
                  </Box>
                </TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {list.data.map((t) => (
                <TableRow key={t.id} data-testid="task" data-kind={t.kind} data-quarter={t.quarterId}>
                  <TableCell>{t.quarterName}</TableCell>
                  <TableCell>
                    {label(t)}
                    {t.kind === 'stalled' && t.subject && (
                      <Typography variant="body2" color="text.secondary">
                        {t.subject}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{date(t.dueAt)}</TableCell>
                  <TableCell>
                    {t.overdueSince ? (
                      <Chip size="small" color="error" label={translate('genq_tasks.overdue_since', { date: date(t.overdueSince) })} />
                    ) : t.since ? (
                      translate('genq_tasks.waiting_since', { date: date(t.since) })
                    ) : (
                      ''
                    )}
                  </TableCell>
                  <TableCell align="right">
                    <Button
                      component={LinkBase}
                      to={taskPath(t)}
                      variant="contained"
                      size="small"
                      aria-label={translate('genq_tasks.open_label', { task: label(t), quarter: t.quarterName })}
                    >
                      {translate('genq_tasks.open')}
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Card>
    </Box>
  );
};
