import { useEffect, useMemo, useState } from 'react';
import { Stack, TextField, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { actorsApi, type KickoffRecord, type Membership, type Person } from '../analysis/api';
import { membershipApi } from '../organisations/api';
import { useFormat } from '../agreements/format';
import { Fact, PersonSelect, StepField, StepPanel, StepSubmit, today, useStepSubmit } from './StepForm';

const K = 'genq_steps.kickoff';

/**
 * "Auftakt": the kick-off record of the quarter, or the form that records it (leads of the
 * organisations taking part, a facilitator of any organisation, the declaration date).
 * Recording it completes the Auftakt step: the process hears of it through the event stream.
 */
export const KickoffPanel = ({
  quarterId,
  record,
  memberships,
  mayWrite,
  onSaved,
}: {
  quarterId: string;
  record: KickoffRecord | null;
  memberships: Membership[];
  mayWrite: boolean;
  onSaved: () => Promise<void>;
}) => {
  const translate = useTranslate();
  const format = useFormat();
  const person = (p: { name: string; organisationName: string }) => translate(`${K}.person`, { name: p.name, organisation: p.organisationName });

  if (record) {
    return (
      <StepPanel title={translate(`${K}.title`)} testId="kickoff-panel">
        <Fact label={translate(`${K}.date`)}>{format.date(record.date)}</Fact>
        <Fact label={translate(`${K}.housing_company_lead`)}>{person(record.housingCompanyLead)}</Fact>
        <Fact label={translate(`${K}.municipality_lead`)}>{person(record.municipalityLead)}</Fact>
        <Fact label={translate(`${K}.facilitator`)}>{person(record.facilitator)}</Fact>
        <Fact label={translate(`${K}.declaration_signed_on`)}>{format.date(record.declarationSignedOn)}</Fact>
        {record.notes && <Fact label={translate(`${K}.notes_recorded`)}>{record.notes}</Fact>}
        <Typography variant="caption" color="text.secondary">
          {translate(`${K}.recorded_by`, { date: format.dateTime(record.recordedAt) })}
        </Typography>
      </StepPanel>
    );
  }
  return (
    <StepPanel title={translate(`${K}.title`)} testId="kickoff-panel">
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate(mayWrite ? `${K}.intro` : `${K}.not_recorded`)}
      </Typography>
      {mayWrite && <KickoffForm quarterId={quarterId} memberships={memberships} onSaved={onSaved} />}
    </StepPanel>
  );
};

type Option = { value: string; label: string };

const KickoffForm = ({ quarterId, memberships, onSaved }: { quarterId: string; memberships: Membership[]; onSaved: () => Promise<void> }) => {
  const translate = useTranslate();
  const { errors, refusal, busy, submit } = useStepSubmit(`${K}.saved`);
  const [form, setForm] = useState({ date: today(), housingCompanyLeadId: '', municipalityLeadId: '', facilitatorId: '', declarationSignedOn: today(), notes: '' });
  const [leads, setLeads] = useState<Option[]>([]);
  const [everyone, setEveryone] = useState<Array<Option & { facilitation: boolean }>>([]);
  const [filter, setFilter] = useState('');
  const label = (p: Person, organisationName: string) => translate(`${K}.person`, { name: p.role ? `${p.name}, ${p.role}` : p.name, organisation: organisationName });
  const organisationIds = useMemo(() => [...new Set(memberships.map((m) => m.organisationId))].join(','), [memberships]);

  // The leads: people of the organisations taking part in the quarter, by organisation.
  useEffect(() => {
    let current = true;
    const taking = memberships.filter((m, i) => memberships.findIndex((o) => o.organisationId === m.organisationId) === i);
    void Promise.all(taking.map(async (m) => (await actorsApi.people(m.organisationId)).map((p) => ({ value: p.id, label: label(p, m.organisationName) }))))
      .then((lists) => current && setLeads(lists.flat()))
      .catch(() => current && setLeads([]));
    return () => {
      current = false;
    };
    // Loads again only when the organisations taking part change.
  }, [organisationIds]);

  // The facilitator: anyone the user may see; people of the quarter's facilitating organisations first.
  useEffect(() => {
    let current = true;
    const facilitating = new Set(memberships.filter((m) => m.role === 'facilitator').map((m) => m.organisationId));
    void Promise.all([membershipApi.organisations(), actorsApi.people()])
      .then(([organisations, people]) => {
        if (!current) return;
        const names = new Map(organisations.map((o) => [o.id, o.name]));
        const options = people.map((p) => ({ value: p.id, label: label(p, names.get(p.organisationId) ?? '–'), facilitation: facilitating.has(p.organisationId) }));
        setEveryone([...options.filter((o) => o.facilitation), ...options.filter((o) => !o.facilitation)]);
      })
      .catch(() => current && setEveryone([]));
    return () => {
      current = false;
    };
    // Loads again only when the organisations taking part change.
  }, [organisationIds]);

  const needle = filter.trim().toLowerCase();
  const facilitators = everyone.filter((o) => !needle || o.value === form.facilitatorId || o.label.toLowerCase().includes(needle));
  const set = (key: keyof typeof form) => (value: string) => setForm({ ...form, [key]: value });
  const date = (key: 'date' | 'declarationSignedOn', labelKey: string) => (
    <StepField date label={translate(`${K}.${labelKey}`)} value={form[key]} error={errors[key]} onChange={set(key)} sx={{ minWidth: 240 }} />
  );

  const save = () =>
    submit(
      () =>
        actorsApi.recordKickoff(quarterId, {
          date: form.date,
          housingCompanyLeadId: form.housingCompanyLeadId,
          municipalityLeadId: form.municipalityLeadId,
          facilitatorId: form.facilitatorId,
          declarationSignedOn: form.declarationSignedOn,
          ...(form.notes.trim() ? { notes: form.notes.trim() } : {}),
        }),
      onSaved,
    );

  return (
    <Stack spacing={2} data-testid="kickoff-form">
      {leads.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {translate(`${K}.no_people`)}
        </Typography>
      )}
      <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
        {date('date', 'date')}
        {date('declarationSignedOn', 'declaration_signed_on')}
      </Stack>
      <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
        <PersonSelect label={translate(`${K}.housing_company_lead`)} value={form.housingCompanyLeadId} error={errors.housingCompanyLeadId} onChange={set('housingCompanyLeadId')} options={leads} />
        <PersonSelect label={translate(`${K}.municipality_lead`)} value={form.municipalityLeadId} error={errors.municipalityLeadId} onChange={set('municipalityLeadId')} options={leads} />
      </Stack>
      <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
        <TextField size="small" label={translate(`${K}.facilitator_filter`)} value={filter} onChange={(e) => setFilter(e.target.value)} sx={{ minWidth: 240 }} />
        <PersonSelect label={translate(`${K}.facilitator`)} value={form.facilitatorId} error={errors.facilitatorId} onChange={set('facilitatorId')} options={facilitators} />
      </Stack>
      <StepField rows={2} label={translate(`${K}.notes`)} value={form.notes} error={errors.notes} onChange={set('notes')} />
      <StepSubmit label={translate(`${K}.submit`)} refusal={refusal} refusalTestId="kickoff-refusal" busy={busy} onClick={() => void save()} />
    </Stack>
  );
};
