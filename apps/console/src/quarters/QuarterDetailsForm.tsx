import { useState } from 'react';
import { Alert, Box, Button, Dialog, DialogActions, DialogContent, DialogTitle, Stack, Table, TableBody, TableCell, TableRow, TextField, Typography } from '@mui/material';
import { useCanAccess, useNotify, useRecordContext, useRefresh, useTranslate } from 'react-admin';
import { fieldErrors, reasonOf } from '../agreements/errors';
import { useDateLocale } from '../i18n/useDateLocale';
import { apiUrl, httpClient } from '../providers/dataProvider';
import { formatForInput, parseGermanNumber } from './numbers';

const D = 'genq_quarter_details';

interface Boundary {
  type: string;
  coordinates: unknown[];
}

/** The size figures and boundary of a quarter (PATCH /api/quarters/:id); the rest of the quarter is not changed here. */
interface QuarterDetails {
  id: string;
  flats?: number | null;
  residents?: number | null;
  areaHa?: number | null;
  boundary?: Boundary | null;
}

type Field = 'flats' | 'residents' | 'areaHa' | 'boundary';
const FIGURES = ['flats', 'residents', 'areaHa'] as const;

/** "Polygon mit 5 Eckpunkten" / "Multipolygon aus 2 Flächen": enough to see that a boundary is there. */
const useBoundarySummary = () => {
  const translate = useTranslate();
  return (b: Boundary | null | undefined) => {
    if (!b) return '–';
    if (b.type === 'MultiPolygon') return translate(`${D}.boundary_multi`, { count: b.coordinates.length });
    const ring = Array.isArray(b.coordinates[0]) ? (b.coordinates[0] as unknown[]) : [];
    // GeoJSON closes each ring by repeating its first point.
    return translate(`${D}.boundary_polygon`, { count: Math.max(ring.length - 1, 0) });
  };
};

/**
 * The quarter's size figures (Wohnungen, Einwohner, Fläche in Hektar) and its boundary, on the
 * overview; the programme office and the quarter's partners and facilitators edit them (the
 * gateway's policy of PATCH /api/quarters/:id), everyone else only reads them.
 */
export const QuarterDetailsPanel = (_props: { label?: string }) => {
  const record = useRecordContext<QuarterDetails>();
  const translate = useTranslate();
  const locale = useDateLocale();
  const boundary = useBoundarySummary();
  const { canAccess: mayEdit } = useCanAccess({ resource: 'quarters', action: 'edit_details' });
  const [editing, setEditing] = useState(false);
  if (!record) return null;
  const figure = (n: number | null | undefined, unit?: string) =>
    n === null || n === undefined ? '–' : `${n.toLocaleString(locale, { maximumFractionDigits: 4 })}${unit ? ` ${unit}` : ''}`;
  return (
    <Box data-testid="quarter-details">
      <Table size="small" sx={{ maxWidth: 560 }}>
        <TableBody>
          <TableRow>
            <TableCell>{translate(`${D}.fields.flats`)}</TableCell>
            <TableCell data-testid="quarter-flats">{figure(record.flats)}</TableCell>
          </TableRow>
          <TableRow>
            <TableCell>{translate(`${D}.fields.residents`)}</TableCell>
            <TableCell data-testid="quarter-residents">{figure(record.residents)}</TableCell>
          </TableRow>
          <TableRow>
            <TableCell>{translate(`${D}.fields.areaHa`)}</TableCell>
            <TableCell data-testid="quarter-area">{figure(record.areaHa, 'ha')}</TableCell>
          </TableRow>
          <TableRow>
            <TableCell>{translate(`${D}.fields.boundary`)}</TableCell>
            <TableCell data-testid="quarter-boundary">{boundary(record.boundary)}</TableCell>
          </TableRow>
        </TableBody>
      </Table>
      {mayEdit && (
        <Button sx={{ mt: 1 }} size="small" variant="outlined" onClick={() => setEditing(true)}>
          {translate(`${D}.edit`)}
        </Button>
      )}
      {editing && <QuarterDetailsDialog quarter={record} onClose={() => setEditing(false)} />}
    </Box>
  );
};

const QuarterDetailsDialog = ({ quarter, onClose }: { quarter: QuarterDetails; onClose: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const locale = useDateLocale();
  const [values, setValues] = useState<Record<Field, string>>({
    flats: formatForInput(quarter.flats, locale),
    residents: formatForInput(quarter.residents, locale),
    areaHa: formatForInput(quarter.areaHa, locale),
    boundary: quarter.boundary ? JSON.stringify(quarter.boundary, null, 2) : '',
  });
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    // What the browser can tell is no number or no JSON is said at the field before anything is sent.
    const local: Partial<Record<Field, string>> = {};
    const body: Record<string, unknown> = {};
    for (const f of FIGURES) {
      const n = parseGermanNumber(values[f]);
      if (n === undefined) local[f] = translate(`${D}.not_a_number`);
      else body[f] = n;
    }
    if (values.boundary.trim() === '') body.boundary = null;
    else {
      try {
        body.boundary = JSON.parse(values.boundary);
      } catch {
        local.boundary = translate(`${D}.not_json`);
      }
    }
    setErrors(local);
    setFailure(null);
    if (Object.keys(local).length > 0) return;
    setSaving(true);
    try {
      await httpClient(`${apiUrl}/quarters/${encodeURIComponent(quarter.id)}`, { method: 'PATCH', body: JSON.stringify(body) });
      notify(`${D}.saved`, { type: 'success' });
      refresh();
      onClose();
    } catch (err) {
      const byField = fieldErrors(err);
      const shown: Partial<Record<Field, string>> = {};
      for (const [key, message] of Object.entries(byField)) {
        const field = (['flats', 'residents', 'areaHa', 'boundary'] as const).find((f) => key === f || key.startsWith(`${f}.`));
        if (field) shown[field] = shown[field] ? `${shown[field]}; ${message}` : message;
      }
      setErrors(shown);
      if (Object.keys(shown).length === 0) setFailure(reasonOf(err));
    } finally {
      setSaving(false);
    }
  };

  const input = (f: Field, extra: { multiline?: boolean; hint?: string } = {}) => (
    <TextField
      size="small"
      fullWidth
      label={translate(`${D}.labels.${f}`)}
      value={values[f]}
      onChange={(e) => setValues({ ...values, [f]: e.target.value })}
      error={!!errors[f]}
      helperText={errors[f] ?? extra.hint}
      inputProps={extra.multiline ? { style: { fontFamily: 'monospace', fontSize: 12 } } : { inputMode: 'decimal' }}
      multiline={extra.multiline}
      minRows={extra.multiline ? 6 : undefined}
      maxRows={extra.multiline ? 16 : undefined}
    />
  );

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate(`${D}.title`)}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <Typography variant="body2" color="text.secondary">
            {translate(`${D}.intro`)}
          </Typography>
          {input('flats')}
          {input('residents')}
          {input('areaHa', { hint: translate(`${D}.area_hint`) })}
          {input('boundary', { multiline: true, hint: translate(`${D}.boundary_hint`) })}
          {failure && <Alert severity="error">{translate(`${D}.refused`, { reason: failure })}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate(`${D}.cancel`)}</Button>
        <Button variant="contained" disabled={saving} onClick={() => void save()}>
          {translate(`${D}.save`)}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
