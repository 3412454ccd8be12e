import { FormHelperText, Stack, TextField as MuiTextField, Typography } from '@mui/material';
import { useInput, useTranslate } from 'react-admin';
import { hasTimeParts, toIsoDuration, toMonthsAndDays } from './duration';

/**
 * One calendar duration, entered as months and days and stored as the ISO-8601 duration the
 * API expects. A duration with hours or seconds (test calendars) is shown as it is, so saving
 * the form never rounds it away.
 */
export const DurationInput = ({ source, label }: { source: string; label: string }) => {
  const translate = useTranslate();
  const { field, fieldState, id } = useInput({ source, defaultValue: 'P0D' });
  const error = fieldState.error?.message;
  const raw = typeof field.value === 'string' ? field.value : '';
  const parts = toMonthsAndDays(raw);
  const title = translate(label);

  if (hasTimeParts(raw) || (raw !== '' && parts === null)) {
    return (
      <MuiTextField
        id={id}
        label={title}
        value={raw}
        onChange={(e) => field.onChange(e.target.value)}
        onBlur={field.onBlur}
        error={!!error}
        helperText={error ?? translate('genq_programmes.duration.iso')}
        size="small"
      />
    );
  }
  const set = (change: Partial<{ months: number; days: number }>) =>
    field.onChange(toIsoDuration({ months: parts?.months ?? 0, days: parts?.days ?? 0, ...change }));
  const number = (value: string) => (value === '' ? 0 : Number(value));
  return (
    <Stack data-testid={`duration-${source}`} sx={{ mb: 1 }}>
      <Typography variant="caption" color={error ? 'error' : 'text.secondary'}>
        {title}
      </Typography>
      <Stack direction="row" spacing={1}>
        <MuiTextField
          id={`${id}-months`}
          type="number"
          label={translate('genq_programmes.duration.months')}
          value={parts?.months ?? 0}
          onChange={(e) => set({ months: number(e.target.value) })}
          onBlur={field.onBlur}
          slotProps={{ htmlInput: { min: 0, step: 1, 'aria-label': `${title}: ${translate('genq_programmes.duration.months')}` } }}
          error={!!error}
          size="small"
          sx={{ width: 120 }}
        />
        <MuiTextField
          id={`${id}-days`}
          type="number"
          label={translate('genq_programmes.duration.days')}
          value={parts?.days ?? 0}
          onChange={(e) => set({ days: number(e.target.value) })}
          onBlur={field.onBlur}
          slotProps={{ htmlInput: { min: 0, step: 1, 'aria-label': `${title}: ${translate('genq_programmes.duration.days')}` } }}
          error={!!error}
          size="small"
          sx={{ width: 120 }}
        />
      </Stack>
      {error ? <FormHelperText error>{error}</FormHelperText> : null}
    </Stack>
  );
};
