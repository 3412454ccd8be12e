import { useCallback, useEffect, useState } from 'react';
import type { GoalsWorkshopDto } from '@genq/contracts';
import { List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { Refusal, StepField, StepPanel, StepSubmit, today, useStepSubmit } from '../actors/StepForm';
import { agreementsApi } from './api';
import { reasonOf } from './errors';
import { useFormat } from './format';

const W = 'genq_steps.goals_workshop';

/**
 * "Zielvereinbarungsworkshop": the workshops recorded on the drafted goals and measures, and
 * the form that records one (which completes the step). The API refuses (409) while no goal
 * with a measure is drafted; the refusal shows above the button.
 */
export const GoalsWorkshopPanel = ({ quarterId, mayWrite }: { quarterId: string; mayWrite: boolean }) => {
  const translate = useTranslate();
  const format = useFormat();
  const [workshops, setWorkshops] = useState<GoalsWorkshopDto[] | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const { errors, refusal, busy, submit } = useStepSubmit(`${W}.saved`);
  const [form, setForm] = useState({ date: today(), participants: '', notes: '' });

  const load = useCallback(async () => {
    try {
      setWorkshops(await agreementsApi.goalsWorkshops(quarterId));
      setFailed(null);
    } catch (err) {
      setFailed(reasonOf(err));
    }
  }, [quarterId]);
  useEffect(() => {
    void load();
  }, [load]);

  const save = () =>
    submit(
      () => agreementsApi.recordGoalsWorkshop(quarterId, { date: form.date, participants: form.participants, ...(form.notes.trim() ? { notes: form.notes.trim() } : {}) }),
      async () => {
        setForm({ date: today(), participants: '', notes: '' });
        await load();
      },
    );

  return (
    <StepPanel title={translate(`${W}.title`)} testId="goals-workshop-panel">
      {failed && <Refusal text={failed} testId="goals-workshop-failed" />}
      {workshops && workshops.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {translate(`${W}.none`)}
        </Typography>
      )}
      {workshops && workshops.length > 0 && (
        <List dense data-testid="goals-workshops">
          {workshops.map((w) => (
            <ListItem key={w.id} disableGutters>
              <ListItemText
                primary={`${format.date(w.date)} · ${translate(`${W}.counts`, { goals: w.goals, measures: w.measures })}`}
                secondary={[`${translate(`${W}.participants`)}: ${w.participants}`, w.notes].filter(Boolean).join(' — ')}
              />
            </ListItem>
          ))}
        </List>
      )}
      {mayWrite && (
        <Stack spacing={2} sx={{ mt: 1 }} data-testid="goals-workshop-form">
          <Typography variant="body2" color="text.secondary">
            {translate(`${W}.intro`)}
          </Typography>
          <StepField date label={translate(`${W}.date`)} value={form.date} error={errors.date} onChange={(date) => setForm({ ...form, date })} />
          <StepField label={translate(`${W}.participants`)} value={form.participants} error={errors.participants} onChange={(participants) => setForm({ ...form, participants })} />
          <StepField rows={2} label={translate(`${W}.notes`)} value={form.notes} error={errors.notes} onChange={(notes) => setForm({ ...form, notes })} />
          <StepSubmit label={translate(`${W}.submit`)} refusal={refusal} refusalTestId="goals-workshop-refusal" busy={busy} onClick={() => void save()} />
        </Stack>
      )}
    </StepPanel>
  );
};
