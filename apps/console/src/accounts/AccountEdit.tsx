import { useState } from 'react';
import { Alert, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, Typography } from '@mui/material';
import {
  BooleanInput,
  Edit,
  ReferenceArrayInput,
  ReferenceInput,
  SaveButton,
  SelectArrayInput,
  SelectInput,
  SimpleForm,
  TextInput,
  Toolbar,
  maxLength,
  required,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';
import { ROLES, isProgrammeRole, type Role } from '@genq/contracts';
import { dataProvider } from '../providers/dataProvider';
import type { Account } from './index';

/**
 * Only the editable fields go to the gateway: a programme role keeps programmes and no
 * organisation, a partner or facilitator an organisation and no programmes, so a changed
 * role does not carry the other kind's values along.
 */
export function accountBody(data: Record<string, unknown>): Record<string, unknown> {
  const role = data.role as Role;
  const programmeRole = isProgrammeRole(role);
  const organisationId = typeof data.organisationId === 'string' && data.organisationId !== '' ? data.organisationId : null;
  return {
    displayName: typeof data.displayName === 'string' ? data.displayName.trim() : data.displayName,
    role,
    programmeIds: programmeRole && Array.isArray(data.programmeIds) ? data.programmeIds : [],
    organisationId: programmeRole ? null : organisationId,
    canSign: programmeRole ? false : Boolean(data.canSign),
  };
}

const refusalOf = (err: unknown) => (err as { message?: string })?.message ?? String(err);

/** Deactivate or reactivate, after a confirmation; the gateway refuses your own account with its reason. */
const ActiveButton = () => {
  const record = useRecordContext<Account>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!record) return null;
  const apply = async (disabled: boolean) => {
    setBusy(true);
    try {
      await dataProvider.update('accounts', { id: record.id, data: { disabled }, previousData: record });
      notify(disabled ? 'genq_accounts.deactivated_done' : 'genq_accounts.reactivated_done', { type: 'success' });
      refresh();
    } catch (err) {
      notify(translate('genq_accounts.refused', { reason: refusalOf(err) }), { type: 'error' });
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };
  if (record.disabled) {
    return (
      <Button onClick={() => apply(false)} disabled={busy} data-testid="account-reactivate">
        {translate('genq_accounts.reactivate')}
      </Button>
    );
  }
  return (
    <>
      <Button color="error" onClick={() => setOpen(true)} data-testid="account-deactivate">
        {translate('genq_accounts.deactivate')}
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} aria-labelledby="account-deactivate-title">
        <DialogTitle id="account-deactivate-title">{translate('genq_accounts.deactivate_confirm_title', { name: record.displayName })}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate('genq_accounts.deactivate_confirm')}</DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)} disabled={busy}>
            {translate('ra.action.cancel')}
          </Button>
          <Button color="error" variant="contained" onClick={() => apply(true)} disabled={busy} data-testid="account-deactivate-confirm">
            {translate('genq_accounts.deactivate')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};

/** A new one-time password, after a confirmation; shown once in the dialog. */
const ResetPasswordButton = () => {
  const record = useRecordContext<Account>();
  const translate = useTranslate();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [password, setPassword] = useState<string | null>(null);
  if (!record) return null;
  const close = () => {
    setOpen(false);
    setPassword(null);
  };
  const reset = async () => {
    setBusy(true);
    try {
      setPassword((await dataProvider.resetPassword(String(record.id))).password);
    } catch (err) {
      notify(translate('genq_accounts.refused', { reason: refusalOf(err) }), { type: 'error' });
      setOpen(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button onClick={() => setOpen(true)} data-testid="account-reset-password">
        {translate('genq_accounts.reset_password')}
      </Button>
      <Dialog open={open} onClose={busy ? undefined : close} aria-labelledby="account-reset-title">
        <DialogTitle id="account-reset-title">
          {password ? translate('genq_accounts.reset_done_title') : translate('genq_accounts.reset_confirm_title', { name: record.displayName })}
        </DialogTitle>
        <DialogContent>
          {password ? (
            <Stack spacing={2}>
              <Alert severity="info">{translate('genq_accounts.reset_done')}</Alert>
              <Typography component="code" data-testid="account-new-password" sx={{ fontFamily: 'monospace', fontSize: '1.2rem', userSelect: 'all' }}>
                {password}
              </Typography>
            </Stack>
          ) : (
            <DialogContentText>{translate('genq_accounts.reset_confirm')}</DialogContentText>
          )}
        </DialogContent>
        <DialogActions>
          {password ? (
            <Button variant="contained" onClick={close}>
              {translate('ra.action.close')}
            </Button>
          ) : (
            <>
              <Button onClick={close} disabled={busy}>
                {translate('ra.action.cancel')}
              </Button>
              <Button variant="contained" onClick={reset} disabled={busy} data-testid="account-reset-confirm">
                {translate('genq_accounts.reset_password')}
              </Button>
            </>
          )}
        </DialogActions>
      </Dialog>
    </>
  );
};

const AccountToolbar = () => (
  <Toolbar sx={{ gap: 1 }}>
    <SaveButton />
    <ActiveButton />
    <ResetPasswordButton />
  </Toolbar>
);

const Status = () => {
  const record = useRecordContext<Account>();
  const translate = useTranslate();
  if (!record?.disabled) return null;
  return (
    <Alert severity="warning" sx={{ mb: 1 }} data-testid="account-deactivated">
      {translate('genq_accounts.deactivated')}
    </Alert>
  );
};

/** The programme office changes an account's role, programmes, organisation and signing authority; saves pessimistically, so field problems land at the inputs. */
export const AccountEdit = () => {
  const translate = useTranslate();
  const notify = useNotify();
  return (
    <Edit
      mutationMode="pessimistic"
      transform={accountBody}
      mutationOptions={{ onSuccess: () => notify('genq_accounts.saved', { type: 'success' }) }}
      redirect={false}
    >
      <SimpleForm toolbar={<AccountToolbar />}>
        <Status />
        <TextInput source="email" disabled fullWidth />
        <TextInput source="displayName" validate={[required(), maxLength(200)]} fullWidth />
        <SelectInput source="role" choices={ROLES.map((r) => ({ id: r, name: translate(`app.roles.${r}`) }))} validate={required()} helperText="genq_accounts.role_help" />
        <ReferenceArrayInput source="programmeIds" reference="programmes" sort={{ field: 'name', order: 'ASC' }} perPage={200}>
          <SelectArrayInput optionText="name" />
        </ReferenceArrayInput>
        <ReferenceInput source="organisationId" reference="organisations" sort={{ field: 'name', order: 'ASC' }} perPage={200}>
          <SelectInput optionText="name" emptyText="–" />
        </ReferenceInput>
        <BooleanInput source="canSign" />
      </SimpleForm>
    </Edit>
  );
};
