import { useState, type ChangeEvent } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Box, Button, Card, CardContent, LinearProgress, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import { Title, useCanAccess, useLocale, useTranslate } from 'react-admin';
import type { QuarterImportResult } from '@genq/contracts';
import { api, data, downloadFile } from '../providers/apiClient';
import { asLocale } from '../providers/problems';
import { quarterImportProblems, toBase64, type QuarterImportProblem } from './importProblems';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** Rows of the result shown on the page; the list has them all. */
const SHOWN = 100;

/**
 * "Quartiere importieren" (issue 16): the programme office uploads a CSV file or Excel workbook
 * made from the template; every problem is listed by row and column, nothing is admitted
 * until the file is right; the answer says which quarters are new and which existed.
 */
export const QuarterImport = () => {
  const translate = useTranslate();
  const locale = asLocale(useLocale());
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<QuarterImportProblem[]>([]);
  const [result, setResult] = useState<QuarterImportResult | null>(null);

  const column = (c: string | null) => (c ? translate(`genq_quarter_import.columns.${c}`, { _: c }) : '');

  const upload = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setBusy(true);
    setProblems([]);
    setResult(null);
    try {
      const body = /\.xlsx$/i.test(file.name) ? { xlsxBase64: toBase64(new Uint8Array(await file.arrayBuffer())) } : { csv: await file.text() };
      setResult(await data(api.POST('/api/quarters/import', { body })));
    } catch (err) {
      const found = quarterImportProblems((err as { body?: unknown }).body, locale);
      setProblems(found.length ? found : [{ row: null, column: null, message: (err as Error).message }]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card sx={{ mt: 2 }}>
      <Title title={translate('genq_quarter_import.title')} />
      <CardContent>
        <Stack spacing={2}>
          <Typography variant="h6">{translate('genq_quarter_import.title')}</Typography>
          <Typography color="text.secondary">{translate('genq_quarter_import.intro')}</Typography>
          <Stack direction="row" spacing={1} sx={{ flexWrap: 'wrap' }}>
            <Button variant="outlined" onClick={() => void downloadFile('/api/quarters/import/template.csv', 'quartiere-vorlage.csv', 'text/csv')}>
              {translate('genq_quarter_import.template_csv')}
            </Button>
            <Button variant="outlined" onClick={() => void downloadFile('/api/quarters/import/template.xlsx', 'quartiere-vorlage.xlsx', XLSX)}>
              {translate('genq_quarter_import.template_xlsx')}
            </Button>
            <Button variant="contained" component="label" startIcon={<UploadFileIcon />} disabled={busy}>
              {translate('genq_quarter_import.upload')}
              <input hidden type="file" accept=".csv,text/csv,.xlsx" data-testid="quarter-import-file" onChange={(e) => void upload(e)} />
            </Button>
          </Stack>
          {busy && (
            <Box>
              <Typography variant="body2">{translate('genq_quarter_import.uploading')}</Typography>
              <LinearProgress />
            </Box>
          )}
          {problems.length > 0 && (
            <Alert severity="error" data-testid="quarter-import-errors">
              {translate('genq_quarter_import.rejected')}
              <Table size="small">
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('genq_quarter_import.file')}</TableCell>
                    <TableCell>{translate('genq_quarter_import.column')}</TableCell>
                    <TableCell>{translate('genq_quarter_import.message')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {problems.map((p, i) => (
                    <TableRow key={i} data-testid="quarter-import-error">
                      <TableCell>{p.row === null ? translate('genq_quarter_import.file') : translate('genq_quarter_import.row', { row: p.row })}</TableCell>
                      <TableCell>{column(p.column)}</TableCell>
                      <TableCell>{p.message}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Alert>
          )}
          {result && (
            <Box data-testid="quarter-import-result">
              <Alert severity="success">
                {result.created === 0
                  ? translate('genq_quarter_import.nothing_new', { existing: result.existing })
                  : `${translate('genq_quarter_import.done', { created: result.created, existing: result.existing })} ${translate('genq_quarter_import.workflows')}`}
              </Alert>
              <Table size="small">
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('genq_quarter_import.file')}</TableCell>
                    <TableCell>{column('name')}</TableCell>
                    <TableCell>{column('municipality')}</TableCell>
                    <TableCell>{column('programmeId')}</TableCell>
                    <TableCell />
                  </TableRow>
                </TableHead>
                <TableBody>
                  {result.quarters.slice(0, SHOWN).map((q) => (
                    <TableRow key={q.id}>
                      <TableCell>{translate('genq_quarter_import.row', { row: q.line })}</TableCell>
                      <TableCell>
                        <Link to={`/quarters/${q.id}/show`}>{q.name}</Link>
                      </TableCell>
                      <TableCell>{q.municipality}</TableCell>
                      <TableCell>{q.programmeId}</TableCell>
                      <TableCell>{translate(q.created ? 'genq_quarter_import.status_created' : 'genq_quarter_import.status_existing')}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Box>
          )}
          <Box>
            <Button component={Link} to="/quarters" data-testid="quarter-import-to-list">
              {translate('genq_quarter_import.to_list')}
            </Button>
          </Box>
        </Stack>
      </CardContent>
    </Card>
  );
};

/** "Importieren" in the quarter list's toolbar, for whoever may register quarters. */
export const QuarterImportButton = () => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'quarters', action: 'import' });
  if (!canAccess) return null;
  return (
    <Button component={Link} to="/quarters/import" size="small" startIcon={<UploadFileIcon />} data-testid="quarter-import-open">
      {translate('genq_quarter_import.open')}
    </Button>
  );
};
