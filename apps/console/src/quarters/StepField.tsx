import { Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { FieldProps } from 'react-admin';
import type { Quarter } from './domain';

/** Name of the quarter's current step; an unknown key falls back to the key itself. */
export const StepField = (_props: FieldProps<Quarter>) => {
  const record = useRecordContext<Quarter>();
  const translate = useTranslate();
  if (!record) return null;
  const step = record.currentStep;
  return (
    <Typography component="span" variant="body2">
      {step ? translate(`process.step.${step}`, { _: step }) : '–'}
    </Typography>
  );
};
