import { useCallback, useEffect, useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Divider,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import type { AgreementVersionDto, AmendmentDto, AmendmentStatus, MeasureDto, MeasureKind, MembershipDto } from '@genq/contracts';
import { useCanAccess, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { session } from '../auth/authProvider';
import { parseGermanNumber } from '../quarters/numbers';
import { amendmentsApi, type AmendmentChange } from './amendmentsApi';
import { fieldErrors, reasonOf } from './errors';
import { useFormat } from './format';

const M = 'genq_amendments';
const PARTIES = ['housing_company', 'municipality'] as const;
const KINDS: readonly MeasureKind[] = ['unmittelbar', 'mittelbar'];
const statusColor: Record<AmendmentStatus, 'warning' | 'primary' | 'success' | 'default'> = { proposed: 'warning', confirmed: 'primary', accepted: 'success', rejected: 'default' };
const isOpen = (a: AmendmentDto) => a.status === 'proposed' || a.status === 'confirmed';
/** Measures that were replaced or dropped before cannot be changed again. */
const CLOSED_MEASURE_STATUSES = ['ersetzt', 'entfallen'];

interface ChangeDraft {
  action: 'replace' | 'drop';
  measureId: string;
  title: string;
  ownerOrganisationId: string;
  kind: MeasureKind;
  start: string;
  end: string;
  cost: string;
}

const emptyChange = (): ChangeDraft => ({ action: 'replace', measureId: '', title: '', ownerOrganisationId: '', kind: 'unmittelbar', start: '', end: '', cost: '' });

/**
 * Änderungen der Zielvereinbarung: a partner proposes to replace or drop measures of the
 * approved agreement (with a reason), both partners confirm (housing company and municipality,
 * each by someone with signing authority), the programme office accepts, or rejects an open
 * one with a reason (the agreement stays as it was). Every refusal shows
 * the API's reason; who may press which button follows the gateway's policies.
 */
export const AmendmentsPanel = () => {
  const record = useRecordContext<{ id: string }>();
  const translate = useTranslate();
  const notify = useNotify();
  const format = useFormat();
  const { canAccess: mayPropose } = useCanAccess({ resource: 'agreements', action: 'amend' });
  const { canAccess: mayConfirm } = useCanAccess({ resource: 'agreements', action: 'confirm_amendment' });
  const { canAccess: mayAccept } = useCanAccess({ resource: 'agreements', action: 'accept_amendment' });
  const { canAccess: mayReject } = useCanAccess({ resource: 'agreements', action: 'reject_amendment' });
  const quarterId = record?.id ? String(record.id) : undefined;
  const [amendments, setAmendments] = useState<AmendmentDto[] | null>(null);
  const [versions, setVersions] = useState<AgreementVersionDto[]>([]);
  const [memberships, setMemberships] = useState<MembershipDto[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [proposing, setProposing] = useState(false);
  const [rejecting, setRejecting] = useState<AmendmentDto | null>(null);

  const load = useCallback(async () => {
    if (!quarterId) return;
    try {
      const [a, v, m] = await Promise.all([amendmentsApi.list(quarterId), amendmentsApi.versions(quarterId), amendmentsApi.memberships(quarterId)]);
      setAmendments(a);
      setVersions(v);
      setMemberships(m);
      setError(null);
    } catch (e) {
      setError(reasonOf(e));
    }
  }, [quarterId]);

  useEffect(() => {
    void load();
  }, [load]);

  if (error) return <Alert severity="error">{translate(`${M}.failed`, { message: error })}</Alert>;
  if (!amendments || !quarterId) return null;

  const refused = (err: unknown) => notify(translate(`${M}.refused`, { reason: reasonOf(err) }), { type: 'error' });
  const approved = versions.find((v) => v.status === 'approved');
  const open = amendments.find(isOpen);
  const myOrganisation = session.user?.organisationId ?? null;
  const measureTitle = new Map(versions.flatMap((v) => v.snapshot.goals.flatMap((g) => g.measures.map((m) => [m.id, m.title] as const))));

  const confirm = async (a: AmendmentDto) => {
    try {
      const result = await amendmentsApi.confirm(quarterId, a.id);
      notify(result.becameConfirmed ? `${M}.became_confirmed` : `${M}.confirmed`, { type: 'success' });
      await load();
    } catch (err) {
      refused(err);
    }
  };
  const accept = async (a: AmendmentDto) => {
    try {
      await amendmentsApi.accept(quarterId, a.id);
      notify(`${M}.accepted`, { type: 'success' });
      await load();
    } catch (err) {
      refused(err);
    }
  };

  const describe = (c: AmendmentDto['changes'][number]) => {
    const old = c.measureId ? (measureTitle.get(c.measureId) ?? c.measureId) : '';
    if (c.action === 'replace') return translate(`${M}.change_lines.replace`, { old, title: c.title });
    if (c.action === 'drop') return translate(`${M}.change_lines.drop`, { old: old || c.title });
    return translate(`${M}.change_lines.add`, { title: c.title });
  };

  return (
    <Stack spacing={2} sx={{ py: 1 }} data-testid="amendments-panel">
      <Stack direction="row" spacing={1} alignItems="center">
        <Typography variant="h6">{translate(`${M}.title`)}</Typography>
        {mayPropose && approved && !open && (
          <Button size="small" variant="outlined" onClick={() => setProposing(true)}>
            {translate(`${M}.propose`)}
          </Button>
        )}
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {translate(approved || amendments.length > 0 ? `${M}.intro` : `${M}.not_yet`)}
      </Typography>
      {amendments.length === 0 ? (
        <Typography color="text.secondary">{translate(`${M}.none`)}</Typography>
      ) : (
        <Table size="small" data-testid="amendments-table">
          <TableHead>
            <TableRow>
              <TableCell>{translate(`${M}.version`)}</TableCell>
              <TableCell>{translate(`${M}.description`)}</TableCell>
              <TableCell>{translate(`${M}.changes`)}</TableCell>
              <TableCell>{translate(`${M}.status`)}</TableCell>
              <TableCell>{translate(`${M}.confirmations`)}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {amendments.map((a) => (
              <TableRow key={a.id} data-testid={`amendment-${a.version.number}`} sx={{ verticalAlign: 'top' }}>
                <TableCell>{a.version.number}</TableCell>
                <TableCell>
                  <Typography variant="body2">{a.description}</Typography>
                  <Typography variant="caption" display="block" color="text.secondary">
                    {translate(`${M}.reason_shown`, { text: a.reason })}
                  </Typography>
                  <Typography variant="caption" display="block" color="text.secondary">
                    {translate(`${M}.proposed_at`, { at: format.dateTime(a.proposedAt) })}
                  </Typography>
                </TableCell>
                <TableCell>
                  {a.changes.map((c, i) => (
                    <Typography key={i} variant="body2">
                      {describe(c)}
                    </Typography>
                  ))}
                </TableCell>
                <TableCell>
                  <Chip size="small" color={statusColor[a.status]} label={translate(`${M}.statuses.${a.status}`)} data-testid="amendment-status" />
                  {a.acceptedAt && (
                    <Typography variant="caption" display="block">
                      {translate(`${M}.accepted_at`, { at: format.dateTime(a.acceptedAt) })}
                    </Typography>
                  )}
                  {a.rejectedAt && (
                    <Box data-testid="amendment-rejection">
                      <Typography variant="caption" display="block">
                        {translate(`${M}.rejected_at`, { at: format.dateTime(a.rejectedAt) })}
                      </Typography>
                      <Typography variant="caption" display="block">
                        {translate(`${M}.rejection_shown`, { text: a.rejectionReason ?? '' })}
                      </Typography>
                    </Box>
                  )}
                </TableCell>
                <TableCell data-testid="amendment-confirmations">
                  {PARTIES.map((party) => {
                    const signature = a.version.signatures.find((s) => s.role === party);
                    return (
                      <Typography key={party} variant="body2">
                        {signature
                          ? translate(`${M}.confirmed_by`, { party: translate(`${M}.parties.${party}`), organisation: signature.organisationName, at: format.dateTime(signature.at) })
                          : a.confirmedBy.includes(party)
                            ? translate(`${M}.confirmed_party`, { party: translate(`${M}.parties.${party}`) })
                            : translate(`${M}.pending`, { party: translate(`${M}.parties.${party}`) })}
                      </Typography>
                    );
                  })}
                </TableCell>
                <TableCell>
                  <Stack spacing={0.5}>
                    {mayConfirm && a.status === 'proposed' && !a.version.signatures.some((s) => s.organisationId === myOrganisation) && (
                      <Button size="small" variant="contained" onClick={() => void confirm(a)}>
                        {translate(`${M}.confirm`)}
                      </Button>
                    )}
                    {mayAccept && a.status === 'confirmed' && (
                      <Button size="small" variant="contained" color="success" onClick={() => void accept(a)}>
                        {translate(`${M}.accept`)}
                      </Button>
                    )}
                    {mayReject && isOpen(a) && (
                      <Button size="small" variant="outlined" color="error" onClick={() => setRejecting(a)}>
                        {translate(`${M}.reject`)}
                      </Button>
                    )}
                  </Stack>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {proposing && approved && (
        <ProposeDialog
          quarterId={quarterId}
          version={approved}
          memberships={memberships}
          onClose={() => setProposing(false)}
          onSaved={async (a) => {
            setProposing(false);
            notify(translate(`${M}.proposed`, { number: a.version.number }), { type: 'success' });
            await load();
          }}
        />
      )}
      {rejecting && (
        <RejectDialog
          quarterId={quarterId}
          amendment={rejecting}
          onClose={() => setRejecting(null)}
          onSaved={async () => {
            setRejecting(null);
            notify(`${M}.rejected`, { type: 'success' });
            await load();
          }}
        />
      )}
    </Stack>
  );
};

/** The programme office rejects an open amendment; the reason is required and shown to the partners. */
const RejectDialog = ({ quarterId, amendment, onClose, onSaved }: { quarterId: string; amendment: AmendmentDto; onClose: () => void; onSaved: () => Promise<void> }) => {
  const translate = useTranslate();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async () => {
    setFailure(null);
    if (reason.trim() === '') {
      setError(translate(`${M}.reason_required`));
      return;
    }
    setError(undefined);
    setSaving(true);
    try {
      await amendmentsApi.reject(quarterId, amendment.id, reason.trim());
      await onSaved();
    } catch (err) {
      const byField = fieldErrors(err);
      setError(byField.reason);
      if (!byField.reason) setFailure(reasonOf(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm" data-testid="amendment-reject-dialog">
      <DialogTitle>{translate(`${M}.reject_title`, { number: amendment.version.number })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <Typography variant="body2">{translate(`${M}.reject_intro`, { description: amendment.description })}</Typography>
          <TextField
            size="small"
            multiline
            minRows={3}
            required
            label={translate(`${M}.rejection_reason`)}
            value={reason}
            error={!!error}
            helperText={error}
            onChange={(e) => setReason(e.target.value)}
          />
          {failure && <Alert severity="error">{translate(`${M}.refused`, { reason: failure })}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate(`${M}.cancel`)}</Button>
        <Button variant="contained" color="error" disabled={saving} onClick={() => void save()}>
          {translate(`${M}.reject_submit`)}
        </Button>
      </DialogActions>
    </Dialog>
  );
};

const ProposeDialog = ({
  quarterId,
  version,
  memberships,
  onClose,
  onSaved,
}: {
  quarterId: string;
  version: AgreementVersionDto;
  memberships: MembershipDto[];
  onClose: () => void;
  onSaved: (a: AmendmentDto) => Promise<void>;
}) => {
  const translate = useTranslate();
  const [description, setDescription] = useState('');
  const [reason, setReason] = useState('');
  const [changes, setChanges] = useState<ChangeDraft[]>([emptyChange()]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const measures: Array<MeasureDto & { goalTitle: string; actionFieldId: string }> = version.snapshot.goals.flatMap((g) =>
    g.measures.filter((m) => !CLOSED_MEASURE_STATUSES.includes(m.status)).map((m) => ({ ...m, goalTitle: g.title, actionFieldId: g.actionFieldId })),
  );
  const organisations = [...new Map(memberships.map((m) => [m.organisationId, m.organisationName])).entries()];

  const update = (i: number, patch: Partial<ChangeDraft>) => setChanges(changes.map((c, j) => (j === i ? { ...c, ...patch } : c)));
  // Choosing the measure to replace starts the new one from its owner, kind and schedule.
  const chooseMeasure = (i: number, measureId: string) => {
    const m = measures.find((x) => x.id === measureId);
    const c = changes[i]!;
    update(i, {
      measureId,
      ownerOrganisationId: c.ownerOrganisationId || m?.ownerOrganisationId || '',
      kind: m?.kind ?? c.kind,
      start: c.start || m?.start || '',
      end: c.end || m?.end || '',
    });
  };

  const save = async () => {
    const local: Record<string, string> = {};
    const payload: AmendmentChange[] = changes.map((c, i) => {
      if (c.action === 'drop') return { action: 'drop', measureId: c.measureId };
      const cost = parseGermanNumber(c.cost);
      if (cost === undefined) local[`changes.${i}.measure.cost`] = translate(`${M}.not_a_number`);
      return {
        action: 'replace',
        measureId: c.measureId,
        measure: { title: c.title, ownerOrganisationId: c.ownerOrganisationId, kind: c.kind, start: c.start, end: c.end, ...(typeof cost === 'number' ? { cost } : {}) },
      };
    });
    setErrors(local);
    setFailure(null);
    if (Object.keys(local).length > 0) return;
    setSaving(true);
    try {
      await onSaved(await amendmentsApi.propose(quarterId, { description, reason, changes: payload }));
    } catch (err) {
      const byField = fieldErrors(err);
      setErrors(byField);
      if (Object.keys(byField).length === 0) setFailure(reasonOf(err));
    } finally {
      setSaving(false);
    }
  };

  const at = (i: number, path: string) => errors[`changes.${i}.${path}`];
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md">
      <DialogTitle>{translate(`${M}.propose_title`, { number: version.number })}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          <TextField size="small" label={translate(`${M}.description`)} value={description} error={!!errors.description} helperText={errors.description} onChange={(e) => setDescription(e.target.value)} />
          <TextField
            size="small"
            multiline
            minRows={2}
            label={translate(`${M}.reason`)}
            value={reason}
            error={!!errors.reason}
            helperText={errors.reason}
            onChange={(e) => setReason(e.target.value)}
          />
          {errors.changes && <Alert severity="error">{errors.changes}</Alert>}
          {changes.map((c, i) => (
            <Box key={i} data-testid={`amendment-change-${i}`}>
              <Divider sx={{ mb: 2 }}>{translate(`${M}.change_n`, { n: i + 1 })}</Divider>
              <Stack spacing={2}>
                <Stack direction="row" spacing={1}>
                  <TextField select size="small" sx={{ minWidth: 220 }} label={translate(`${M}.action`)} value={c.action} onChange={(e) => update(i, { action: e.target.value as ChangeDraft['action'] })}>
                    {(['replace', 'drop'] as const).map((a) => (
                      <MenuItem key={a} value={a}>
                        {translate(`${M}.actions.${a}`)}
                      </MenuItem>
                    ))}
                  </TextField>
                  <TextField
                    select
                    fullWidth
                    size="small"
                    label={translate(`${M}.measure`)}
                    value={c.measureId}
                    error={!!at(i, 'measureId')}
                    helperText={at(i, 'measureId')}
                    onChange={(e) => chooseMeasure(i, e.target.value)}
                  >
                    {measures.map((m) => (
                      <MenuItem key={m.id} value={m.id}>
                        {`${m.title} (${m.actionFieldId} · ${m.goalTitle})`}
                      </MenuItem>
                    ))}
                  </TextField>
                </Stack>
                {c.action === 'replace' && (
                  <>
                    <Stack direction="row" spacing={1}>
                      <TextField
                        fullWidth
                        size="small"
                        label={translate(`${M}.new_title`)}
                        value={c.title}
                        error={!!at(i, 'measure.title')}
                        helperText={at(i, 'measure.title') ?? at(i, 'measure')}
                        onChange={(e) => update(i, { title: e.target.value })}
                      />
                      <TextField
                        select
                        fullWidth
                        size="small"
                        label={translate(`${M}.owner`)}
                        value={c.ownerOrganisationId}
                        error={!!at(i, 'measure.ownerOrganisationId')}
                        helperText={at(i, 'measure.ownerOrganisationId')}
                        onChange={(e) => update(i, { ownerOrganisationId: e.target.value })}
                      >
                        {organisations.map(([id, name]) => (
                          <MenuItem key={id} value={id}>
                            {name}
                          </MenuItem>
                        ))}
                      </TextField>
                    </Stack>
                    <Stack direction="row" spacing={1}>
                      <TextField select size="small" sx={{ minWidth: 160 }} label={translate(`${M}.kind`)} value={c.kind} onChange={(e) => update(i, { kind: e.target.value as MeasureKind })}>
                        {KINDS.map((k) => (
                          <MenuItem key={k} value={k}>
                            {k}
                          </MenuItem>
                        ))}
                      </TextField>
                      {(['start', 'end'] as const).map((f) => (
                        <TextField
                          key={f}
                          fullWidth
                          size="small"
                          type="date"
                          label={translate(`${M}.${f}`)}
                          value={c[f]}
                          error={!!at(i, `measure.${f}`)}
                          helperText={at(i, `measure.${f}`)}
                          onChange={(e) => update(i, { [f]: e.target.value })}
                          InputLabelProps={{ shrink: true }}
                        />
                      ))}
                      <TextField
                        fullWidth
                        size="small"
                        label={translate(`${M}.cost`)}
                        value={c.cost}
                        error={!!at(i, 'measure.cost')}
                        helperText={at(i, 'measure.cost')}
                        onChange={(e) => update(i, { cost: e.target.value })}
                        inputProps={{ inputMode: 'decimal' }}
                      />
                    </Stack>
                  </>
                )}
                {changes.length > 1 && (
                  <Box>
                    <Button size="small" color="inherit" onClick={() => setChanges(changes.filter((_, j) => j !== i))}>
                      {translate(`${M}.remove_change`)}
                    </Button>
                  </Box>
                )}
              </Stack>
            </Box>
          ))}
          <Box>
            <Button size="small" onClick={() => setChanges([...changes, emptyChange()])}>
              {translate(`${M}.add_change`)}
            </Button>
          </Box>
          {failure && <Alert severity="error">{translate(`${M}.refused`, { reason: failure })}</Alert>}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate(`${M}.cancel`)}</Button>
        <Button variant="contained" disabled={saving} onClick={() => void save()}>
          {translate(`${M}.submit`)}
        </Button>
      </DialogActions>
    </Dialog>
  );
};
