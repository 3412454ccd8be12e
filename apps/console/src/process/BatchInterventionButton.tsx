import { useEffect, useState } from 'react';
import {
  Alert,
  Box,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  LinearProgress,
  MenuItem,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import PlaylistAddCheckIcon from '@mui/icons-material/PlaylistAddCheck';
import { Button, useCanAccess, useListContext, useLocale, useRefresh, useTranslate } from 'react-admin';
import { asLocale } from '../providers/problems';
import { STEP_KEYS } from '../quarters/domain';
import { InterventionDialog, refusalOf } from './InterventionDialog';
import { INTERVENTION_KINDS } from './types';
import type { BatchPreview, BatchProgress, InterventionKind, InterventionRequest } from './types';
import { useGenqDataProvider } from './useGenqDataProvider';
import { batchReasonOf } from './said';
import { useInterventionSummary } from './useInterventionSummary';

/** Withdrawing many quarters at once is too dangerous for a list button. */
const BATCH_KINDS = INTERVENTION_KINDS.filter((k) => k !== 'withdraw');

const POLL_MS = 1000;

/**
 * "Sammelintervention" over the current list filter: preview how many and which quarters,
 * choose the intervention with its reason, start it, then follow the progress and the
 * per-quarter result (applied, or refused and why).
 */
export const BatchInterventionButton = () => {
  const { filterValues } = useListContext();
  const { canAccess } = useCanAccess({ resource: 'quarters', action: 'intervene' });
  const translate = useTranslate();
  const locale = useLocale();
  const saySummary = useInterventionSummary();
  const dataProvider = useGenqDataProvider();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [preview, setPreview] = useState<BatchPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [kind, setKind] = useState<InterventionKind>('extend_deadline');
  const [step, setStep] = useState<'preview' | 'form' | 'progress'>('preview');
  const [batchId, setBatchId] = useState<string | null>(null);
  const [progress, setProgress] = useState<BatchProgress | null>(null);

  const filter = (filterValues ?? {}) as Record<string, unknown>;

  const start = async () => {
    setOpen(true);
    setStep('preview');
    setPreview(null);
    setProgress(null);
    setBatchId(null);
    setError(null);
    try {
      setPreview(await dataProvider.previewBatch(filter));
    } catch (err) {
      setError(refusalOf(err).message);
    }
  };

  useEffect(() => {
    if (!batchId) return undefined;
    let stopped = false;
    const poll = async () => {
      try {
        const next = await dataProvider.batchProgress(batchId);
        if (stopped) return;
        setProgress(next);
        if (next.finished) {
          refresh();
          return;
        }
      } catch {
        // Keep polling: the batch goes on on the server.
      }
      if (!stopped) timer = setTimeout(poll, POLL_MS);
    };
    let timer = setTimeout(poll, 0);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [batchId, dataProvider, refresh]);

  if (!canAccess) return null;

  const names = new Map(preview?.quarters.map((q) => [q.id, q.name]) ?? []);
  const submit = async (request: InterventionRequest) => {
    const started = await dataProvider.startBatch(filter, request);
    setBatchId(started.id);
    setStep('progress');
  };

  return (
    <>
      <Button label="process.batch.button" onClick={start} startIcon={<PlaylistAddCheckIcon />} />
      <Dialog open={open && step !== 'form'} onClose={() => setOpen(false)} fullWidth maxWidth="md" aria-labelledby="batch-title">
        <DialogTitle id="batch-title">{translate('process.batch.title')}</DialogTitle>
        <DialogContent>
          {error && <Alert severity="error">{error}</Alert>}
          {step === 'preview' && !preview && !error && <LinearProgress />}
          {step === 'preview' && preview && (
            <>
              <Typography sx={{ mb: 1 }} data-testid="batch-preview-total">
                {translate('process.batch.preview', { smart_count: preview.total })}
              </Typography>
              <Box sx={{ maxHeight: 240, overflow: 'auto', mb: 2 }} tabIndex={0} role="region" aria-label={translate('process.batch.preview_region')}>
                <Table size="small">
                  <TableHead>
                    <TableRow>
                      <TableCell>{translate('resources.quarters.fields.name')}</TableCell>
                      <TableCell>{translate('resources.quarters.fields.municipality')}</TableCell>
                      <TableCell>{translate('resources.quarters.fields.currentStep')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {preview.quarters.map((q) => (
                      <TableRow key={q.id}>
                        <TableCell>{q.name}</TableCell>
                        <TableCell>{q.municipality}</TableCell>
                        <TableCell>{q.currentStep ? translate(`process.step.${q.currentStep}`, { _: q.currentStep }) : '–'}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              </Box>
              <TextField select fullWidth label={translate('process.batch.kind')} value={kind} onChange={(e) => setKind(e.target.value as InterventionKind)} inputProps={{ 'data-testid': 'batch-kind' }}>
                {BATCH_KINDS.map((k) => (
                  <MenuItem key={k} value={k}>
                    {translate(`process.intervention.kind.${k}`)}
                  </MenuItem>
                ))}
              </TextField>
            </>
          )}
          {step === 'progress' && (
            <>
              <LinearProgress
                variant={progress ? 'determinate' : 'indeterminate'}
                value={progress && progress.total > 0 ? (100 * progress.done) / progress.total : 0}
                sx={{ mb: 1 }}
              />
              {progress && (
                <Typography sx={{ mb: 1 }} data-testid="batch-progress">
                  {translate(progress.finished ? 'process.batch.finished' : 'process.batch.running', {
                    done: progress.done,
                    total: progress.total,
                    applied: progress.applied,
                    refused: progress.refused,
                    failed: progress.failed,
                  })}
                </Typography>
              )}
              <Table size="small" data-testid="batch-results">
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('resources.quarters.fields.name')}</TableCell>
                    <TableCell>{translate('process.batch.outcome')}</TableCell>
                    <TableCell>{translate('process.batch.detail')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {(progress?.results ?? []).map((r) => (
                    <TableRow key={r.quarterId}>
                      <TableCell>{names.get(r.quarterId) ?? r.quarterId}</TableCell>
                      <TableCell>{translate(`process.batch.outcomes.${r.outcome}`, { _: r.outcome })}</TableCell>
                      <TableCell>{r.outcome === 'applied' ? saySummary(r) : batchReasonOf(r, asLocale(locale))}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </>
          )}
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.close')}</MuiButton>
          {step === 'preview' && preview && preview.total > 0 && (
            <MuiButton variant="contained" onClick={() => setStep('form')}>
              {translate('process.batch.next')}
            </MuiButton>
          )}
        </DialogActions>
      </Dialog>
      {open && step === 'form' && (
        <InterventionDialog
          key={kind}
          kind={kind}
          open
          onClose={() => setStep((s) => (s === 'form' ? 'preview' : s))}
          deadlines={STEP_KEYS.map((key) => ({ key, name: translate(`process.step.${key}`) }))}
          allowCurrent
          submit={submit}
          submitLabel={translate('process.batch.start', { smart_count: preview?.total ?? 0 })}
        />
      )}
    </>
  );
};
