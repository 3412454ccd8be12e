import { useState } from 'react';
import { Box, Button, Chip, List, ListItem, ListItemText, MenuItem, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useCanAccess, useNotify, useTranslate } from 'react-admin';
import { session } from '../auth/authProvider';
import { LoadFailed, useQuarterApi } from '../quarters/useQuarterApi';
import { FormDialog, GapsAlert } from './FormDialog';
import { agreementsApi, downloadPdf } from './api';
import type { FilePath } from '../providers/apiClient';
import { fieldErrors, gapsOf, reasonOf } from './errors';
import { useFormat } from './format';
import { setGaps, useGaps } from './gaps';
import { ACTION_FIELDS, type AgreementStatus, type AgreementVersion } from './types';

const A = 'genq_agreements.agreement';
const statusColor: Record<AgreementStatus, 'default' | 'primary' | 'success' | 'warning'> = {
  submitted: 'primary',
  binding: 'warning',
  approved: 'success',
  sent_back: 'default',
  superseded: 'default',
};

/** The Zielvereinbarung: versions with hash and signatures, submitting, signing, the programme office's review, and the certificate. */
export const AgreementTab = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const format = useFormat();
  const { canAccess: mayDraft } = useCanAccess({ resource: 'agreements', action: 'draft' });
  const { canAccess: maySign } = useCanAccess({ resource: 'agreements', action: 'sign' });
  const { canAccess: mayReview } = useCanAccess({ resource: 'agreements', action: 'review' });
  const { quarterId, data, error, reload: load } = useQuarterApi(async (id) => {
    const [versions, certificate, amendments] = await Promise.all([agreementsApi.versions(id), agreementsApi.certificate(id), agreementsApi.amendments(id)]);
    return { versions, certificate, amendments };
  }, reasonOf);
  const gaps = useGaps(quarterId);
  const [creating, setCreating] = useState(false);
  const [reviewing, setReviewing] = useState<AgreementVersion | null>(null);

  if (error) return <LoadFailed messageKey="genq_agreements.failed" error={error} />;
  if (!data || !quarterId) return null;
  const { versions, certificate, amendments } = data;

  const refused = (err: unknown) => notify(translate('genq_agreements.refused', { reason: reasonOf(err) }), { type: 'error' });
  const download = (path: FilePath, filename: string) => downloadPdf(path, filename).catch(refused);
  const bound = versions.some((v) => v.status === 'binding' || v.status === 'approved');
  const myOrganisation = session.user?.organisationId ?? null;

  const sign = async (v: AgreementVersion) => {
    try {
      const result = await agreementsApi.sign(quarterId, v.id);
      notify(result.becameBinding ? `${A}.became_binding` : `${A}.signed`, { type: 'success' });
      await load();
    } catch (err) {
      refused(err);
    }
  };

  return (
    <Stack spacing={3} sx={{ py: 1 }} data-testid="agreement-tab">
      <Box>
        <Stack direction="row" spacing={1} alignItems="center">
          <Typography variant="h6">{translate(`${A}.versions`)}</Typography>
          {mayDraft && !bound && (
            <Button size="small" variant="outlined" onClick={() => setCreating(true)}>
              {translate(`${A}.create`)}
            </Button>
          )}
        </Stack>
        {gaps.length > 0 && (
          <GapsAlert gaps={gaps} sx={{ my: 1 }} testId="agreement-gaps" />
        )}
        {versions.length === 0 ? (
          <Typography color="text.secondary">{translate(`${A}.no_versions`)}</Typography>
        ) : (
          <Table size="small" data-testid="agreement-versions">
            <TableHead>
              <TableRow>
                <TableCell>{translate(`${A}.number`)}</TableCell>
                <TableCell>{translate(`${A}.submitted_at`)}</TableCell>
                <TableCell>{translate(`${A}.status`)}</TableCell>
                <TableCell>{translate(`${A}.hash`)}</TableCell>
                <TableCell>{translate(`${A}.signatures`)}</TableCell>
                <TableCell />
              </TableRow>
            </TableHead>
            <TableBody>
              {versions.map((v) => (
                <TableRow key={v.id} data-testid={`version-${v.number}`}>
                  <TableCell>{v.number}</TableCell>
                  <TableCell>
                    {format.dateTime(v.submittedAt)}
                    <Typography variant="caption" display="block" color="text.secondary">
                      {translate(`${A}.window`)}: {format.date(v.snapshot.windowStart)} – {format.date(v.snapshot.windowEnd)}
                    </Typography>
                  </TableCell>
                  <TableCell>
                    <Chip size="small" color={statusColor[v.status]} label={translate(`${A}.statuses.${v.status}`)} data-testid="version-status" />
                    {v.requiredChanges && (
                      <Typography variant="caption" display="block">
                        {translate(`${A}.required_changes`, { text: v.requiredChanges })}
                      </Typography>
                    )}
                  </TableCell>
                  <TableCell sx={{ fontFamily: 'monospace', fontSize: 11, wordBreak: 'break-all', maxWidth: 220 }}>{v.contentHash}</TableCell>
                  <TableCell data-testid="version-signatures">
                    {v.signatures.length === 0
                      ? translate(`${A}.no_signatures`)
                      : v.signatures.map((s) => (
                          <Typography key={s.id} variant="body2">
                            {translate(`${A}.signed_by`, { organisation: s.organisationName, role: translate(`${A}.signatory_roles.${s.role}`), at: format.dateTime(s.at) })}
                          </Typography>
                        ))}
                  </TableCell>
                  <TableCell>
                    <Stack spacing={0.5}>
                      {maySign && v.status === 'submitted' && !v.signatures.some((s) => s.organisationId === myOrganisation) && (
                        <Button size="small" variant="contained" onClick={() => void sign(v)}>
                          {translate(`${A}.sign`)}
                        </Button>
                      )}
                      {mayReview && v.status === 'binding' && (
                        <Button size="small" variant="contained" onClick={() => setReviewing(v)}>
                          {translate(`${A}.review`)}
                        </Button>
                      )}
                      <Button size="small" onClick={() => void download(agreementsApi.versionPdfPath(quarterId, v.id), `zielvereinbarung-v${v.number}.pdf`)}>
                        {translate(`${A}.pdf`)}
                      </Button>
                    </Stack>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Box>

      <Paper variant="outlined" sx={{ p: 2 }} data-testid="certificate-panel">
        <Typography variant="h6">{translate(`${A}.certificate`)}</Typography>
        {!certificate ? (
          <Typography color="text.secondary">{translate(`${A}.no_certificate`)}</Typography>
        ) : (
          <>
            <Table size="small">
              <TableBody>
                <TableRow>
                  <TableCell>{translate(`${A}.certificate_number`)}</TableCell>
                  <TableCell data-testid="certificate-number">{certificate.number}</TableCell>
                </TableRow>
                <TableRow>
                  <TableCell>{translate(`${A}.valid`)}</TableCell>
                  <TableCell>{translate(`${A}.valid_range`, { from: format.date(certificate.issuedAt), until: format.date(certificate.validUntil) })}</TableCell>
                </TableRow>
                <TableRow>
                  <TableCell>{translate(`${A}.verification_code`)}</TableCell>
                  <TableCell sx={{ fontFamily: 'monospace' }}>{certificate.verificationCode}</TableCell>
                </TableRow>
                <TableRow>
                  <TableCell>{translate(`${A}.partners`)}</TableCell>
                  <TableCell>{certificate.partners.join(', ')}</TableCell>
                </TableRow>
              </TableBody>
            </Table>
            <Button sx={{ mt: 1 }} variant="outlined" onClick={() => void download(agreementsApi.certificatePdfPath(quarterId), `zertifikat-${certificate.number}.pdf`)}>
              {translate(`${A}.certificate_pdf`)}
            </Button>
          </>
        )}
      </Paper>

      <Box>
        <Typography variant="h6">{translate(`${A}.amendments`)}</Typography>
        {amendments.length === 0 ? (
          <Typography color="text.secondary">{translate(`${A}.no_amendments`)}</Typography>
        ) : (
          <List dense data-testid="amendments">
            {amendments.map((a) => (
              <ListItem key={a.id} disableGutters>
                <ListItemText
                  primary={translate(`${A}.amendment_line`, {
                    date: format.date(a.proposedAt),
                    description: a.description,
                    number: a.version.number,
                    status: translate(`${A}.amendment_statuses.${a.status}`),
                  })}
                  secondary={`${a.reason} · ${a.changes.map((c) => `${c.action}: ${c.title}`).join('; ')}`}
                />
              </ListItem>
            ))}
          </List>
        )}
      </Box>

      {creating && (
        <CreateVersionDialog
          quarterId={quarterId}
          onClose={() => setCreating(false)}
          onSaved={async (v) => {
            setCreating(false);
            notify(translate(`${A}.created`, { number: v.number }), { type: 'success' });
            await load();
          }}
        />
      )}
      {reviewing && (
        <ReviewDialog
          quarterId={quarterId}
          version={reviewing}
          onClose={() => setReviewing(null)}
          onSaved={async () => {
            setReviewing(null);
            notify(`${A}.decided`, { type: 'success' });
            await load();
          }}
        />
      )}
    </Stack>
  );
};

const CreateVersionDialog = ({ quarterId, onClose, onSaved }: { quarterId: string; onClose: () => void; onSaved: (v: AgreementVersion) => Promise<void> }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [weak, setWeak] = useState<string[]>([]);
  const [windowStart, setWindowStart] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = async () => {
    try {
      const version = await agreementsApi.submitVersion(quarterId, weak, windowStart || undefined);
      setGaps(quarterId, []);
      await onSaved(version);
    } catch (err) {
      setErrors(fieldErrors(err));
      const gaps = gapsOf(err);
      setGaps(quarterId, gaps);
      if (gaps.length > 0) {
        notify(translate(`${A}.incomplete`, { count: gaps.length }), { type: 'warning' });
        onClose();
      } else {
        notify(translate('genq_agreements.refused', { reason: reasonOf(err) }), { type: 'error' });
      }
    }
  };
  return (
    <FormDialog
      title={translate(`${A}.create_title`)}
      onClose={onClose}
      actions={
        <Button variant="contained" onClick={() => void save()}>
          {translate(`${A}.create`)}
        </Button>
      }
    >
      <TextField
        select
        size="small"
        label={translate(`${A}.weak_fields`)}
        value={weak}
        error={!!errors.weakActionFields}
        helperText={errors.weakActionFields ?? translate(`${A}.weak_fields_hint`)}
        SelectProps={{ multiple: true, renderValue: (v) => (v as string[]).join(', ') }}
        onChange={(e) => setWeak(e.target.value as unknown as string[])}
      >
        {ACTION_FIELDS.map((f) => (
          <MenuItem key={f} value={f}>
            {translate(`genq_agreements.action_fields.${f}`)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        size="small"
        type="date"
        label={translate(`${A}.window_start`)}
        value={windowStart}
        error={!!errors.windowStart}
        helperText={errors.windowStart}
        onChange={(e) => setWindowStart(e.target.value)}
        InputLabelProps={{ shrink: true }}
      />
    </FormDialog>
  );
};

const ReviewDialog = ({ quarterId, version, onClose, onSaved }: { quarterId: string; version: AgreementVersion; onClose: () => void; onSaved: () => Promise<void> }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [decision, setDecision] = useState<'approved' | 'sent_back'>('approved');
  const [requiredChanges, setRequiredChanges] = useState('');
  const [loopTo, setLoopTo] = useState('');
  const [newDue, setNewDue] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const save = async () => {
    try {
      await agreementsApi.review(
        quarterId,
        version.id,
        decision === 'approved'
          ? { decision }
          : { decision, requiredChanges, ...(loopTo ? { loopTo } : {}), ...(newDue ? { newDue } : {}) },
      );
      await onSaved();
    } catch (err) {
      setErrors(fieldErrors(err));
      notify(translate('genq_agreements.refused', { reason: reasonOf(err) }), { type: 'error' });
    }
  };
  return (
    <FormDialog
      title={translate(`${A}.review_title`, { number: version.number })}
      onClose={onClose}
      actions={
        <Button variant="contained" color={decision === 'approved' ? 'primary' : 'warning'} onClick={() => void save()}>
          {translate(decision === 'approved' ? `${A}.approve` : `${A}.send_back`)}
        </Button>
      }
    >
      <TextField select size="small" label={translate(`${A}.decision`)} value={decision} onChange={(e) => setDecision(e.target.value as 'approved' | 'sent_back')}>
        {(['approved', 'sent_back'] as const).map((d) => (
          <MenuItem key={d} value={d}>
            {translate(`${A}.decisions.${d}`)}
          </MenuItem>
        ))}
      </TextField>
      {decision === 'sent_back' && (
        <>
          <TextField
            size="small"
            multiline
            minRows={3}
            label={translate(`${A}.required_changes_label`)}
            value={requiredChanges}
            error={!!errors.requiredChanges}
            helperText={errors.requiredChanges}
            onChange={(e) => setRequiredChanges(e.target.value)}
          />
          <Stack direction="row" spacing={1}>
            <TextField select fullWidth size="small" label={translate(`${A}.loop_to`)} value={loopTo} error={!!errors.loopTo} helperText={errors.loopTo} onChange={(e) => setLoopTo(e.target.value)}>
              <MenuItem value="">–</MenuItem>
              {(['goals_workshop', 'decision_and_signing'] as const).map((s) => (
                <MenuItem key={s} value={s}>
                  {translate(`${A}.loop_steps.${s}`)}
                </MenuItem>
              ))}
            </TextField>
            <TextField
              fullWidth
              size="small"
              type="date"
              label={translate(`${A}.new_due`)}
              value={newDue}
              error={!!errors.newDue}
              helperText={errors.newDue}
              onChange={(e) => setNewDue(e.target.value)}
              InputLabelProps={{ shrink: true }}
            />
          </Stack>
        </>
      )}
    </FormDialog>
  );
};
