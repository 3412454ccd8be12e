import { useEffect, useState } from 'react';
import { Alert, Button as MuiButton, Dialog, DialogActions, DialogContent, DialogTitle, MenuItem, TextField } from '@mui/material';
import { useRefresh, useTranslate } from 'react-admin';
import { INCIDENT_ACTIONS, repairIncidents, resetPreview, type IncidentAction, type IncidentRepairResult } from './api';

/**
 * The repair dialog: an action and a reason, for one incident or the selected ones. The list is
 * refreshed when the dialog closes, not when the result arrives: a repaired incident leaves the
 * list of open ones, and with it the row or selection this dialog belongs to, which would take
 * the dialog and its result away before it could be read.
 */
export const RepairDialog = ({ ids, onClose }: { ids: string[]; onClose: () => void }) => {
  const translate = useTranslate();
  const refresh = useRefresh();
  const [action, setAction] = useState<IncidentAction>('retry');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<IncidentRepairResult | null>(null);
  const [preview, setPreview] = useState<string | null>(null);
  const one = ids.length === 1 ? ids[0] : undefined;

  useEffect(() => {
    setPreview(null);
    if (action !== 'reset' || !one) return;
    resetPreview(one)
      .then((p) => setPreview(translate('genq_incidents.repair.preview', { eventId: p.resetToEventId ?? '–', replayed: p.replayed, discarded: p.discarded.length })))
      .catch((err: Error) => setPreview(err.message));
  }, [action, one, translate]);

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await repairIncidents(one ? { id: one } : { filter: { id: ids } }, action, reason);
      setResult(r);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const close = () => {
    if (result) refresh();
    onClose();
  };

  return (
    <Dialog open onClose={close} fullWidth maxWidth="sm" data-testid="incident-repair-dialog">
      <DialogTitle>{translate('genq_incidents.repair.title', { smart_count: ids.length })}</DialogTitle>
      <DialogContent>
        <TextField select fullWidth margin="normal" label={translate('genq_incidents.repair.action')} value={action} onChange={(e) => setAction(e.target.value as IncidentAction)} inputProps={{ 'data-testid': 'incident-repair-action' }}>
          {INCIDENT_ACTIONS.map((a) => (
            <MenuItem key={a} value={a}>
              {translate(`genq_incidents.actions.${a}`)}
            </MenuItem>
          ))}
        </TextField>
        {preview && <Alert severity="info">{preview}</Alert>}
        <TextField fullWidth margin="normal" multiline minRows={2} label={translate('genq_incidents.repair.reason')} value={reason} onChange={(e) => setReason(e.target.value)} inputProps={{ 'data-testid': 'incident-repair-reason' }} />
        {error && <Alert severity="error" data-testid="incident-repair-error">{error}</Alert>}
        {result && (
          <Alert severity={result.refused || result.failed ? 'warning' : 'success'} data-testid="incident-repair-result">
            {result.results.length === 0 && result.total > 0
              ? translate('genq_incidents.repair.started')
              : translate('genq_incidents.repair.result', { applied: result.applied, refused: result.refused, failed: result.failed })}
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <MuiButton onClick={close}>{translate('genq_incidents.repair.close')}</MuiButton>
        {!result && (
          <MuiButton variant="contained" onClick={() => void submit()} disabled={busy || reason.trim().length < 3} data-testid="incident-repair-submit">
            {translate('genq_incidents.repair.submit')}
          </MuiButton>
        )}
      </DialogActions>
    </Dialog>
  );
};
