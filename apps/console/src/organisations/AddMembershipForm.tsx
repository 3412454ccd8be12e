import { useEffect, useState } from 'react';
import { Box, Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useCanAccess, useNotify, useTranslate } from 'react-admin';
import { membershipApi, type OrganisationOption, type PersonOption } from './api';
import { MEMBERSHIP_ROLES } from './choices';

/** "Organisation beteiligen": an organisation, optionally its contact person, in a role (programme office only). */
export const AddMembershipForm = ({ quarterId, onAdded }: { quarterId: string; onAdded: () => void }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const { canAccess } = useCanAccess({ resource: 'quarters', action: 'add_membership' });
  const [organisations, setOrganisations] = useState<OrganisationOption[]>([]);
  const [people, setPeople] = useState<PersonOption[]>([]);
  const [form, setForm] = useState({ organisationId: '', personId: '', role: 'cooperation_partner' });
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => {
    if (canAccess) membershipApi.organisations().then(setOrganisations, (e: Error) => notify(e.message, { type: 'error' }));
  }, [canAccess, notify]);
  useEffect(() => {
    setPeople([]);
    if (form.organisationId) membershipApi.peopleOf(form.organisationId).then(setPeople, () => setPeople([]));
  }, [form.organisationId]);

  if (!canAccess) return null;

  const submit = async () => {
    try {
      const added = await membershipApi.add(quarterId, { organisationId: form.organisationId, role: form.role, ...(form.personId ? { personId: form.personId } : {}) });
      setErrors({});
      setForm({ organisationId: '', personId: '', role: 'cooperation_partner' });
      notify(added.indicators?.updated === false ? 'genq_organisations.membership.indicators_pending' : 'genq_organisations.membership.saved', { type: 'success' });
      onAdded();
    } catch (err) {
      setErrors((err as { body?: { errors?: Record<string, string> } }).body?.errors ?? {});
      notify((err as Error).message, { type: 'error' });
    }
  };

  return (
    <Box data-testid="add-membership">
      <Typography variant="subtitle1" sx={{ mt: 1 }}>
        {translate('genq_organisations.membership.title')}
      </Typography>
      <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap sx={{ my: 1 }}>
        <TextField
          select
          size="small"
          label={translate('genq_organisations.membership.organisation')}
          value={form.organisationId}
          error={!!errors.organisationId}
          helperText={errors.organisationId}
          onChange={(e) => setForm({ ...form, organisationId: e.target.value, personId: '' })}
          sx={{ minWidth: 280 }}
          inputProps={{ 'data-testid': 'membership-organisation' }}
        >
          {organisations.map((o) => (
            <MenuItem key={o.id} value={o.id}>
              {o.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label={translate('genq_organisations.membership.person')}
          value={form.personId}
          error={!!errors.personId}
          helperText={errors.personId}
          onChange={(e) => setForm({ ...form, personId: e.target.value })}
          sx={{ minWidth: 240 }}
          disabled={people.length === 0}
        >
          <MenuItem value="">{translate('genq_organisations.membership.no_person')}</MenuItem>
          {people.map((p) => (
            <MenuItem key={p.id} value={p.id}>
              {p.role ? `${p.name} (${p.role})` : p.name}
            </MenuItem>
          ))}
        </TextField>
        <TextField
          select
          size="small"
          label={translate('genq_organisations.membership.role')}
          value={form.role}
          error={!!errors.role}
          helperText={errors.role}
          onChange={(e) => setForm({ ...form, role: e.target.value })}
          sx={{ minWidth: 220 }}
        >
          {MEMBERSHIP_ROLES.map((r) => (
            <MenuItem key={r} value={r}>
              {translate(`genq_analysis.membership_roles.${r}`)}
            </MenuItem>
          ))}
        </TextField>
        <Button variant="contained" disabled={!form.organisationId} onClick={() => void submit()}>
          {translate('genq_organisations.membership.submit')}
        </Button>
      </Stack>
    </Box>
  );
};
