import { AGE_GROUPS, PARTICIPATION_EVENT_TYPES } from '@genq/contracts';
import { useState } from 'react';
import { Box, Button, List, ListItem, ListItemText, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useCanAccess, useNotify, useTranslate } from 'react-admin';
import { actorsApi } from '../analysis/api';
import { LoadFailed, useQuarterApi } from '../quarters/useQuarterApi';
import { AddMembershipForm } from '../organisations/AddMembershipForm';
import { useFormat } from '../agreements/format';
import { KickoffPanel } from './KickoffPanel';
import { ParticipationRecordPanel } from './ParticipationRecordPanel';

// Runtime copies of `PARTICIPATION_EVENT_TYPES` and `AGE_GROUPS` in @genq/contracts (types only there: its entry pulls in Temporal).
const EVENT_TYPES = PARTICIPATION_EVENT_TYPES;

/**
 * Who takes part in the quarter, its kick-off (Auftakt), the participation events held there
 * and the record that closes the participation phase. The forms are offered to those who may
 * write them (programme office, the quarter's partners and facilitators); the gateway decides.
 */
export const ActorsTab = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const format = useFormat();
  const { canAccess: mayWrite } = useCanAccess({ resource: 'quarters', action: 'record_steps' });
  const { quarterId, data, error, reload: load } = useQuarterApi(async (id) => {
    const [memberships, events, kickoff, participationRecord] = await Promise.all([
      actorsApi.memberships(id),
      actorsApi.events(id),
      actorsApi.kickoff(id),
      actorsApi.participationRecord(id),
    ]);
    return { memberships, events, kickoff, participationRecord };
  });
  const memberships = data?.memberships ?? [];
  const events = data?.events ?? [];
  const [form, setForm] = useState({ type: 'workshop', date: new Date().toISOString().slice(0, 10), outcome: '', counts: {} as Record<string, string> });
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});

  const add = async () => {
    if (!quarterId) return;
    const participants = Object.fromEntries(Object.entries(form.counts).filter(([, v]) => v !== '').map(([k, v]) => [k, Number(v)]));
    try {
      await actorsApi.addEvent(quarterId, { type: form.type, date: form.date, participants, ...(form.outcome.trim() ? { outcome: form.outcome } : {}) });
      setFieldErrors({});
      setForm({ ...form, outcome: '', counts: {} });
      notify('genq_analysis.events.saved', { type: 'success' });
      await load();
    } catch (err) {
      setFieldErrors(((err as { body?: { errors?: Record<string, string> } }).body?.errors) ?? {});
      notify((err as Error).message, { type: 'error' });
    }
  };

  if (error) return <LoadFailed messageKey="genq_analysis.failed" error={error} />;

  return (
    <Stack spacing={3} sx={{ py: 1 }}>
      {quarterId && data && <KickoffPanel quarterId={quarterId} record={data.kickoff} memberships={memberships} mayWrite={!!mayWrite} onSaved={load} />}
      <Box>
        <Typography variant="h6">{translate('genq_analysis.memberships.title')}</Typography>
        {memberships.length === 0 ? (
          <Typography color="text.secondary">{translate('genq_analysis.memberships.none')}</Typography>
        ) : (
          <List dense>
            {memberships.map((m) => (
              <ListItem key={m.id}>
                <ListItemText
                  primary={m.organisationName}
                  secondary={[
                    translate(`genq_analysis.membership_roles.${m.role}`),
                    m.personName ? translate('genq_organisations.membership.person_label', { name: m.personName }) : null,
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                />
              </ListItem>
            ))}
          </List>
        )}
        {quarterId && <AddMembershipForm quarterId={quarterId} onAdded={() => void load()} />}
      </Box>

      <Box>
        <Typography variant="h6">{translate('genq_analysis.events.title')}</Typography>
        {events.length === 0 ? (
          <Typography color="text.secondary">{translate('genq_analysis.events.none')}</Typography>
        ) : (
          <List dense data-testid="participation-events">
            {events.map((e) => (
              <ListItem key={e.id}>
                <ListItemText
                  primary={`${format.date(e.date)} · ${translate(`genq_analysis.event_types.${e.type}`)} · ${e.participantsTotal} ${translate('genq_analysis.events.total')}`}
                  secondary={[AGE_GROUPS.map((g) => `${g}: ${e.participants[g] ?? 0}`).join(', '), e.outcome].filter(Boolean).join(' — ')}
                />
              </ListItem>
            ))}
          </List>
        )}
        {mayWrite && (
          <>
            <Typography variant="subtitle1" sx={{ mt: 2 }}>
              {translate('genq_analysis.events.add')}
            </Typography>
            <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap sx={{ my: 1 }}>
              <TextField select size="small" label={translate('genq_analysis.events.type')} value={form.type} onChange={(e) => setForm({ ...form, type: e.target.value })} sx={{ minWidth: 200 }}>
                {EVENT_TYPES.map((t) => (
                  <MenuItem key={t} value={t}>
                    {translate(`genq_analysis.event_types.${t}`)}
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                size="small"
                type="date"
                label={translate('genq_analysis.events.date')}
                value={form.date}
                error={!!fieldErrors.date}
                helperText={fieldErrors.date}
                onChange={(e) => setForm({ ...form, date: e.target.value })}
                InputLabelProps={{ shrink: true }}
              />
              {AGE_GROUPS.map((g) => (
                <TextField
                  key={g}
                  size="small"
                  type="number"
                  label={g}
                  value={form.counts[g] ?? ''}
                  error={!!fieldErrors[`participants.${g}`]}
                  helperText={fieldErrors[`participants.${g}`]}
                  onChange={(e) => setForm({ ...form, counts: { ...form.counts, [g]: e.target.value } })}
                  sx={{ width: 100 }}
                  inputProps={{ min: 0, 'aria-label': `${translate('genq_analysis.events.participants')} ${g}` }}
                />
              ))}
            </Stack>
            <TextField
              fullWidth
              multiline
              minRows={2}
              size="small"
              label={translate('genq_analysis.events.outcome')}
              value={form.outcome}
              error={!!fieldErrors.outcome}
              helperText={fieldErrors.outcome}
              onChange={(e) => setForm({ ...form, outcome: e.target.value })}
            />
            <Button variant="contained" sx={{ mt: 1 }} onClick={() => void add()}>
              {translate('genq_analysis.events.add')}
            </Button>
          </>
        )}
      </Box>
      {quarterId && data && <ParticipationRecordPanel quarterId={quarterId} record={data.participationRecord} mayWrite={!!mayWrite} onSaved={load} />}
    </Stack>
  );
};
