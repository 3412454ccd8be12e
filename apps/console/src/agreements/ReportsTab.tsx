import { useState } from 'react';
import { Alert, Box, Button, Chip, IconButton, MenuItem, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import DeleteIcon from '@mui/icons-material/Delete';
import { useCanAccess, useNotify, useTranslate } from 'react-admin';
import { LoadFailed, useQuarterApi } from '../quarters/useQuarterApi';
import { agreementsApi, downloadPdf } from './api';
import { fieldErrors, reasonOf } from './errors';
import { useFormat } from './format';
import { MEASURE_STATUSES, REPORT_YEARS, type AnnualReport, type ReportContent } from './types';

const R = 'genq_agreements.reports';
const editable = (r: AnnualReport) => r.status === 'draft' || r.status === 'returned';

/** The quarter's annual reports (Jahresberichte): written and submitted by the partners, reviewed by the programme office. */
export const ReportsTab = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const format = useFormat();
  const { canAccess: mayReport } = useCanAccess({ resource: 'agreements', action: 'report' });
  const { canAccess: mayReview } = useCanAccess({ resource: 'agreements', action: 'review_report' });
  const { quarterId, data: reports, error, reload: load } = useQuarterApi((id) => agreementsApi.reports(id), reasonOf);
  const [year, setYear] = useState<number>(1);
  const [editing, setEditing] = useState<string | null>(null);
  const [remarks, setRemarks] = useState<Record<string, string>>({});
  const [remarkErrors, setRemarkErrors] = useState<Record<string, string>>({});

  if (error) return <LoadFailed messageKey="genq_agreements.failed" error={error} />;
  if (!reports || !quarterId) return null;

  const refused = (err: unknown) => notify(translate('genq_agreements.refused', { reason: reasonOf(err) }), { type: 'error' });
  const run = async (write: () => Promise<unknown>, done: string) => {
    try {
      await write();
      notify(done, { type: 'success' });
      await load();
    } catch (err) {
      refused(err);
    }
  };
  const review = async (r: AnnualReport, decision: 'accepted' | 'returned') => {
    try {
      await agreementsApi.reviewReport(quarterId, r.id, decision, remarks[r.id]?.trim() || undefined);
      setRemarkErrors({});
      notify(`${R}.reviewed`, { type: 'success' });
      await load();
    } catch (err) {
      setRemarkErrors({ [r.id]: fieldErrors(err).remarks ?? '' });
      refused(err);
    }
  };

  return (
    <Stack spacing={2} sx={{ py: 1 }} data-testid="reports-tab">
      <Typography variant="h6">{translate(`${R}.title`)}</Typography>
      {mayReport && (
        <Stack direction="row" spacing={1} alignItems="center">
          <TextField select size="small" label={translate(`${R}.year_label`)} value={year} onChange={(e) => setYear(Number(e.target.value))} sx={{ minWidth: 160 }}>
            {REPORT_YEARS.map((y) => (
              <MenuItem key={y} value={y}>
                {translate(`${R}.year`, { year: y })}
              </MenuItem>
            ))}
          </TextField>
          <Button variant="outlined" onClick={() => void run(() => agreementsApi.createReport(quarterId, year), `${R}.created`)}>
            {translate(`${R}.create`)}
          </Button>
        </Stack>
      )}
      {reports.length === 0 && <Typography color="text.secondary">{translate(`${R}.none`)}</Typography>}
      {reports.map((r) => (
        <Paper key={r.id} variant="outlined" sx={{ p: 2 }} data-testid={`report-${r.year}`}>
          <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
            <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
              {translate(`${R}.year`, { year: r.year })}
            </Typography>
            <Chip size="small" label={translate(`${R}.statuses.${r.status}`)} color={r.status === 'accepted' ? 'success' : r.status === 'returned' ? 'warning' : 'default'} />
            <Typography variant="body2" color="text.secondary">
              {translate('genq_agreements.agreement.number')} {r.versionNumber} · {format.dateTime(r.submittedAt ?? r.createdAt)}
            </Typography>
            <Box sx={{ flexGrow: 1 }} />
            {mayReport && editable(r) && editing !== r.id && (
              <Button size="small" onClick={() => setEditing(r.id)}>
                {translate(`${R}.edit`)}
              </Button>
            )}
            {mayReport && editable(r) && (
              <Button size="small" variant="contained" onClick={() => void run(() => agreementsApi.submitReport(quarterId, r.id), `${R}.submitted`)}>
                {translate(`${R}.submit`)}
              </Button>
            )}
            <Button size="small" onClick={() => void downloadPdf(agreementsApi.reportPdfPath(quarterId, r.id), `jahresbericht-${r.year}.pdf`).catch(refused)}>
              {translate(`${R}.pdf`)}
            </Button>
          </Stack>
          {r.remarks && (
            <Alert severity="info" sx={{ my: 1 }}>
              {translate(`${R}.remarks_shown`, { text: r.remarks })}
            </Alert>
          )}
          {editing === r.id ? (
            <ReportEditor
              report={r}
              onCancel={() => setEditing(null)}
              onSave={async (content) => {
                await agreementsApi.updateReport(quarterId, r.id, content);
                setEditing(null);
                notify(`${R}.saved`, { type: 'success' });
                await load();
              }}
            />
          ) : (
            <ReportView report={r} />
          )}
          {mayReview && r.status === 'submitted' && (
            <Stack direction="row" spacing={1} alignItems="flex-start" sx={{ mt: 1 }}>
              <TextField
                size="small"
                fullWidth
                label={translate(`${R}.remarks`)}
                value={remarks[r.id] ?? ''}
                error={!!remarkErrors[r.id]}
                helperText={remarkErrors[r.id]}
                onChange={(e) => setRemarks({ ...remarks, [r.id]: e.target.value })}
              />
              <Button variant="contained" color="success" onClick={() => void review(r, 'accepted')}>
                {translate(`${R}.accept`)}
              </Button>
              <Button variant="outlined" color="warning" onClick={() => void review(r, 'returned')}>
                {translate(`${R}.return`)}
              </Button>
            </Stack>
          )}
        </Paper>
      ))}
    </Stack>
  );
};

