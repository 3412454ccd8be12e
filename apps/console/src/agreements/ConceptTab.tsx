import { useState } from 'react';
import { Alert, Box, Button, Chip, MenuItem, Paper, Stack, Table, TableBody, TableCell, TableHead, TableRow, TextField, Typography } from '@mui/material';
import { useCanAccess, useNotify, useTranslate } from 'react-admin';
import { LoadFailed, useQuarterApi } from '../quarters/useQuarterApi';
import { FormDialog, GapsAlert } from './FormDialog';
import { GoalsWorkshopPanel } from './GoalsWorkshopPanel';
import { agreementsApi } from './api';
import { fieldErrors, reasonOf } from './errors';
import { useFormat } from './format';
import { useGaps } from './gaps';
import {
  ACTION_FIELDS,
  FUNDING_SOURCES,
  MEASURE_KINDS,
  MEASURE_STATUSES,
  TARGET_GROUPS,
  type ActionFieldId,
  type ConceptGap,
  type Goal,
  type Measure,
  type QuarterMembership,
} from './types';
import { PdfButton, documentPaths } from '../documents/PdfButton';

const F = 'genq_agreements.concept';
type Errors = Record<string, string>;
const today = () => new Date().toISOString().slice(0, 10);
/** Versions that hold the drafted concept: while one of them stands, goals and measures stay as they are (the agreements service refuses). */
const LOCKING_STATUSES = ['submitted', 'binding', 'approved'];
/** A Euro amount as the form shows it (German decimal comma). */
const amountText = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n).replace('.', ','));
const amountOf = (text: string) => Number(text.replace(/\./g, '').replace(',', '.'));

