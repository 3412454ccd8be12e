import { Alert, Box, Chip, Step, StepContent, StepLabel, Stepper, Typography } from '@mui/material';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import RadioButtonCheckedIcon from '@mui/icons-material/RadioButtonChecked';
import RadioButtonUncheckedIcon from '@mui/icons-material/RadioButtonUnchecked';
import RemoveCircleOutlineIcon from '@mui/icons-material/RemoveCircleOutline';
import type { ReactElement } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';
import { useDateLocale } from '../i18n/useDateLocale';
import type { ProcessStep, Quarter, StepStatus } from './domain';

const statusIcon: Record<StepStatus, ReactElement> = {
  completed: <CheckCircleIcon color="success" />,
  active: <RadioButtonCheckedIcon color="primary" />,
  waived: <RemoveCircleOutlineIcon color="disabled" />,
  pending: <RadioButtonUncheckedIcon color="disabled" />,
};

const isOpen = (step: ProcessStep) => step.status === 'pending' || step.status === 'active';

/**
 * The quarter's steps as the lifecycle workflow reports them, current step highlighted.
 * The process is absent when the gateway could not query the workflow; the rest of the page
 * still renders from the read model.
 */
export const ProcessTimeline = (_props: { /** Read by the surrounding show layout's `Labeled`. */ label?: string }) => {
  const record = useRecordContext<Quarter>();
  const translate = useTranslate();
  const dateLocale = useDateLocale();
  if (!record) return null;

  const process = record.process;
  if (!process) {
    return <Alert severity="info">{translate('process.timeline.unavailable')}</Alert>;
  }
  if (process.steps.length === 0) {
    return <Alert severity="info">{translate('process.timeline.empty')}</Alert>;
  }

  const formatDate = (iso: string) => new Date(iso).toLocaleDateString(dateLocale, { dateStyle: 'medium' });
  const now = Date.now();
  const currentIndex = process.steps.findIndex((step) =>
    process.currentStep ? step.key === process.currentStep : step.status === 'active',
  );

  return (
    <Stepper orientation="vertical" nonLinear activeStep={currentIndex} sx={{ py: 1 }}>
      {process.steps.map((step, index) => {
        const isCurrent = index === currentIndex;
        const overdue = isOpen(step) && new Date(step.due).getTime() < now;
        return (
          <Step key={step.key} completed={step.status === 'completed'} expanded>
            <StepLabel
              icon={statusIcon[step.status]}
              sx={
                isCurrent
                  ? { bgcolor: 'action.selected', borderRadius: 1, px: 1, mx: -1 }
                  : undefined
              }
            >
              <Box sx={{ display: 'flex', alignItems: 'center', gap: 1, flexWrap: 'wrap' }}>
                <Typography
                  component="span"
                  sx={{ fontWeight: isCurrent ? 600 : 400 }}
                  color={step.status === 'waived' ? 'text.secondary' : 'text.primary'}
                >
                  {translate(`process.step.${step.key}`, { _: step.name })}
                </Typography>
                <Chip
                  size="small"
                  variant="outlined"
                  label={translate(`process.status.${step.status}`, { _: step.status })}
                  color={step.status === 'active' ? 'primary' : step.status === 'completed' ? 'success' : 'default'}
                />
                {isCurrent && (
                  <Typography component="span" variant="caption" color="primary">
                    {translate('process.timeline.current')}
                  </Typography>
                )}
                {overdue && <Chip size="small" color="error" label={translate('process.timeline.overdue')} />}
              </Box>
            </StepLabel>
            <StepContent>
              <Typography variant="body2" color={overdue ? 'error' : 'text.secondary'}>
                {translate('process.timeline.due', { date: formatDate(step.due) })}
              </Typography>
              {step.completedAt && (
                <Typography variant="body2" color="text.secondary">
                  {translate('process.timeline.completed', { date: formatDate(step.completedAt) })}
                </Typography>
              )}
            </StepContent>
          </Step>
        );
      })}
    </Stepper>
  );
};
