import { useState } from 'react';
import { List, ListItem, ListItemText, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { actorsApi, type ParticipationRecord } from '../analysis/api';
import { useFormat } from '../agreements/format';
import { proposalErrorsOf, proposalsOf } from './proposals';
import { Fact, StepField, StepPanel, StepSubmit, today, useStepSubmit } from './StepForm';

const P = 'genq_steps.participation';

/**
 * "Beteiligungsphase abschließen": the participation record (proposals, events and
 * participants counted), or the form that closes the phase. The API refuses (409) while no
 * participation event is recorded; the refusal shows above the button.
 */
export const ParticipationRecordPanel = ({
  quarterId,
  record,
  mayWrite,
  onSaved,
}: {
  quarterId: string;
  record: ParticipationRecord | null;
  mayWrite: boolean;
  onSaved: () => Promise<void>;
}) => {
  const translate = useTranslate();
  const format = useFormat();
  if (record) {
    return (
      <StepPanel title={translate(`${P}.closed_title`)} testId="participation-record-panel">
        <Fact label={translate(`${P}.closed_on`)}>{format.date(record.closedOn)}</Fact>
        <Typography variant="body2" sx={{ my: 0.5 }} data-testid="participation-record-figures">
          {translate(`${P}.figures`, { events: record.events, participants: record.participants })}
        </Typography>
        <Typography variant="subtitle2" sx={{ mt: 1 }}>
          {translate(`${P}.proposals_title`)}
        </Typography>
        <List dense data-testid="participation-proposals">
          {record.proposals.map((p, i) => (
            <ListItem key={i} disableGutters>
              <ListItemText primary={p.text} secondary={p.actionFieldId ? translate(`genq_agreements.action_fields.${p.actionFieldId}`, { _: p.actionFieldId }) : null} />
            </ListItem>
          ))}
        </List>
        <Typography variant="body2" color={record.summary ? 'text.primary' : 'text.secondary'}>
          {record.summary ?? translate(`${P}.no_summary`)}
        </Typography>
        <Typography variant="caption" color="text.secondary">
          {translate(`${P}.recorded_by`, { date: format.dateTime(record.recordedAt) })}
        </Typography>
      </StepPanel>
    );
  }
  if (!mayWrite) return null;
  return (
    <StepPanel title={translate(`${P}.title`)} testId="participation-record-panel">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate(`${P}.intro`)}
      </Typography>
      <ParticipationRecordForm quarterId={quarterId} onSaved={onSaved} />
    </StepPanel>
  );
};

const ParticipationRecordForm = ({ quarterId, onSaved }: { quarterId: string; onSaved: () => Promise<void> }) => {
  const translate = useTranslate();
  const { errors, refusal, busy, submit } = useStepSubmit(`${P}.saved`);
  const [form, setForm] = useState({ closedOn: today(), proposals: '', summary: '' });
  const proposalErrors = proposalErrorsOf(errors);

  const save = () =>
    submit(
      () =>
        actorsApi.closeParticipation(quarterId, {
          closedOn: form.closedOn,
          proposals: proposalsOf(form.proposals),
          ...(form.summary.trim() ? { summary: form.summary.trim() } : {}),
        }),
      onSaved,
    );

  return (
    <Stack spacing={2} data-testid="participation-record-form">
      <StepField date label={translate(`${P}.closed_on`)} value={form.closedOn} error={errors.closedOn} onChange={(closedOn) => setForm({ ...form, closedOn })} />
      <StepField rows={3} label={translate(`${P}.proposals`)} value={form.proposals} error={proposalErrors} onChange={(proposals) => setForm({ ...form, proposals })} />
      <StepField rows={2} label={translate(`${P}.summary`)} value={form.summary} error={errors.summary} onChange={(summary) => setForm({ ...form, summary })} />
      <StepSubmit label={translate(`${P}.submit`)} refusal={refusal} refusalTestId="participation-record-refusal" busy={busy} onClick={() => void save()} />
    </Stack>
  );
};