/** The Handlungskonzept of the quarter per action field: goals, measures, justifications, the gaps the API reported, and the drafting forms. */
export const ConceptTab = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const format = useFormat();
  const { canAccess: mayDraft } = useCanAccess({ resource: 'agreements', action: 'draft' });
  const { canAccess: mayRecordStep } = useCanAccess({ resource: 'quarters', action: 'record_steps' });
  const { quarterId, data, error, reload: load } = useQuarterApi(async (id) => {
    const [concept, orgs, versions] = await Promise.all([agreementsApi.concept(id), agreementsApi.memberships(id), agreementsApi.versions(id)]);
    return { concept, orgs, locked: versions.some((v) => LOCKING_STATUSES.includes(v.status)) };
  }, reasonOf);
  const gaps = useGaps(quarterId);
  const [goalDialog, setGoalDialog] = useState<ActionFieldId | null>(null);
  const [measureDialog, setMeasureDialog] = useState<string | null>(null);
  const [statusDialog, setStatusDialog] = useState<Measure | null>(null);
  const [editGoal, setEditGoal] = useState<Goal | null>(null);
  const [editMeasure, setEditMeasure] = useState<Measure | null>(null);
  const [deleting, setDeleting] = useState<{ kind: 'goal'; goal: Goal & { measures: Measure[] } } | { kind: 'measure'; measure: Measure } | null>(null);

  if (error) return <LoadFailed messageKey="genq_agreements.failed" error={error} />;
  if (!data || !quarterId) return null;
  const { concept, orgs, locked } = data;
  /** Goals and measures are added, edited and deleted until the agreement is submitted; the alert above says why the buttons are gone. */
  const editable = !!mayDraft && !locked;

  const orgName = (id: string | null) => (id ? (orgs.find((o) => o.organisationId === id)?.organisationName ?? translate(`${F}.measure.unknown_org`)) : '–');
  const gapChips = (match: (g: ConceptGap) => boolean) =>
    gaps.filter(match).map((g, i) => <Chip key={i} size="small" color="error" variant="outlined" label={translate(`${F}.gap_codes.${g.code}`, { _: g.code })} sx={{ mr: 0.5 }} />);

  return (
    <Stack spacing={3} sx={{ py: 1 }} data-testid="concept-tab">
      <Box>
        <PdfButton path={documentPaths.concept(quarterId)} filename="handlungskonzept.pdf" label="genq_agreements.concept.pdf" />
      </Box>
      {gaps.length > 0 && (
        <GapsAlert gaps={gaps} testId="concept-gaps" />
      )}
      {mayDraft && locked && (
        <Alert severity="info" data-testid="concept-locked">
          {translate(`${F}.locked`)}
        </Alert>
      )}
      {ACTION_FIELDS.map((field) => {
        const goals = concept.goals.filter((g) => g.actionFieldId === field);
        const justification = concept.justifications.find((j) => j.actionFieldId === field);
        return (
          <Box key={field} data-testid={`action-field-${field}`}>
            <Stack direction="row" spacing={1} alignItems="center">
              <Typography variant="h6">{translate(`genq_agreements.action_fields.${field}`)}</Typography>
              {gapChips((g) => g.code === 'field_without_goal' && g.actionFieldId === field)}
              {editable && (
                <Button size="small" onClick={() => setGoalDialog(field)}>
                  {translate(`${F}.add_goal`)}
                </Button>
              )}
            </Stack>
            {goals.length === 0 && (
              <Typography variant="body2" color="text.secondary">
                {translate(`${F}.no_goals`)}
              </Typography>
            )}
            {goals.map((goal) => (
              <Paper key={goal.id} variant="outlined" sx={{ p: 1.5, my: 1 }} data-testid={`goal-${goal.id}`}>
                <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
                  <Typography variant="subtitle1" sx={{ fontWeight: 600 }}>
                    {goal.title}
                  </Typography>
                  {gapChips((g) => g.goalId === goal.id && !g.measureId)}
                  {editable && (
                    <>
                      <Button size="small" onClick={() => setEditGoal(goal)}>
                        {translate(`${F}.edit_goal`)}
                      </Button>
                      <Button size="small" color="error" onClick={() => setDeleting({ kind: 'goal', goal })}>
                        {translate(`${F}.delete_goal`)}
                      </Button>
                    </>
                  )}
                </Stack>
                <Typography variant="body2" color="text.secondary">
                  {translate(`${F}.goal.indicator`)}: {goal.indicator} · {translate(`${F}.goal.baseline`)}: {goal.baseline ?? '–'} ·{' '}
                  {translate(`${F}.goal.target`, { value: goal.targetValue, date: format.date(goal.targetDate) })}
                  {goal.targetGroups.length > 0 && ` · ${translate(`${F}.goal.target_groups`)}: ${goal.targetGroups.join(', ')}`}
                </Typography>
                {goal.measures.length === 0 ? (
                  <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
                    {translate(`${F}.measure.no_measures`)}
                  </Typography>
                ) : (
                  // Eight columns at 1280 px (issue 17): cells 8 px apart; on a narrower screen the
                  // table scrolls in its box (contained: it does not widen the page).
                  <Box sx={{ overflowX: 'auto', contain: 'inline-size' }}>
                    <Table size="small" sx={{ mt: 1, '& .MuiTableCell-root': { px: 1 } }}>
                      <TableHead>
                        <TableRow>
                          <TableCell>{translate(`${F}.measure.title`)}</TableCell>
                          <TableCell>{translate(`${F}.measure.owner`)}</TableCell>
                          <TableCell>{translate(`${F}.measure.partners`)}</TableCell>
                          <TableCell>{translate(`${F}.goal.target_groups`)}</TableCell>
                          <TableCell>{translate(`${F}.measure.kind`)}</TableCell>
                          <TableCell>{translate(`${F}.measure.schedule`)}</TableCell>
                          <TableCell>{translate(`${F}.measure.funding`)}</TableCell>
                          <TableCell>{translate(`${F}.measure.status`)}</TableCell>
                        </TableRow>
                      </TableHead>
                      <TableBody>
                        {goal.measures.map((m) => (
                          <TableRow key={m.id} data-testid={`measure-${m.id}`}>
                            <TableCell>
                              {m.title}
                              <Box>{gapChips((g) => g.measureId === m.id)}</Box>
                              {editable && (
                                <Box>
                                  <Button size="small" aria-label={`${translate(`${F}.edit_measure`)}: ${m.title}`} onClick={() => setEditMeasure(m)}>
                                    {translate(`${F}.edit_measure`)}
                                  </Button>
                                  <Button size="small" color="error" aria-label={`${translate(`${F}.delete_measure`)}: ${m.title}`} onClick={() => setDeleting({ kind: 'measure', measure: m })}>
                                    {translate(`${F}.delete_measure`)}
                                  </Button>
                                </Box>
                              )}
                            </TableCell>
                            <TableCell>{orgName(m.ownerOrganisationId)}</TableCell>
                            <TableCell>{m.partnerOrganisationIds.map(orgName).join(', ') || '–'}</TableCell>
                            <TableCell>{m.targetGroups.join(', ') || '–'}</TableCell>
                            <TableCell>{translate(`${F}.kinds.${m.kind}`, { _: m.kind })}</TableCell>
                            <TableCell>
                              {format.date(m.start)} – {format.date(m.end)}
                            </TableCell>
                            <TableCell>
                              {format.euro(m.cost)}
                              {m.funding.map((f, i) => (
                                <Typography key={i} variant="caption" display="block" color="text.secondary">
                                  {translate(`${F}.funding_sources.${f.source}`, { _: f.source })}: {format.euro(f.amount)}
                                </Typography>
                              ))}
                            </TableCell>
                            <TableCell>
                              <Chip size="small" label={m.status} />
                              {mayDraft && (
                                <Button size="small" onClick={() => setStatusDialog(m)}>
                                  {translate(`${F}.change_status`)}
                                </Button>
                              )}
                            </TableCell>
                          </TableRow>
                        ))}
                      </TableBody>
                    </Table>
                  </Box>
                )}
                {editable && (
                  <Button size="small" sx={{ mt: 1 }} onClick={() => setMeasureDialog(goal.id)}>
                    {translate(`${F}.add_measure`)}
                  </Button>
                )}
              </Paper>
            ))}
            {goals.length === 0 && (mayDraft || justification) && (
              <Justification key={`${field}-${justification?.text ?? ''}`} quarterId={quarterId} field={field} initial={justification?.text ?? ''} editable={!!mayDraft} onSaved={load} />
            )}
          </Box>
        );
      })}
      <GoalsWorkshopPanel quarterId={quarterId} mayWrite={!!mayRecordStep} />
      {goalDialog && (
        <GoalDialog
          quarterId={quarterId}
          field={goalDialog}
          onClose={() => setGoalDialog(null)}
          onSaved={async () => {
            setGoalDialog(null);
            notify(`${F}.goal_added`, { type: 'success' });
            await load();
          }}
        />
      )}
      {measureDialog && (
        <MeasureDialog
          quarterId={quarterId}
          goalId={measureDialog}
          orgs={orgs}
          onClose={() => setMeasureDialog(null)}
          onSaved={async () => {
            setMeasureDialog(null);
            notify(`${F}.measure_added`, { type: 'success' });
            await load();
          }}
        />
      )}
      {editGoal && (
        <GoalDialog
          quarterId={quarterId}
          field={editGoal.actionFieldId}
          goal={editGoal}
          onClose={() => setEditGoal(null)}
          onSaved={async () => {
            setEditGoal(null);
            notify(`${F}.goal_saved`, { type: 'success' });
            await load();
          }}
        />
      )}
      {editMeasure && (
        <MeasureDialog
          quarterId={quarterId}
          goalId={editMeasure.goalId}
          measure={editMeasure}
          orgs={orgs}
          onClose={() => setEditMeasure(null)}
          onSaved={async () => {
            setEditMeasure(null);
            notify(`${F}.measure_saved`, { type: 'success' });
            await load();
          }}
        />
      )}
      {deleting && (
        <DeleteDialog
          title={translate(deleting.kind === 'goal' ? `${F}.delete_goal` : `${F}.delete_measure`)}
          text={
            deleting.kind === 'goal'
              ? translate(`${F}.confirm_delete_goal`, { title: deleting.goal.title, count: deleting.goal.measures.length })
              : translate(`${F}.confirm_delete_measure`, { title: deleting.measure.title })
          }
          onClose={() => setDeleting(null)}
          onConfirm={() =>
            deleting.kind === 'goal' ? agreementsApi.deleteGoal(quarterId, deleting.goal.id) : agreementsApi.deleteMeasure(quarterId, deleting.measure.id)
          }
          onDeleted={async () => {
            notify(deleting.kind === 'goal' ? `${F}.goal_deleted` : `${F}.measure_deleted`, { type: 'success' });
            setDeleting(null);
            await load();
          }}
        />
      )}
      {statusDialog && (
        <StatusDialog
          quarterId={quarterId}
          measure={statusDialog}
          onClose={() => setStatusDialog(null)}
          onSaved={async () => {
            setStatusDialog(null);
            notify(`${F}.status_changed`, { type: 'success' });
            await load();
          }}
        />
      )}
    </Stack>
  );
};

