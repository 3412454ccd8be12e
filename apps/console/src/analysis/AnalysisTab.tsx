import { useCallback, useEffect, useState, type ChangeEvent } from 'react';
import {
  Alert,
  Box,
  Button,
  Chip,
  List,
  ListItem,
  ListItemText,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useCanAccess, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { analysisApi, type Analysis, type IndicatorValue, type Profile } from './api';
import { downloadFile } from '../providers/apiClient';
import { importProblems, type ImportProblem } from './importErrors';
import { RadarChart } from './RadarChart';
import { IndicatorForm } from './IndicatorForm';
import { StrategyWorkshopPanel } from './StrategyWorkshopPanel';
import { unratedOf } from './submission';
import { PdfButton, documentPaths } from '../documents/PdfButton';
import { germanDate } from '../process/csv';
import { useDateLocale } from '../i18n/useDateLocale';
import { useFormat } from '../agreements/format';
import { followTasks } from '../tasks/api';

const SCALE = [0, 1, 2, 3];
type Draft = Record<string, { rating: number | ''; evidence: string }>;

/**
 * The quarter's analysis: indicators by form or CSV import, the self-assessment, the profile
 * against the programme, and submitting it, which completes the Quartiersanalyse step (the
 * process hears of it through the event stream). Who may record steps sees what is missing
 * and the button; once submitted, everyone sees when, and the strategy workshop's priorities
 * (the next step) are recorded here.
 */
export const AnalysisTab = () => {
  const record = useRecordContext<{ id: string }>();
  const translate = useTranslate();
  const notify = useNotify();
  const locale = useDateLocale();
  const format = useFormat();
  const { canAccess: mayWrite } = useCanAccess({ resource: 'quarters', action: 'record_steps' });
  const [analysis, setAnalysis] = useState<Analysis | null>(null);
  const [unrated, setUnrated] = useState<string[]>([]);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const mean = (n: number | null) => (n === null ? '–' : n.toLocaleString(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }));
  const [indicators, setIndicators] = useState<IndicatorValue[]>([]);
  const [profile, setProfile] = useState<Profile | null>(null);
  const [criteria, setCriteria] = useState<string[]>([]);
  const [criterionNames, setCriterionNames] = useState<Record<string, string>>({});
  const [draft, setDraft] = useState<Draft>({});
  const [problems, setProblems] = useState<ImportProblem[]>([]);
  const [error, setError] = useState<string | null>(null);
  const quarterId = record?.id;

  const load = useCallback(async () => {
    if (!quarterId) return;
    try {
      const [current, values, ratings, p, names] = await Promise.all([
        analysisApi.analysis(quarterId),
        analysisApi.indicators(quarterId),
        analysisApi.ratings(quarterId),
        analysisApi.profile(quarterId),
        analysisApi.criterionNames(quarterId),
      ]);
      setAnalysis(current);
      setCriterionNames(names);
      setIndicators(values);
      setProfile(p);
      const ids = [...new Set([...ratings.map((r) => r.criterionId), ...p.unrated])];
      ids.sort((a, b) => a.localeCompare(b, 'de', { numeric: true }));
      setCriteria(ids);
      setDraft(Object.fromEntries(ids.map((id) => {
        const r = ratings.find((x) => x.criterionId === id);
        return [id, { rating: r ? r.rating : '', evidence: r?.evidence ?? '' }];
      })));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [quarterId]);

  useEffect(() => {
    void load();
  }, [load]);

  const upload = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file || !quarterId) return;
    try {
      const r = await analysisApi.importCsv(quarterId, await file.text());
      setProblems([]);
      notify(translate('genq_analysis.indicators.imported', r), { type: 'success' });
      await load();
    } catch (err) {
      const found = importProblems((err as { body?: unknown }).body);
      setProblems(found.length ? found : [{ row: null, column: null, message: (err as Error).message }]);
    }
  };

  const downloadTemplate = () => downloadFile(analysisApi.templatePath, 'genq-indikatoren-vorlage.csv', 'text/csv');

  const draftRatings = () =>
    Object.entries(draft)
      .filter(([, d]) => d.rating !== '')
      .map(([criterionId, d]) => ({ criterionId, rating: d.rating as number, evidence: d.evidence.trim() || null }));

  const save = async () => {
    if (!quarterId) return;
    try {
      await analysisApi.saveRatings(quarterId, draftRatings());
      notify('genq_analysis.ratings.saved', { type: 'success' });
      await load();
    } catch (err) {
      notify((err as Error).message, { type: 'error' });
    }
  };

  // Submitting saves the ratings on screen first: nobody has to know that "Bewertungen speichern" comes before.
  const submit = async () => {
    if (!quarterId) return;
    setBusy(true);
    try {
      const ratings = draftRatings();
      if (ratings.length > 0) await analysisApi.saveRatings(quarterId, ratings);
      await analysisApi.submit(quarterId);
      setUnrated([]);
      setRefusal(null);
      notify('genq_analysis.submission.submitted', { type: 'success' });
      // The process completes the step from the event stream: the task leaves "Meine Aufgaben" shortly after.
      followTasks();
      await load();
    } catch (err) {
      const missing = unratedOf(err);
      setUnrated(missing);
      setRefusal((err as Error).message);
      notify(translate('genq_analysis.submission.refused', { reason: (err as Error).message }), { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const submitted = analysis?.status === 'submitted';
  const open = criteria.filter((id) => draft[id]?.rating === '' || draft[id]?.rating === undefined).length;

  if (error) return <Alert severity="error">{translate('genq_analysis.failed', { message: error })}</Alert>;

  return (
    <Stack spacing={3} sx={{ py: 1 }}>
      {analysis && (
        <Alert severity={submitted ? 'success' : 'info'} data-testid="analysis-status">
          {submitted
            ? translate('genq_analysis.submission.done', { date: format.date(analysis.submittedAt) })
            : translate(mayWrite ? 'genq_analysis.submission.todo' : 'genq_analysis.submission.not_yet', { count: open })}
        </Alert>
      )}
      {quarterId && analysis && submitted && profile && (
        <StrategyWorkshopPanel quarterId={quarterId} analysis={analysis} profile={profile} criterionNames={criterionNames} mayWrite={!!mayWrite} onSaved={load} />
      )}
      {quarterId && (
        <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
          <PdfButton path={documentPaths.analysis(String(quarterId))} filename="quartiersanalyse.pdf" label="genq_analysis.documents.analysis_pdf" />
          <PdfButton path={documentPaths.profile(String(quarterId))} filename="staerken-schwaechen-profil.pdf" label="genq_analysis.documents.profile_pdf" />
        </Stack>
      )}
      {profile && (
        <Box>
          <Typography variant="h6">{translate('genq_analysis.radar.title')}</Typography>
          {/* Side by side only where both fit: at 1280 px the table's strengths and weaknesses ran off the page. */}
          <Stack direction={{ xs: 'column', xl: 'row' }} spacing={2} alignItems="flex-start">
            <RadarChart
              max={3}
              axes={profile.actionFields.map((f) => ({ id: f.actionFieldId, label: f.name, value: f.mean, median: f.programme.median }))}
            />
            <Box sx={{ flex: 1, minWidth: 0, maxWidth: '100%', overflowX: 'auto' }}>
              <Table size="small" data-testid="analysis-profile">
                <TableHead>
                  <TableRow>
                    <TableCell />
                    <TableCell>{translate('genq_analysis.radar.quarter')}</TableCell>
                    <TableCell>{translate('genq_analysis.radar.median')}</TableCell>
                    <TableCell>{translate('genq_analysis.radar.strengths')}</TableCell>
                    <TableCell>{translate('genq_analysis.radar.weaknesses')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {profile.actionFields.map((f) => (
                    <TableRow key={f.actionFieldId}>
                      <TableCell>
                        {f.actionFieldId} – {f.name}
                      </TableCell>
                      <TableCell>{mean(f.mean)}</TableCell>
                      <TableCell>{mean(f.programme.median)}</TableCell>
                      <TableCell>{f.strengths.map((s) => <Chip key={s} size="small" color="success" label={s} sx={{ mr: 0.5 }} />)}</TableCell>
                      <TableCell>{f.weaknesses.map((s) => <Chip key={s} size="small" color="warning" label={s} sx={{ mr: 0.5 }} />)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Box>
          </Stack>
        </Box>
      )}

      <Box>
        <Typography variant="h6">{translate('genq_analysis.ratings.title')}</Typography>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('genq_analysis.ratings.criterion')}</TableCell>
              <TableCell>{translate('genq_analysis.ratings.rating')}</TableCell>
              <TableCell>{translate('genq_analysis.ratings.evidence')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {criteria.map((id) => (
              <TableRow key={id} data-testid={`rating-${id}`}>
                <TableCell>{criterionNames[id] ? `${id} – ${criterionNames[id]}` : id}</TableCell>
                <TableCell sx={{ minWidth: 200 }}>
                  <TextField
                    select
                    size="small"
                    fullWidth
                    value={draft[id]?.rating ?? ''}
                    error={unrated.includes(id) && draft[id]?.rating === ''}
                    helperText={unrated.includes(id) && draft[id]?.rating === '' ? translate('genq_analysis.submission.missing') : undefined}
                    inputProps={{ 'aria-label': `${translate('genq_analysis.ratings.rating')} ${id}` }}
                    onChange={(e) => setDraft({ ...draft, [id]: { evidence: draft[id]?.evidence ?? '', rating: e.target.value === '' ? '' : Number(e.target.value) } })}
                  >
                    <MenuItem value="">{translate('genq_analysis.ratings.unrated')}</MenuItem>
                    {SCALE.map((v) => (
                      <MenuItem key={v} value={v}>
                        {translate(`genq_analysis.scale.${v}`)}
                      </MenuItem>
                    ))}
                  </TextField>
                </TableCell>
                <TableCell>
                  <TextField
                    size="small"
                    fullWidth
                    value={draft[id]?.evidence ?? ''}
                    inputProps={{ 'aria-label': `${translate('genq_analysis.ratings.evidence')} ${id}` }}
                    onChange={(e) => setDraft({ ...draft, [id]: { rating: draft[id]?.rating ?? '', evidence: e.target.value } })}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
        <Stack direction="row" spacing={1} sx={{ mt: 1 }} flexWrap="wrap" useFlexGap>
          <Button variant={mayWrite && !submitted ? 'outlined' : 'contained'} onClick={() => void save()}>
            {translate('genq_analysis.ratings.save')}
          </Button>
          {mayWrite && !submitted && (
            <Button variant="contained" disabled={busy} onClick={() => void submit()}>
              {translate('genq_analysis.submission.submit')}
            </Button>
          )}
        </Stack>
        {mayWrite && !submitted && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {translate('genq_analysis.submission.hint')}
          </Typography>
        )}
        {refusal && (
          <Alert severity="error" sx={{ mt: 1 }} data-testid="analysis-submit-refusal">
            {refusal}
          </Alert>
        )}
      </Box>

      <Box>
        <Typography variant="h6">{translate('genq_analysis.indicators.title')}</Typography>
        <Stack direction="row" spacing={1} sx={{ my: 1 }}>
          <Button variant="outlined" onClick={() => void downloadTemplate()}>
            {translate('genq_analysis.indicators.template')}
          </Button>
          <Button variant="outlined" component="label">
            {translate('genq_analysis.indicators.upload')}
            <input hidden type="file" accept=".csv,text/csv" data-testid="indicator-upload" onChange={(e) => void upload(e)} />
          </Button>
        </Stack>
        {quarterId && <IndicatorForm quarterId={quarterId} onSaved={load} />}
        {problems.length > 0 && (
          <Alert severity="error" data-testid="import-errors">
            {translate('genq_analysis.indicators.rejected')}
            <List dense>
              {problems.map((p, i) => (
                <ListItem key={i}>
                  <ListItemText
                    primary={`${p.row === null ? translate('genq_analysis.indicators.file') : translate('genq_analysis.indicators.row', { row: p.row })}${p.column ? ` · ${p.column}` : ''}`}
                    secondary={p.message}
                  />
                </ListItem>
              ))}
            </List>
          </Alert>
        )}
        {indicators.length === 0 ? (
          <Typography color="text.secondary">{translate('genq_analysis.indicators.none')}</Typography>
        ) : (
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('genq_analysis.indicators.indicator')}</TableCell>
                <TableCell>{translate('genq_analysis.indicators.referenceDate')}</TableCell>
                <TableCell align="right">{translate('genq_analysis.indicators.value')}</TableCell>
                <TableCell>{translate('genq_analysis.indicators.source')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {indicators.map((v) => (
                <TableRow key={v.id}>
                  <TableCell>{criterionNames[v.indicatorId] ?? v.indicatorId}</TableCell>
                  <TableCell>{germanDate(v.referenceDate) ?? v.referenceDate}</TableCell>
                  <TableCell align="right">
                    {v.value.toLocaleString('de-DE')} {v.unit}
                  </TableCell>
                  <TableCell>{v.source ?? '–'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Box>
    </Stack>
  );
};
