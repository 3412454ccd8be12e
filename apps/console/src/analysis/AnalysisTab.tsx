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
import { useNotify, useRecordContext, useTranslate } from 'react-admin';
import { analysisApi, type IndicatorValue, type Profile } from './api';
import { downloadFile } from '../providers/apiClient';
import { importProblems, type ImportProblem } from './importErrors';
import { RadarChart } from './RadarChart';
import { IndicatorForm } from './IndicatorForm';
import { PdfButton, documentPaths } from '../documents/PdfButton';
import { germanDate } from '../process/csv';
import { useDateLocale } from '../i18n/useDateLocale';

const SCALE = [0, 1, 2, 3];
type Draft = Record<string, { rating: number | ''; evidence: string }>;

/** The quarter's analysis: indicators by form or CSV import, the self-assessment, and the profile against the programme. */
export const AnalysisTab = () => {
  const record = useRecordContext<{ id: string }>();
  const translate = useTranslate();
  const notify = useNotify();
  const locale = useDateLocale();
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
      const [values, ratings, p, names] = await Promise.all([
        analysisApi.indicators(quarterId),
        analysisApi.ratings(quarterId),
        analysisApi.profile(quarterId),
        analysisApi.criterionNames(quarterId),
      ]);
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

  const save = async () => {
    if (!quarterId) return;
    const ratings = Object.entries(draft)
      .filter(([, d]) => d.rating !== '')
      .map(([criterionId, d]) => ({ criterionId, rating: d.rating as number, evidence: d.evidence.trim() || null }));
    try {
      await analysisApi.saveRatings(quarterId, ratings);
      notify('genq_analysis.ratings.saved', { type: 'success' });
      await load();
    } catch (err) {
      notify((err as Error).message, { type: 'error' });
    }
  };

  if (error) return <Alert severity="error">{translate('genq_analysis.failed', { message: error })}</Alert>;

  return (
    <Stack spacing={3} sx={{ py: 1 }}>
      {quarterId && (
        <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
          <PdfButton path={documentPaths.analysis(String(quarterId))} filename="quartiersanalyse.pdf" label="genq_analysis.documents.analysis_pdf" />
          <PdfButton path={documentPaths.profile(String(quarterId))} filename="staerken-schwaechen-profil.pdf" label="genq_analysis.documents.profile_pdf" />
        </Stack>
      )}
      {profile && (
        <Box>
          <Typography variant="h6">{translate('genq_analysis.radar.title')}</Typography>
          <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} alignItems="flex-start">
            <RadarChart
              max={3}
              axes={profile.actionFields.map((f) => ({ id: f.actionFieldId, label: f.name, value: f.mean, median: f.programme.median }))}
            />
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
        <Button variant="contained" sx={{ mt: 1 }} onClick={() => void save()}>
          {translate('genq_analysis.ratings.save')}
        </Button>
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