/** Runs a write; field messages of a 400 go next to the fields, any other refusal into a notification with the API's reason. */
const useSubmit = (setErrors: (e: Errors) => void) => {
  const notify = useNotify();
  const translate = useTranslate();
  return async (write: () => Promise<unknown>, onSaved: () => Promise<void> | void) => {
    try {
      await write();
      setErrors({});
      await onSaved();
    } catch (err) {
      const fields = fieldErrors(err);
      setErrors(fields);
      notify(translate('genq_agreements.refused', { reason: reasonOf(err) }), { type: 'error' });
    }
  };
};

const Justification = ({ quarterId, field, initial, editable, onSaved }: { quarterId: string; field: ActionFieldId; initial: string; editable: boolean; onSaved: () => Promise<void> }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [text, setText] = useState(initial);
  const [errors, setErrors] = useState<Errors>({});
  const submit = useSubmit(setErrors);
  return (
    <Box sx={{ mt: 1 }}>
      <TextField
        fullWidth
        multiline
        minRows={2}
        size="small"
        label={translate(`${F}.justification`)}
        value={text}
        disabled={!editable}
        error={!!errors.text}
        helperText={errors.text}
        onChange={(e) => setText(e.target.value)}
        inputProps={{ 'aria-label': `${translate(`${F}.justification`)} ${field}` }}
      />
      {editable && (
        <Button
          size="small"
          sx={{ mt: 0.5 }}
          onClick={() =>
            void submit(
              () => agreementsApi.justify(quarterId, field, text),
              async () => {
                notify(`${F}.justified`, { type: 'success' });
                await onSaved();
              },
            )
          }
        >
          {translate(`${F}.justify`)}
        </Button>
      )}
    </Box>
  );
};