const ReportView = ({ report }: { report: AnnualReport }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ mt: 1 }}>
      {report.measures.length > 0 && (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate(`${R}.measures`)}</TableCell>
              <TableCell>{translate('genq_agreements.concept.measure.status')}</TableCell>
              <TableCell>{translate(`${R}.note`)}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {report.measures.map((m) => (
              <TableRow key={m.measureId}>
                <TableCell>{m.title}</TableCell>
                <TableCell>{m.status}</TableCell>
                <TableCell>{m.note ?? '–'}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {report.indicators.length > 0 && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {translate(`${R}.indicators`)}: {report.indicators.map((i) => `${i.key}: ${i.value}`).join(' · ')}
        </Typography>
      )}
      {report.changes.length > 0 && (
        <Typography variant="body2" sx={{ mt: 1 }}>
          {translate(`${R}.changes`)}: {report.changes.map((c) => `${c.description} (${c.reason})`).join(' · ')}
        </Typography>
      )}
      {report.text && (
        <Typography variant="body2" sx={{ mt: 1, whiteSpace: 'pre-wrap' }}>
          {report.text}
        </Typography>
      )}
    </Box>
  );
};

/** Measure statuses, updated indicators, changes with reasons and the text: whatever PATCH /reports/:id takes. */
const ReportEditor = ({ report, onCancel, onSave }: { report: AnnualReport; onCancel: () => void; onSave: (content: ReportContent) => Promise<void> }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [measures, setMeasures] = useState(report.measures.map((m) => ({ measureId: m.measureId, title: m.title, status: m.status, note: m.note ?? '' })));
  const [indicators, setIndicators] = useState(report.indicators.map((i) => ({ key: i.key, value: i.value, goalId: i.goalId })));
  const [changes, setChanges] = useState(report.changes.map((c) => ({ ...c })));
  const [text, setText] = useState(report.text);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = async () => {
    try {
      await onSave({
        measures: measures.map((m) => ({ measureId: m.measureId, status: m.status, ...(m.note.trim() ? { note: m.note } : {}) })),
        indicators: indicators.map((i) => ({ key: i.key, value: i.value, ...(i.goalId ? { goalId: i.goalId } : {}) })),
        changes,
        text,
      });
    } catch (err) {
      setErrors(fieldErrors(err));
      notify(translate('genq_agreements.refused', { reason: reasonOf(err) }), { type: 'error' });
    }
  };
  const set = <T,>(list: T[], i: number, patch: Partial<T>) => list.map((x, j) => (j === i ? { ...x, ...patch } : x));
  return (
    <Stack spacing={2} sx={{ mt: 1 }} data-testid="report-editor">
      <Typography variant="subtitle2">{translate(`${R}.measures`)}</Typography>
      {measures.map((m, i) => (
        <Stack key={m.measureId} direction="row" spacing={1} alignItems="center">
          <Typography sx={{ minWidth: 220 }}>{m.title}</Typography>
          <TextField
            select
            size="small"
            label={translate('genq_agreements.concept.measure.status')}
            value={m.status}
            error={!!errors[`measures.${i}.status`]}
            helperText={errors[`measures.${i}.status`]}
            onChange={(e) => setMeasures(set(measures, i, { status: e.target.value }))}
            sx={{ minWidth: 180 }}
          >
            {MEASURE_STATUSES.map((s) => (
              <MenuItem key={s} value={s}>
                {s}
              </MenuItem>
            ))}
          </TextField>
          <TextField size="small" fullWidth label={translate(`${R}.note`)} value={m.note} onChange={(e) => setMeasures(set(measures, i, { note: e.target.value }))} />
        </Stack>
      ))}
      <Typography variant="subtitle2">{translate(`${R}.indicators`)}</Typography>
      {indicators.map((ind, i) => (
        <Stack key={i} direction="row" spacing={1} alignItems="center">
          <TextField
            size="small"
            label={translate(`${R}.indicator_key`)}
            value={ind.key}
            error={!!errors[`indicators.${i}.key`]}
            helperText={errors[`indicators.${i}.key`]}
            onChange={(e) => setIndicators(set(indicators, i, { key: e.target.value }))}
          />
          <TextField
            size="small"
            label={translate(`${R}.indicator_value`)}
            value={ind.value}
            error={!!errors[`indicators.${i}.value`]}
            helperText={errors[`indicators.${i}.value`]}
            onChange={(e) => setIndicators(set(indicators, i, { value: e.target.value }))}
          />
          <IconButton aria-label={translate(`${R}.remove`)} onClick={() => setIndicators(indicators.filter((_, j) => j !== i))}>
            <DeleteIcon />
          </IconButton>
        </Stack>
      ))}
      <Box>
        <Button size="small" onClick={() => setIndicators([...indicators, { key: '', value: '', goalId: null }])}>
          {translate(`${R}.add_indicator`)}
        </Button>
      </Box>
      <Typography variant="subtitle2">{translate(`${R}.changes`)}</Typography>
      {changes.map((c, i) => (
        <Stack key={i} direction="row" spacing={1} alignItems="center">
          <TextField
            size="small"
            fullWidth
            label={translate(`${R}.change_description`)}
            value={c.description}
            error={!!errors[`changes.${i}.description`]}
            helperText={errors[`changes.${i}.description`]}
            onChange={(e) => setChanges(set(changes, i, { description: e.target.value }))}
          />
          <TextField
            size="small"
            fullWidth
            label={translate(`${R}.change_reason`)}
            value={c.reason}
            error={!!errors[`changes.${i}.reason`]}
            helperText={errors[`changes.${i}.reason`]}
            onChange={(e) => setChanges(set(changes, i, { reason: e.target.value }))}
          />
          <IconButton aria-label={translate(`${R}.remove`)} onClick={() => setChanges(changes.filter((_, j) => j !== i))}>
            <DeleteIcon />
          </IconButton>
        </Stack>
      ))}
      <Box>
        <Button size="small" onClick={() => setChanges([...changes, { description: '', reason: '' }])}>
          {translate(`${R}.add_change`)}
        </Button>
      </Box>
      <TextField multiline minRows={4} label={translate(`${R}.text`)} value={text} error={!!errors.text} helperText={errors.text} onChange={(e) => setText(e.target.value)} />
      <Stack direction="row" spacing={1}>
        <Button variant="contained" onClick={() => void save()}>
          {translate(`${R}.save`)}
        </Button>
        <Button onClick={onCancel}>{translate(`${R}.close`)}</Button>
      </Stack>
    </Stack>
  );
};
