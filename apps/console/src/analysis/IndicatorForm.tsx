import { useEffect, useState } from 'react';
import { Box, Button, IconButton, ListSubheader, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import DeleteOutlineIcon from '@mui/icons-material/DeleteOutline';
import { useNotify, useTranslate } from 'react-admin';
import { analysisApi, type IndicatorChoice } from './api';
import { fieldErrors, reasonOf } from '../agreements/errors';
import { isoFromGermanDate } from './dates';

interface Row {
  indicatorId: string;
  value: string;
  referenceDate: string;
  source: string;
}

const emptyRow = (): Row => ({ indicatorId: '', value: '', referenceDate: '', source: '' });
/** A number as a German writes it: 1.234,5 (a point groups thousands, the comma separates decimals). */
const numberOf = (text: string) => Number(text.trim().replace(/\./g, '').replace(',', '.'));

/**
 * Indicator values by hand, one or more at once (issue 17): the indicator picked by its German
 * name with its unit, the value, the reference date as TT.MM.JJJJ. Saved through the same API as
 * the file import checks (PUT /api/quarters/:id/indicators); every field problem shows beside its field.
 */
export const IndicatorForm = ({ quarterId, onSaved }: { quarterId: string; onSaved: () => Promise<void> }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [choices, setChoices] = useState<IndicatorChoice[]>([]);
  const [rows, setRows] = useState<Row[]>([emptyRow()]);
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    analysisApi.indicatorChoices(quarterId).then(setChoices, () => setChoices([]));
  }, [quarterId]);

  const set = (i: number, patch: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  const unitOf = (id: string) => choices.find((c) => c.id === id)?.unit;
  const groups = [...new Set(choices.map((c) => c.group))];

  const save = async () => {
    // A date that is not TT.MM.JJJJ goes as typed: the API names the problem beside the field.
    const values = rows.map((r) => ({
      indicatorId: r.indicatorId,
      referenceDate: isoFromGermanDate(r.referenceDate) ?? r.referenceDate.trim(),
      value: r.value.trim() === '' ? Number.NaN : numberOf(r.value),
      ...(r.source.trim() ? { source: r.source.trim() } : {}),
    }));
    try {
      const result = await analysisApi.saveIndicators(quarterId, values);
      setErrors({});
      setRows([emptyRow()]);
      notify(translate('genq_analysis.indicators.form.saved', { created: result.created, updated: result.updated, unchanged: result.unchanged }), { type: 'success' });
      await onSaved();
    } catch (err) {
      setErrors(fieldErrors(err));
      notify(translate('genq_analysis.indicators.form.refused', { reason: reasonOf(err) }), { type: 'error' });
    }
  };

  return (
    <Paper variant="outlined" sx={{ p: 1.5, my: 1 }} data-testid="indicator-form">
      <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
        {translate('genq_analysis.indicators.form.title')}
      </Typography>
      <Stack spacing={1} sx={{ mt: 1 }}>
        {rows.map((r, i) => {
          const at = (field: string) => errors[`values.${i}.${field}`];
          const unit = unitOf(r.indicatorId);
          return (
            <Stack key={i} direction="row" spacing={1} alignItems="flex-start">
              <TextField
                select
                size="small"
                sx={{ flex: 3 }}
                label={translate('genq_analysis.indicators.indicator')}
                value={r.indicatorId}
                error={!!at('indicatorId')}
                helperText={at('indicatorId')}
                onChange={(e) => set(i, { indicatorId: e.target.value })}
              >
                {groups.flatMap((g) => [
                  <ListSubheader key={`g-${g}`}>{g}</ListSubheader>,
                  ...choices
                    .filter((c) => c.group === g)
                    .map((c) => (
                      <MenuItem key={c.id} value={c.id}>
                        {c.name} ({c.unit})
                      </MenuItem>
                    )),
                ])}
              </TextField>
              <TextField
                size="small"
                sx={{ flex: 1 }}
                label={unit ? `${translate('genq_analysis.indicators.value')} (${unit})` : translate('genq_analysis.indicators.value')}
                inputProps={{ inputMode: 'decimal' }}
                value={r.value}
                error={!!at('value')}
                helperText={at('value')}
                onChange={(e) => set(i, { value: e.target.value })}
              />
              <TextField
                size="small"
                sx={{ flex: 1 }}
                label={translate('genq_analysis.indicators.referenceDate')}
                placeholder="TT.MM.JJJJ"
                value={r.referenceDate}
                error={!!at('referenceDate')}
                helperText={at('referenceDate') ?? 'TT.MM.JJJJ'}
                onChange={(e) => set(i, { referenceDate: e.target.value })}
              />
              <TextField
                size="small"
                sx={{ flex: 2 }}
                label={translate('genq_analysis.indicators.source')}
                value={r.source}
                error={!!at('source')}
                helperText={at('source')}
                onChange={(e) => set(i, { source: e.target.value })}
              />
              <IconButton
                aria-label={translate('genq_analysis.indicators.form.remove_row', { row: i + 1 })}
                disabled={rows.length === 1}
                onClick={() => setRows(rows.filter((_, j) => j !== i))}
              >
                <DeleteOutlineIcon />
              </IconButton>
            </Stack>
          );
        })}
      </Stack>
      <Box sx={{ mt: 1 }}>
        <Button onClick={() => setRows([...rows, emptyRow()])}>{translate('genq_analysis.indicators.form.add_row')}</Button>
        <Button variant="contained" sx={{ ml: 1 }} onClick={() => void save()}>
          {translate('genq_analysis.indicators.form.save')}
        </Button>
      </Box>
    </Paper>
  );
};