const multi = { multiple: true, renderValue: (v: unknown) => (v as string[]).join(', ') };

/** Adds a goal to the action field, or (given `goal`) edits it with the same form. */
const GoalDialog = ({ quarterId, field, goal: saved, onClose, onSaved }: { quarterId: string; field: ActionFieldId; goal?: Goal; onClose: () => void; onSaved: () => Promise<void> }) => {
  const translate = useTranslate();
  const [errors, setErrors] = useState<Errors>({});
  const submit = useSubmit(setErrors);
  const [goal, setGoal] = useState({
    actionFieldId: saved?.actionFieldId ?? field,
    title: saved?.title ?? '',
    indicator: saved?.indicator ?? '',
    baseline: saved?.baseline ?? '',
    targetValue: saved?.targetValue ?? '',
    targetDate: saved?.targetDate.slice(0, 10) ?? '',
    targetGroups: saved?.targetGroups ?? ([] as string[]),
  });
  const fields = {
    actionFieldId: goal.actionFieldId,
    title: goal.title,
    indicator: goal.indicator,
    targetValue: goal.targetValue,
    targetDate: goal.targetDate,
    targetGroups: goal.targetGroups,
  };
  const text = (key: keyof typeof goal, props: Record<string, unknown> = {}) => (
    <TextField
      size="small"
      fullWidth
      label={translate(`${F}.fields.${key}`)}
      value={goal[key]}
      error={!!errors[key]}
      helperText={errors[key]}
      onChange={(e) => setGoal({ ...goal, [key]: e.target.value })}
      {...props}
    />
  );
  return (
    <FormDialog
      title={translate(saved ? `${F}.edit_goal` : `${F}.add_goal`)}
      onClose={onClose}
      actions={
        <Button
          variant="contained"
          onClick={() =>
            void submit(
              () =>
                saved
                  ? agreementsApi.updateGoal(quarterId, saved.id, { ...fields, baseline: goal.baseline.trim() ? goal.baseline : null })
                  : agreementsApi.addGoal(quarterId, { ...fields, ...(goal.baseline.trim() ? { baseline: goal.baseline } : {}) }),
              onSaved,
            )
          }
        >
          {translate(`${F}.save`)}
        </Button>
      }
    >
      {text('actionFieldId', {
        select: true,
        children: ACTION_FIELDS.map((f) => (
          <MenuItem key={f} value={f}>
            {translate(`genq_agreements.action_fields.${f}`)}
          </MenuItem>
        )),
      })}
      {text('title')}
      {text('indicator')}
      <Stack direction="row" spacing={1}>
        {text('baseline')}
        {text('targetValue')}
        {text('targetDate', { type: 'date', InputLabelProps: { shrink: true } })}
      </Stack>
      <TextField
        select
        size="small"
        fullWidth
        label={translate(`${F}.fields.targetGroups`)}
        value={goal.targetGroups}
        error={!!errors.targetGroups}
        helperText={errors.targetGroups}
        SelectProps={multi}
        onChange={(e) => setGoal({ ...goal, targetGroups: e.target.value as unknown as string[] })}
      >
        {TARGET_GROUPS.map((g) => (
          <MenuItem key={g} value={g}>
            {g}
          </MenuItem>
        ))}
      </TextField>
    </FormDialog>
  );
};

