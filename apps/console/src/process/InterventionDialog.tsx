import { useState } from 'react';
import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  MenuItem,
  Radio,
  RadioGroup,
  Stack,
  TextField,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { useDateLocale } from '../i18n/useDateLocale';
import { KEY_OPTIONAL, KEY_REQUIRED, describeChange, dueMoved, extensionStaysOverdue, toInterventionRequest, validateIntervention } from './intervention';
import type { InterventionForm } from './intervention';
import type { InterventionKind, InterventionRequest } from './types';

export interface DeadlineOption {
  key: string;
  name: string;
  due?: string;
}

/** The refusal text of a failed API call: a 409's reason, or a generic message. */
export const refusalOf = (err: unknown): { status?: number; message: string } => {
  const e = err as { status?: number; message?: string; body?: { message?: string | string[] } };
  const body = Array.isArray(e.body?.message) ? e.body?.message.join('; ') : e.body?.message;
  return { status: e.status, message: body ?? e.message ?? String(err) };
};

/**
 * One intervention: asks for the reason (always) and what the kind needs, shows in plain
 * words what will change, and shows the process's reason when it refuses (409).
 */
export const InterventionDialog = ({
  kind,
  open,
  onClose,
  deadlines,
  submit,
  submitLabel,
  allowShiftAll = true,
  allowCurrent = false,
}: {
  kind: InterventionKind;
  open: boolean;
  onClose: () => void;
  deadlines: DeadlineOption[];
  /** Sends the request; rejects with the API error. */
  submit: (request: InterventionRequest) => Promise<void>;
  submitLabel?: string;
  allowShiftAll?: boolean;
  /** Offer "the current deadline of each quarter" (a batch over quarters in different steps). */
  allowCurrent?: boolean;
}) => {
  const translate = useTranslate();
  const dateLocale = useDateLocale();
  const [form, setForm] = useState<InterventionForm>({ kind, reason: '', extendMode: 'days', days: 30 });
  const [touched, setTouched] = useState(false);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);

  const set = (patch: Partial<InterventionForm>) => {
    setForm((f) => ({ ...f, ...patch, kind }));
    setRefusal(null);
  };
  const values: InterventionForm = { ...form, kind };
  const errors = validateIntervention(values);
  const errorOf = (field: string) => (touched && errors[field] ? translate(errors[field]) : undefined);
  const formatDate = (iso: string) => new Date(iso).toLocaleDateString(dateLocale, { dateStyle: 'medium' });
  const deadlineName = (key: string) => deadlines.find((d) => d.key === key)?.name ?? key;
  const change = describeChange(values, { deadlineName, currentDue: (key) => deadlines.find((d) => d.key === key)?.due, formatDate });
  // The process keeps a quarter stalled while it stays overdue: say so before the change is applied.
  const stillOverdue = extensionStaysOverdue(values, dueMoved(values, deadlines));

  const needsKey = kind === 'extend_deadline' ? values.extendMode !== 'shiftAll' && values.extendMode !== 'current' : KEY_REQUIRED.includes(kind) || KEY_OPTIONAL.includes(kind);
  const showModes = kind === 'extend_deadline' && (allowShiftAll || allowCurrent);
  // Keyboard users start in the first field (the mode, checked on "um Tage"), not on the dialog's frame (issue 17).
  const [firstField] = useState<'mode' | 'key' | 'reason'>(showModes ? 'mode' : needsKey ? 'key' : 'reason');

  const onSubmit = async () => {
    setTouched(true);
    if (Object.keys(errors).length > 0) return;
    setBusy(true);
    setRefusal(null);
    try {
      await submit(toInterventionRequest(values));
      setForm({ kind, reason: '', extendMode: 'days', days: 30 });
      setTouched(false);
      onClose();
    } catch (err) {
      const { status, message } = refusalOf(err);
      setRefusal(status === 409 ? translate('process.intervention.refused', { reason: message }) : message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Dialog open={open} onClose={busy ? undefined : onClose} fullWidth maxWidth="sm" aria-labelledby={`intervention-${kind}`}>
      <DialogTitle id={`intervention-${kind}`}>{translate(`process.intervention.kind.${kind}`)}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          {showModes && (
            <RadioGroup row value={values.extendMode} onChange={(e) => set({ extendMode: e.target.value as InterventionForm['extendMode'] })}>
              {allowCurrent && <FormControlLabel value="current" control={<Radio />} label={translate('process.intervention.mode.current')} />}
              <FormControlLabel value="days" control={<Radio autoFocus={firstField === 'mode'} />} label={translate('process.intervention.mode.days')} />
              <FormControlLabel value="until" control={<Radio />} label={translate('process.intervention.mode.until')} />
              {allowShiftAll && <FormControlLabel value="shiftAll" control={<Radio />} label={translate('process.intervention.mode.shift_all')} />}
            </RadioGroup>
          )}
          {needsKey && (
            <TextField
              select
              label={translate(KEY_OPTIONAL.includes(kind) ? 'process.intervention.fields.key_optional' : 'process.intervention.fields.key')}
              value={values.key ?? ''}
              onChange={(e) => set({ key: e.target.value || undefined })}
              autoFocus={firstField === 'key'}
              error={!!errorOf('key')}
              helperText={errorOf('key')}
              inputProps={{ 'data-testid': 'intervention-key' }}
            >
              {KEY_OPTIONAL.includes(kind) && <MenuItem value="">{translate('process.intervention.fields.no_key')}</MenuItem>}
              {deadlines.map((d) => (
                <MenuItem key={d.key} value={d.key}>
                  {d.name}
                  {d.due ? ` – ${translate('process.timeline.due', { date: formatDate(d.due) })}` : ''}
                </MenuItem>
              ))}
            </TextField>
          )}
          {kind === 'extend_deadline' && values.extendMode !== 'until' && (
            <TextField
              type="number"
              label={translate('process.intervention.fields.days')}
              value={values.days ?? ''}
              onChange={(e) => set({ days: e.target.value })}
              error={!!errorOf('days')}
              helperText={errorOf('days')}
              inputProps={{ min: 1 }}
            />
          )}
          {(kind === 'reopen_step' || (kind === 'extend_deadline' && values.extendMode === 'until')) && (
            <TextField
              type="date"
              label={translate(kind === 'reopen_step' ? 'process.intervention.fields.until_optional' : 'process.intervention.fields.until')}
              value={values.until ?? ''}
              onChange={(e) => set({ until: e.target.value || undefined })}
              error={!!errorOf('until')}
              helperText={errorOf('until')}
              InputLabelProps={{ shrink: true }}
            />
          )}
          {kind === 'reassign' && (
            <>
              <TextField
                label={translate('process.intervention.fields.responsible_name')}
                value={values.responsibleName ?? ''}
                onChange={(e) => set({ responsibleName: e.target.value })}
                error={!!errorOf('responsibleName')}
                helperText={errorOf('responsibleName')}
              />
              <TextField
                type="email"
                label={translate('process.intervention.fields.responsible_email')}
                value={values.responsibleEmail ?? ''}
                onChange={(e) => set({ responsibleEmail: e.target.value })}
                error={!!errorOf('responsibleEmail')}
                helperText={errorOf('responsibleEmail')}
              />
            </>
          )}
          <TextField
            required
            multiline
            minRows={2}
            autoFocus={firstField === 'reason'}
            label={translate('process.intervention.fields.reason')}
            value={values.reason}
            onChange={(e) => set({ reason: e.target.value })}
            error={!!errorOf('reason')}
            helperText={errorOf('reason') ?? translate('process.intervention.fields.reason_help')}
          />
          <Alert severity={kind === 'withdraw' ? 'warning' : 'info'} data-testid="intervention-preview">
            {translate(change.key, change.params)}
          </Alert>
          {stillOverdue && (
            <Alert severity="warning" data-testid="intervention-still-overdue">
              {translate('process.intervention.still_overdue')}
            </Alert>
          )}
          {refusal && (
            <Alert severity="error" data-testid="intervention-refusal">
              {refusal}
            </Alert>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          {translate('ra.action.cancel')}
        </Button>
        <Button variant="contained" onClick={onSubmit} disabled={busy} color={kind === 'withdraw' ? 'error' : 'primary'}>
          {submitLabel ?? translate('process.intervention.apply')}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
