import { Chip } from '@mui/material';
import type { ChipProps } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';
import type { FieldProps } from 'react-admin';
import type { Phase, Quarter } from './domain';

const phaseColor: Record<Phase, ChipProps['color']> = {
  development: 'info',
  implementation: 'success',
  reaudit: 'warning',
  closed: 'default',
  withdrawn: 'default',
};

/** The quarter's phase as a chip; a null phase means the lifecycle workflow is still being started. */
export const PhaseField = (_props: FieldProps<Quarter>) => {
  const record = useRecordContext<Quarter>();
  const translate = useTranslate();
  if (!record) return null;
  const phase = record.phase;
  return (
    <Chip
      size="small"
      label={translate(`process.phase.${phase ?? 'starting'}`)}
      color={phase ? phaseColor[phase] : 'default'}
      variant={phase === 'closed' || phase === 'withdrawn' || !phase ? 'outlined' : 'filled'}
    />
  );
};