/** Adds a measure to the goal, or (given `measure`) edits it with the same form; its status changes by its own dialog. */
const MeasureDialog = ({
  quarterId,
  goalId,
  measure,
  orgs,
  onClose,
  onSaved,
}: {
  quarterId: string;
  goalId: string;
  measure?: Measure;
  orgs: QuarterMembership[];
  onClose: () => void;
  onSaved: () => Promise<void>;
}) => {
  const translate = useTranslate();
  const [errors, setErrors] = useState<Errors>({});
  const submit = useSubmit(setErrors);
  const [m, setM] = useState({
    title: measure?.title ?? '',
    description: measure?.description ?? '',
    ownerOrganisationId: measure?.ownerOrganisationId ?? '',
    partnerOrganisationIds: measure?.partnerOrganisationIds ?? ([] as string[]),
    kind: measure?.kind ?? 'unmittelbar',
    targetGroups: measure?.targetGroups ?? ([] as string[]),
    start: measure ? (measure.start?.slice(0, 10) ?? '') : today(),
    end: measure?.end?.slice(0, 10) ?? '',
    cost: amountText(measure?.cost),
    fundingSource: measure?.funding[0]?.source ?? '',
    fundingAmount: amountText(measure?.funding[0]?.amount),
  });
  const field = (key: keyof typeof m, props: Record<string, unknown> = {}, errorKey: string = key) => (
    <TextField
      size="small"
      fullWidth
      label={translate(`${F}.fields.${key}`)}
      value={m[key]}
      error={!!errors[errorKey]}
      helperText={errors[errorKey]}
      onChange={(e) => setM({ ...m, [key]: e.target.value })}
      {...props}
    />
  );
  const orgItems = orgs.map((o) => (
    <MenuItem key={o.organisationId} value={o.organisationId}>
      {o.organisationName}
    </MenuItem>
  ));
  const save = () => {
    const cost = m.cost.trim() === '' ? undefined : amountOf(m.cost);
    // The form edits the first funding share; further ones (entered through the API) stay.
    const funding = [...(m.fundingSource ? [{ source: m.fundingSource, amount: amountOf(m.fundingAmount) }] : []), ...(measure?.funding.slice(1) ?? [])];
    if (measure) {
      return submit(
        () =>
          agreementsApi.updateMeasure(quarterId, measure.id, {
            goalId,
            title: m.title,
            description: m.description.trim() ? m.description : null,
            ownerOrganisationId: m.ownerOrganisationId || null,
            partnerOrganisationIds: m.partnerOrganisationIds,
            kind: m.kind,
            targetGroups: m.targetGroups,
            start: m.start || null,
            end: m.end || null,
            cost: cost ?? null,
            funding,
          }),
        onSaved,
      );
    }
    return submit(
      () =>
        agreementsApi.addMeasure(quarterId, {
          goalId,
          title: m.title,
          ...(m.description.trim() ? { description: m.description } : {}),
          ...(m.ownerOrganisationId ? { ownerOrganisationId: m.ownerOrganisationId } : {}),
          partnerOrganisationIds: m.partnerOrganisationIds,
          kind: m.kind,
          targetGroups: m.targetGroups,
          ...(m.start ? { start: m.start } : {}),
          ...(m.end ? { end: m.end } : {}),
          ...(cost === undefined ? {} : { cost }),
          funding,
        }),
      onSaved,
    );
  };
  return (
    <FormDialog
      title={translate(measure ? `${F}.edit_measure` : `${F}.add_measure`)}
      maxWidth="md"
      onClose={onClose}
      actions={
        <Button variant="contained" onClick={() => void save()}>
          {translate(`${F}.save`)}
        </Button>
      }
    >
      {field('title')}
      {field('description', { multiline: true, minRows: 2 })}
      <Stack direction="row" spacing={1}>
        {field('ownerOrganisationId', { select: true, children: orgItems })}
        {field('partnerOrganisationIds', {
          select: true,
          children: orgItems,
          SelectProps: { multiple: true, renderValue: (v: unknown) => (v as string[]).map((id) => orgs.find((o) => o.organisationId === id)?.organisationName ?? id).join(', ') },
        })}
      </Stack>
      <Stack direction="row" spacing={1}>
        {field('kind', {
          select: true,
          children: MEASURE_KINDS.map((k) => (
            <MenuItem key={k} value={k}>
              {translate(`${F}.kinds.${k}`)}
            </MenuItem>
          )),
        })}
        {field('targetGroups', {
          select: true,
          SelectProps: multi,
          children: TARGET_GROUPS.map((g) => (
            <MenuItem key={g} value={g}>
              {g}
            </MenuItem>
          )),
        })}
      </Stack>
      <Stack direction="row" spacing={1}>
        {field('start', { type: 'date', InputLabelProps: { shrink: true } })}
        {field('end', { type: 'date', InputLabelProps: { shrink: true } })}
        {field('cost', { inputMode: 'decimal' })}
      </Stack>
      <Stack direction="row" spacing={1}>
        {field(
          'fundingSource',
          {
            select: true,
            children: [
              <MenuItem key="" value="">
                –
              </MenuItem>,
              ...FUNDING_SOURCES.map((s) => (
                <MenuItem key={s} value={s}>
                  {translate(`${F}.funding_sources.${s}`)}
                </MenuItem>
              )),
            ],
          },
          'funding.0.source',
        )}
        {field('fundingAmount', { inputMode: 'decimal' }, 'funding.0.amount')}
      </Stack>
      {errors.funding && <Alert severity="error">{errors.funding}</Alert>}
    </FormDialog>
  );
};

