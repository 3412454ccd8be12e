import { useState, type ReactNode } from 'react';
import { Alert, Box, Button, MenuItem, Paper, TextField, Typography, type SxProps } from '@mui/material';
import { useNotify, useTranslate } from 'react-admin';
import { fieldErrors, reasonOf } from '../agreements/errors';
import { followTasks } from '../tasks/api';

/** Today as YYYY-MM-DD, the default of the date fields (the API refuses dates in the future). */
export const today = () => new Date().toISOString().slice(0, 10);

/**
 * A write of a step's deliverable: a 400's field messages go next to the fields (already in
 * the user's language, see `inUserLanguage`), any other refusal (409) into an alert above
 * the button and a notification; a success notifies and calls `onSaved`.
 */
export const useStepSubmit = (savedKey: string) => {
  const notify = useNotify();
  const translate = useTranslate();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (write: () => Promise<unknown>, onSaved: () => Promise<void> | void) => {
    setBusy(true);
    try {
      await write();
      setErrors({});
      setRefusal(null);
      notify(savedKey, { type: 'success' });
      // The step completes from the event stream: its task leaves "Meine Aufgaben" a moment later.
      followTasks();
      await onSaved();
    } catch (err) {
      const fields = fieldErrors(err);
      setErrors(fields);
      const reason = reasonOf(err);
      setRefusal(Object.keys(fields).length > 0 ? null : reason);
      notify(translate('genq_agreements.refused', { reason }), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return { errors, refusal, busy, submit };
};

/** A panel of one step's deliverable: title, and the record or the form under it. */
export const StepPanel = ({ title, testId, children }: { title: string; testId: string; children: ReactNode }) => (
  <Paper variant="outlined" sx={{ p: 2 }} data-testid={testId}>
    <Typography variant="h6" sx={{ mb: 1 }}>
      {title}
    </Typography>
    {children}
  </Paper>
);

/** A refusal that belongs to no field (e.g. the 409 of a step that cannot complete yet). */
export const Refusal = ({ text, testId }: { text: string | null; testId: string }) =>
  text ? (
    <Alert severity="error" sx={{ my: 1 }} data-testid={testId}>
      {text}
    </Alert>
  ) : null;

/**
 * A field of a deliverable's form with the API's message for it underneath: a date, a line of
 * text, or (with `rows`) a text of several lines.
 */
export const StepField = ({
  label,
  value,
  error,
  onChange,
  date,
  rows,
  sx,
}: {
  label: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
  date?: boolean;
  rows?: number;
  sx?: SxProps;
}) => (
  <TextField
    size="small"
    label={label}
    value={value}
    error={!!error}
    helperText={error || undefined}
    onChange={(e) => onChange(e.target.value)}
    {...(date ? { type: 'date', InputLabelProps: { shrink: true }, sx: sx ?? { maxWidth: 240 } } : { fullWidth: true, ...(rows ? { multiline: true, minRows: rows } : {}) })}
  />
);

/** The end of a deliverable's form: a refusal that belongs to no field, then the button. */
export const StepSubmit = ({ label, refusal, refusalTestId, busy, onClick }: { label: string; refusal: string | null; refusalTestId: string; busy: boolean; onClick: () => void }) => (
  <>
    <Refusal text={refusal} testId={refusalTestId} />
    <div>
      <Button variant="contained" disabled={busy} onClick={onClick}>
        {label}
      </Button>
    </div>
  </>
);

/** A labelled line of a recorded deliverable. */
export const Fact = ({ label, children }: { label: string; children: ReactNode }) => (
  <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap', my: 0.5 }}>
    <Typography variant="body2" color="text.secondary" sx={{ minWidth: 300 }}>
      {label}
    </Typography>
    <Typography variant="body2">{children}</Typography>
  </Box>
);

/** A choice of people, with the field's error from the API under it. */
export const PersonSelect = ({
  label,
  value,
  error,
  onChange,
  options,
}: {
  label: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
  options: Array<{ value: string; label: string }>;
}) => (
  <TextField select size="small" label={label} value={value} error={!!error} helperText={error} onChange={(e) => onChange(e.target.value)} sx={{ minWidth: 320 }}>
    <MenuItem value="">–</MenuItem>
    {options.map((o) => (
      <MenuItem key={o.value} value={o.value}>
        {o.label}
      </MenuItem>
    ))}
  </TextField>
);
