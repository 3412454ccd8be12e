import { useEffect, useState } from 'react';
import { Box, Button, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useCanAccess, useNotify, useTranslate } from 'react-admin';
import { membershipApi, type OrganisationOption, type PersonOption } from './api';
import { MEMBERSHIP_ROLES } from './choices';

/** One choice of the form, with the field's error from the gateway under it; `none` offers an empty choice first. */
const SelectField = ({
  label,
  value,
  error,
  onChange,
  minWidth,
  options,
  none,
  disabled,
  inputProps,
}: {
  label: string;
  value: string;
  error: string | undefined;
  onChange: (value: string) => void;
  minWidth: number;
  options: Array<{ value: string; label: string }>;
  none?: string;
  disabled?: boolean;
  inputProps?: Record<string, string>;
}) => (
  <TextField select size="small" label={label} value={value} error={!!error} helperText={error} onChange={(e) => onChange(e.target.value)} sx={{ minWidth }} disabled={disabled} inputProps={inputProps}>
    {none !== undefined && <MenuItem value="">{none}</MenuItem>}
    {options.map((o) => (
      <MenuItem key={o.value} value={o.value}>
        {o.label}
      </MenuItem>
    ))}
  </TextField>
);

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
        <SelectField
          label={translate('genq_organisations.membership.organisation')}
          value={form.organisationId}
          error={errors.organisationId}
          onChange={(organisationId) => setForm({ ...form, organisationId, personId: '' })}
          minWidth={280}
          inputProps={{ 'data-testid': 'membership-organisation' }}
          options={organisations.map((o) => ({ value: o.id, label: o.name }))}
        />
        <SelectField
          label={translate('genq_organisations.membership.person')}
          value={form.personId}
          error={errors.personId}
          onChange={(personId) => setForm({ ...form, personId })}
          minWidth={240}
          disabled={people.length === 0}
          none={translate('genq_organisations.membership.no_person')}
          options={people.map((p) => ({ value: p.id, label: p.role ? `${p.name} (${p.role})` : p.name }))}
        />
        <SelectField
          label={translate('genq_organisations.membership.role')}
          value={form.role}
          error={errors.role}
          onChange={(role) => setForm({ ...form, role })}
          minWidth={220}
          options={MEMBERSHIP_ROLES.map((r) => ({ value: r, label: translate(`genq_analysis.membership_roles.${r}`) }))}
        />
        <Button variant="contained" disabled={!form.organisationId} onClick={() => void submit()}>
          {translate('genq_organisations.membership.submit')}
        </Button>
      </Stack>
    </Box>
  );
};