const StatusDialog = ({ quarterId, measure, onClose, onSaved }: { quarterId: string; measure: Measure; onClose: () => void; onSaved: () => Promise<void> }) => {
  const translate = useTranslate();
  const [errors, setErrors] = useState<Errors>({});
  const submit = useSubmit(setErrors);
  const [status, setStatus] = useState(measure.status);
  const [reason, setReason] = useState('');
  return (
    <FormDialog
      title={<>{translate(`${F}.change_status`)}: {measure.title}</>}
      onClose={onClose}
      actions={
        <Button variant="contained" onClick={() => void submit(() => agreementsApi.changeMeasureStatus(quarterId, measure.id, status, reason.trim() || undefined), onSaved)}>
          {translate(`${F}.save`)}
        </Button>
      }
    >
      <TextField select size="small" label={translate(`${F}.fields.status`)} value={status} error={!!errors.status} helperText={errors.status} onChange={(e) => setStatus(e.target.value)}>
        {MEASURE_STATUSES.map((s) => (
          <MenuItem key={s} value={s}>
            {s}
          </MenuItem>
        ))}
      </TextField>
      <TextField size="small" multiline minRows={2} label={translate(`${F}.fields.reason`)} value={reason} error={!!errors.reason} helperText={errors.reason} onChange={(e) => setReason(e.target.value)} />
    </FormDialog>
  );
};

/** Asks before deleting; the refusal (e.g. the agreement was submitted meanwhile) is shown with the API's reason. */
const DeleteDialog = ({ title, text, onClose, onConfirm, onDeleted }: { title: string; text: string; onClose: () => void; onConfirm: () => Promise<unknown>; onDeleted: () => Promise<void> }) => {
  const [, setErrors] = useState<Errors>({});
  const submit = useSubmit(setErrors);
  return (
    <FormDialog
      title={title}
      onClose={onClose}
      actions={
        <Button variant="contained" color="error" onClick={() => void submit(onConfirm, onDeleted)}>
          {title}
        </Button>
      }
    >
      <Typography>{text}</Typography>
    </FormDialog>
  );
};
