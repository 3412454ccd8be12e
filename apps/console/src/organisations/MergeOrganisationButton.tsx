import { useState } from 'react';
import { Alert, Autocomplete, Button, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, TextField } from '@mui/material';
import MergeIcon from '@mui/icons-material/MergeType';
import { useCanAccess, useGetList, useNotify, useRecordContext, useRedirect, useTranslate } from 'react-admin';
import type { OrganisationDto, OrganisationMergeResult } from '@genq/contracts';
import { api, data } from '../providers/apiClient';

type Option = Pick<OrganisationDto, 'id' | 'name'>;

/**
 * "Zusammenführen": the programme office merges this organisation, a duplicate, into another
 * of the same kind in its programme (POST /api/organisations/:id/merge). Its memberships,
 * people, accounts and quarters move there and it is removed; the reason goes to the audit log.
 */
export const MergeOrganisationButton = () => {
  const record = useRecordContext<OrganisationDto>();
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const { canAccess } = useCanAccess({ resource: 'organisations', action: 'merge' });
  const [open, setOpen] = useState(false);
  const [into, setInto] = useState<Option | null>(null);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const { data: candidates = [], isPending } = useGetList<OrganisationDto>(
    'organisations',
    {
      filter: { type: record?.type, programmeId: record?.programmeId, ...(search.trim() ? { q: search.trim() } : {}) },
      pagination: { page: 1, perPage: 25 },
      sort: { field: 'name', order: 'ASC' },
    },
    { enabled: open && Boolean(record) },
  );
  if (!record || !canAccess) return null;
  const options: Option[] = candidates.filter((o) => o.id !== record.id).map((o) => ({ id: o.id, name: o.name }));
  const close = () => {
    setOpen(false);
    setInto(null);
    setReason('');
    setRefusal(null);
  };
  const merge = async () => {
    if (!into || !reason.trim()) return;
    setBusy(true);
    setRefusal(null);
    try {
      const result = await data<OrganisationMergeResult>(
        api.POST('/api/organisations/{id}/merge', { params: { path: { id: record.id } }, body: { into: into.id, reason: reason.trim() } }),
      );
      notify(translate('genq_organisations.merge.done', { name: record.name, into: result.organisation.name, ...result.moved }), { type: 'success' });
      close();
      redirect('show', 'organisations', result.organisation.id);
    } catch (err) {
      setRefusal((err as { message?: string })?.message ?? String(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button startIcon={<MergeIcon />} onClick={() => setOpen(true)} data-testid="organisation-merge">
        {translate('genq_organisations.merge.action')}
      </Button>
      <Dialog open={open} onClose={busy ? undefined : close} aria-labelledby="organisation-merge-title" fullWidth maxWidth="sm">
        <DialogTitle id="organisation-merge-title">{translate('genq_organisations.merge.title', { name: record.name })}</DialogTitle>
        <DialogContent>
          <Stack spacing={2} sx={{ pt: 1 }}>
            <DialogContentText>{translate('genq_organisations.merge.intro', { name: record.name })}</DialogContentText>
            <Autocomplete<Option>
              options={options}
              value={into}
              loading={isPending}
              onChange={(_e, v) => setInto(v)}
              onInputChange={(_e, v, why) => why === 'input' && setSearch(v)}
              getOptionLabel={(o) => o.name}
              isOptionEqualToValue={(a, b) => a.id === b.id}
              filterOptions={(o) => o}
              noOptionsText={translate('genq_organisations.merge.none')}
              renderInput={(params) => <TextField {...params} label={translate('genq_organisations.merge.into')} required />}
            />
            <TextField
              label={translate('genq_organisations.merge.reason')}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              required
              multiline
              minRows={2}
              inputProps={{ maxLength: 1000 }}
            />
            {into && <Alert severity="warning">{translate('genq_organisations.merge.warning', { name: record.name, into: into.name })}</Alert>}
            {refusal && <Alert severity="error">{refusal}</Alert>}
          </Stack>
        </DialogContent>
        <DialogActions>
          <Button onClick={close} disabled={busy}>
            {translate('ra.action.cancel')}
          </Button>
          <Button variant="contained" onClick={merge} disabled={busy || !into || !reason.trim()} data-testid="organisation-merge-confirm">
            {translate('genq_organisations.merge.confirm')}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
