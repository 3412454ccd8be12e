import { TestWorkflowEnvironment } from '@temporalio/testing';
import { DefaultLogger, Runtime, type Worker } from '@temporalio/worker';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { ensureTimeSkippingTestServer } from '@genq/infra';
import { processRefusalOf, type NewDomainEvent, type ProcessRefusal } from '@genq/contracts';
import { DAY, DEVELOPMENT_EVENTS, HOUR, eventually, Recorder, startQuarter, startWorker } from './helpers';

/**
 * Whole lifecycles on the real default calendar (4+ years) in seconds, on Temporal's
 * time-skipping test server from Maven Central.
 */
describe('quarter lifecycle on the default calendar (time-skipping)', () => {
  let env: TestWorkflowEnvironment;
  let worker: Worker;
  let running: Promise<void>;
  const recorder = new Recorder();

  beforeAll(async () => {
    Runtime.install({ logger: new DefaultLogger('WARN') });
    const path = await ensureTimeSkippingTestServer({ log: () => {} });
    env = await TestWorkflowEnvironment.createTimeSkipping({ server: { executable: { type: 'existing-path', path } } });
    worker = await startWorker(env, recorder);
    running = worker.run();
  }, 10 * 60_000);

  afterAll(async () => {
    worker?.shutdown();
    await running;
    await env?.teardown();
  });

  /** The facts the process announced for a quarter, once each, as the actors service keeps them. */
  const factsOf = (quarterId: string) => {
    const seen = new Map<string, NewDomainEvent>();
    for (const p of recorder.projections) for (const f of p.facts ?? []) if (f.quarterId === quarterId) seen.set(f.id!, f);
    return [...seen.values()];
  };

  const sleepUntil = async (ms: number) => env.sleep(Math.max(ms - (await env.currentTimeMs()), 1));

  /** A refused update's problem code and parameters (what the gateway answers with). */
  const refusal = async (p: Promise<unknown>): Promise<ProcessRefusal | null> => {
    try {
      await p;
    } catch (e) {
      if (e instanceof WorkflowUpdateFailedError) return processRefusalOf(e.cause);
      throw e;
    }
    throw new Error('expected a refusal');
  };

  it('runs the happy path: seven steps, certification, three annual reports, Bilanzierung and renewal', async () => {
    const q = await startQuarter(env, 'happy');
    for (const e of DEVELOPMENT_EVENTS) {
      await env.sleep(20 * DAY);
      expect((await q.event(e)).applied).toBe(true);
    }
    expect((await q.state()).currentStep).toBe('review_and_certification');
    let run = await q.runId();
    const approved = await q.event({ type: 'review_decided', decision: 'approved' });
    expect(approved).toMatchObject({ applied: true, phase: 'implementation' });
    run = await q.newRun(run);

    let s = await q.state();
    expect(s.certifiedAt).not.toBeNull();
    expect(s.reports.map((r) => [r.year, r.final])).toEqual([
      [1, false],
      [2, false],
      [3, true],
    ]);
    // The certification is announced to the services with the programme's validity and the report windows.
    const certifiedAt = new Date(s.certifiedAt!);
    await eventually(() => expect(factsOf('happy').find((f) => f.type === 'process.certified')).toBeDefined());
    const certified = factsOf('happy').find((f) => f.type === 'process.certified')!;
    expect(certified).toMatchObject({ id: 'process:happy:certified:1', quarterId: 'happy', payload: { cycle: 1, certifiedAt: s.certifiedAt, validUntil: s.certificateValidUntil } });
    expect(new Date(s.certificateValidUntil!).getUTCFullYear() - certifiedAt.getUTCFullYear()).toBe(3); // the default calendar's P3Y
    const windows = (certified.payload as { reports: Array<{ year: number; opensAt: string; due: string }> }).reports;
    expect(windows.map((w) => [w.year, w.due])).toEqual(s.reports.map((r) => [r.year, r.due]));
    expect(new Date(windows[0]!.opensAt).getTime()).toBeGreaterThan(certifiedAt.getTime() + 360 * DAY);

    // A returned report is due again; its resubmission (a new fact, with a new id) completes it.
    await env.sleep(365 * DAY);
    expect((await q.event({ type: 'report_submitted', year: 1 }, 'happy-report-1-first')).applied).toBe(true);
    run = await q.newRun(run);
    expect(await q.event({ type: 'report_returned', year: 1 })).toMatchObject({ applied: true });
    // One report fewer is in: the run continues as new, like after every report.
    run = await q.newRun(run);
    s = await q.state();
    expect(s.reports[0]).toMatchObject({ year: 1, status: 'active' });
    expect(s.nextDue).toBe(s.reports[0]!.due);
    expect(await q.event({ type: 'report_submitted', year: 1 }, 'happy-report-1-first')).toMatchObject({ applied: false, reasonCode: 'event.duplicate', reason: 'duplicate event' });
    expect((await q.event({ type: 'report_submitted', year: 1 }, 'happy-report-1-again')).applied).toBe(true);
    run = await q.newRun(run);
    for (const year of [2, 3]) {
      await env.sleep(365 * DAY);
      expect((await q.event({ type: 'report_submitted', year })).applied).toBe(true);
      // Each reporting year ends the run: history stays bounded.
      run = await q.newRun(run);
    }
    s = await q.state();
    expect(s.phase).toBe('reaudit');
    expect(s.reaudit?.name).toBe('Bilanzierung');

    await q.event({ type: 'reaudit_decided', decision: 'renewed' });
    await q.newRun(run);
    s = await q.state();
    expect(s).toMatchObject({ phase: 'implementation', cycle: 2 });
    expect(s.reports.map((r) => r.key)).toEqual(['report_2_1', 'report_2_2', 'report_2_3']);
    await eventually(() =>
      expect(factsOf('happy').find((f) => f.type === 'process.cycle_renewed')).toMatchObject({
        id: 'process:happy:certified:2',
        payload: { cycle: 2, certifiedAt: s.certifiedAt, validUntil: s.certificateValidUntil },
      }),
    );
  });

  it('chases a quarter that goes silent: reminders, escalation, stalled; an extension brings it back', async () => {
    const q = await startQuarter(env, 'silent');
    const due = new Date((await q.state()).steps[0]!.due).getTime();
    const kinds = () => recorder.notificationsOf('silent').map((n) => n.kind);
    await sleepUntil(due - 14 * DAY + HOUR);
    await eventually(() => expect(kinds()).toEqual(['before_due']));
    await sleepUntil(due + HOUR);
    await eventually(() => expect(kinds()).toEqual(['before_due', 'on_due']));
    await sleepUntil(due + 31 * DAY);
    // Sixty silent days also count as inactivity, which may mark the quarter a moment earlier.
    await eventually(() => expect(kinds().filter((k) => k !== 'stalled')).toEqual(['before_due', 'on_due', 'overdue', 'overdue', 'escalation']));
    let s = await q.state();
    expect(s.stalled?.reason).toBe('Frist „Auftakt“ seit 30 Tagen überschritten');
    const escalation = recorder.notificationsOf('silent').find((n) => n.kind === 'escalation');
    expect(escalation?.recipientName).toBe('Programmstelle');
    expect(escalation?.recipientRole).toBeUndefined();
    // Nobody named: the reminders go to the lead partner's role, for the actors service to name its person.
    const reminder = recorder.notificationsOf('silent').find((n) => n.kind === 'before_due');
    expect(reminder).toMatchObject({ recipientEmail: null, recipientRole: 'lead_partner' });
    expect(reminder?.recipientName).toMatch(/^Projektleitung /);

    // An extension to a date that has passed cures nothing: the quarter stays stalled, and the result says so.
    const tooShort = await q.intervene({ kind: 'extend_deadline', key: 'kickoff', by: 'P7D', reason: 'eine Woche mehr' });
    expect(tooShort.stillOverdueSince).toBe(new Date(due + 7 * DAY).toISOString());
    expect(tooShort.summary).toContain('still overdue since');
    expect(tooShort).toMatchObject({ summaryCode: 'due_still_overdue', summaryParams: { name: 'Auftakt', date: expect.any(String), since: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) } });
    s = await q.state();
    expect(s.stalled?.reason).toBe('Frist „Auftakt“ seit 30 Tagen überschritten');

    const result = await q.intervene({ kind: 'extend_deadline', key: 'kickoff', by: 'P60D', reason: 'Projektleitung neu besetzt' });
    expect(result.summary).toContain('Auftakt');
    expect(result).toMatchObject({ summaryCode: 'due', summaryParams: { name: 'Auftakt' } });
    expect(result.stillOverdueSince).toBeUndefined();
    s = await q.state();
    expect(s.stalled).toBeNull();
    expect(s.steps[0]?.due).toBe((result.after as Array<{ due: string }>)[0]?.due);
    expect(s.interventions.map((i) => i.kind)).toEqual(['extend_deadline', 'extend_deadline']);

    // No idempotency key was ever used twice: retries and replays cannot double-send.
    const keys = recorder.notifications.map((n) => n.idempotencyKey);
    expect(new Set(keys).size).toBe(keys.length);
    // The read model saw the stalled mark and its clearing.
    const projections = recorder.projections.filter((p) => p.quarterId === 'silent');
    expect(projections.some((p) => p.stalled)).toBe(true);
    expect(projections[projections.length - 1]?.stalled).toBe(false);
    // The process stated what it decided, each once: the step opened, overdue, the stall, the
    // step opened again with each new date, and the stall cleared.
    const firstDue = new Date(due).toISOString();
    await eventually(() => expect(factsOf('silent').some((f) => f.type === 'process.stall_cleared')).toBe(true));
    const facts = factsOf('silent').filter((f) => f.type !== 'process.deadline_opened' || f.payload.key === 'kickoff');
    // (In the order the projections carried them; within one projection the order means nothing.)
    const expected = [
      ['process.deadline_opened', firstDue],
      ['process.deadline_overdue', firstDue],
      ['process.stalled', null],
      // the extension to a date already past: opened again, and overdue at once
      ['process.deadline_opened', new Date(due + 7 * DAY).toISOString()],
      ['process.deadline_overdue', new Date(due + 7 * DAY).toISOString()],
      ['process.deadline_opened', s.steps[0]!.due],
      ['process.stall_cleared', null],
    ];
    const got = facts.map((f) => [f.type, (f.payload as { due?: string }).due ?? null]);
    expect(got).toHaveLength(expected.length);
    expect(got).toEqual(expect.arrayContaining(expected));
    expect(facts[1]).toMatchObject({ id: `process:silent:overdue:kickoff:${firstDue}`, payload: { key: 'kickoff', name: 'Auftakt', kind: 'step', cycle: 1 } });
  });

  it('marks a quarter stalled after 60 days without activity, and progress clears it', async () => {
    const q = await startQuarter(env, 'inactive', { startAt: { phase: 'development', stepKey: 'participation' } });
    await env.sleep(61 * DAY);
    expect((await q.state()).stalled?.reason).toBe('Seit 60 Tagen keine Aktivität');
    expect(recorder.notificationsOf('inactive').some((n) => n.kind === 'stalled')).toBe(true);
    await q.event({ type: 'participation_recorded' });
    expect((await q.state()).stalled).toBeNull();
  });

  it('stops the clocks while paused and moves the remaining deadlines by the paused time', async () => {
    const q = await startQuarter(env, 'paused');
    const before = await q.state();
    await q.intervene({ kind: 'pause', reason: 'Kommunalwahl' });
    const sentBefore = recorder.notificationsOf('paused').length;
    await env.sleep(100 * DAY);
    expect(recorder.notificationsOf('paused').length).toBe(sentBefore);
    expect((await q.state()).stalled).toBeNull();
    await q.intervene({ kind: 'resume', reason: 'Rat hat sich konstituiert' });
    const after = await q.state();
    const shift = new Date(after.steps[0]!.due).getTime() - new Date(before.steps[0]!.due).getTime();
    expect(Math.round(shift / DAY)).toBe(100);
    expect(after.steps.every((s, i) => new Date(s.due).getTime() - new Date(before.steps[i]!.due).getTime() === shift)).toBe(true);
    expect(after.pausedMs).toBe(shift);
  });

  it('loops a concept sent back by the review to the goals workshop with a new deadline', async () => {
    const q = await startQuarter(env, 'sent-back', { startAt: { phase: 'development', stepKey: 'review_and_certification' } });
    const outcome = await q.event({ type: 'review_decided', decision: 'sent_back', loopTo: 'goals_workshop', newDue: 'P2M', requiredChanges: 'Maßnahmen in HF3 konkretisieren' });
    expect(outcome).toMatchObject({ applied: true, phase: 'development', currentStep: 'goals_workshop' });
    const s = await q.state();
    expect(s.steps.slice(4).map((x) => x.status)).toEqual(['active', 'pending', 'pending']);
    expect(new Date(s.steps[4]!.due).getTime()).toBeGreaterThan((await env.currentTimeMs()) + 50 * DAY);
  });

  it('ends a withdrawn quarter with its reason; nothing applies afterwards', async () => {
    const q = await startQuarter(env, 'withdrawn');
    await q.intervene({ kind: 'withdraw', reason: 'Wohnungsunternehmen steigt aus' });
    const final = await q.handle.result();
    expect(final).toMatchObject({ phase: 'withdrawn', withdrawn: { reason: 'Wohnungsunternehmen steigt aus' } });
    expect(factsOf('withdrawn').filter((f) => f.type === 'process.withdrawn')).toEqual([expect.objectContaining({ id: 'process:withdrawn:withdrawn', payload: final.withdrawn })]);
  });

  it('takes an amendment only with both partners confirmed and the programme office accepting', async () => {
    const q = await startQuarter(env, 'amend', { startAt: { phase: 'implementation' } });
    expect((await q.event({ type: 'amendment_proposed', amendmentId: 'a1', description: 'M3 ersetzt durch M7' })).applied).toBe(true);
    await q.event({ type: 'amendment_confirmed', amendmentId: 'a1', party: 'housing_company' });
    const early = await q.event({ type: 'amendment_accepted', amendmentId: 'a1' });
    expect(early).toMatchObject({ applied: false, reasonCode: 'event.amendment_unconfirmed', reason: expect.stringContaining('both partners') });
    await q.event({ type: 'amendment_confirmed', amendmentId: 'a1', party: 'municipality' });
    expect((await q.event({ type: 'amendment_accepted', amendmentId: 'a1' })).applied).toBe(true);
    expect((await q.state()).amendment).toBeNull();
  });

  it('lets the programme office reject an open amendment, proposed or confirmed, so that the next one can be proposed', async () => {
    const q = await startQuarter(env, 'amend-reject', { startAt: { phase: 'implementation' } });
    const unknown = await q.event({ type: 'amendment_rejected', amendmentId: 'a0', reason: 'gibt es nicht' });
    expect(unknown).toMatchObject({ applied: false, reasonCode: 'event.amendment_not_open', reasonParams: { amendmentId: 'a0' } });
    await q.event({ type: 'amendment_proposed', amendmentId: 'a1', description: 'M3 entfällt' });
    expect((await q.event({ type: 'amendment_rejected', amendmentId: 'a1', reason: 'Ziel HF2 wäre ohne Maßnahme' })).applied).toBe(true);
    expect((await q.state()).amendment).toBeNull();
    const again = await q.event({ type: 'amendment_rejected', amendmentId: 'a1', reason: 'noch einmal' });
    expect(again).toMatchObject({ applied: false, reasonCode: 'event.amendment_not_open', reasonParams: { amendmentId: 'a1' } });
    expect((await q.event({ type: 'amendment_proposed', amendmentId: 'a2', description: 'M3 ersetzt durch M7' })).applied).toBe(true);
    await q.event({ type: 'amendment_confirmed', amendmentId: 'a2', party: 'housing_company' });
    await q.event({ type: 'amendment_confirmed', amendmentId: 'a2', party: 'municipality' });
    expect((await q.event({ type: 'amendment_rejected', amendmentId: 'a2', reason: 'Finanzierung ungeklärt' })).applied).toBe(true);
    const s = await q.state();
    expect(s.amendment).toBeNull();
    expect(s.phase).toBe('implementation');
  });

  it('closes a quarter whose certificate is left to expire at the Bilanzierung', async () => {
    const q = await startQuarter(env, 'expire', { startAt: { phase: 'implementation' } });
    let run = await q.runId();
    for (const year of [1, 2, 3]) {
      await q.event({ type: 'report_submitted', year });
      run = await q.newRun(run);
    }
    expect((await q.state()).phase).toBe('reaudit');
    await q.event({ type: 'reaudit_decided', decision: 'expired' });
    const closed = await q.handle.result();
    expect(closed).toMatchObject({ phase: 'closed' });
    expect(factsOf('expire').find((f) => f.type === 'process.certificate_expired')).toMatchObject({ id: 'process:expire:expired:1', payload: { cycle: 1, at: closed.closedAt } });
  });

  it('refuses interventions that do not apply, with the reason, and changes nothing', async () => {
    const q = await startQuarter(env, 'refusals');
    await q.event({ type: 'kickoff_recorded' });
    const before = await q.state();
    expect(await refusal(q.intervene({ kind: 'extend_deadline', key: 'kickoff', by: 'P14D', reason: 'zu spät' }))).toEqual({
      code: 'deadline.done_reopen_first',
      params: { name: 'Auftakt', status: 'completed' },
    });
    expect(await refusal(q.intervene({ kind: 'extend_deadline', key: 'nonsense', by: 'P14D', reason: 'x y z' }))).toEqual({ code: 'deadline.not_found', params: { key: 'nonsense' } });
    expect(await refusal(q.intervene({ kind: 'extend_deadline', key: 'analysis', until: '2000-01-01', reason: 'x y z' }))).toEqual({
      code: 'intervention.until_not_later',
      params: { due: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
    });
    expect(await refusal(q.intervene({ kind: 'waive_step', key: 'kickoff', reason: 'doppelt' }))).toEqual({ code: 'deadline.already_done', params: { name: 'Auftakt', status: 'completed' } });
    expect(await refusal(q.intervene({ kind: 'reopen_step', key: 'analysis', reason: 'noch offen' }))).toEqual({ code: 'deadline.not_closed', params: { name: 'Quartiersanalyse' } });
    expect(await refusal(q.intervene({ kind: 'resume', reason: 'läuft doch' }))).toEqual({ code: 'quarter.not_paused', params: {} });
    expect(await refusal(q.intervene({ kind: 'pause', reason: '' }))).toEqual({ code: 'intervention.reason_required', params: {} });
    expect(await refusal(q.intervene({ kind: 'reassign', responsible: { name: ' ' }, reason: 'Wechsel' }))).toEqual({ code: 'intervention.responsible_required', params: {} });
    // The English sentence stays the failure's message, for logs and readers from before codes.
    await expect(q.intervene({ kind: 'resume', reason: 'läuft doch' })).rejects.toMatchObject({ cause: { message: 'the quarter is not paused', type: 'Refusal' } });
    const after = await q.state();
    expect(after.version).toBe(before.version);
    expect(after.interventions).toEqual([]);
  });

  it('applies every intervention: extend all, waive, reopen, reassign, remind now, withdraw', async () => {
    const q = await startQuarter(env, 'all-interventions');
    const base = await q.state();
    await q.intervene({ kind: 'extend_deadline', shiftAll: true, by: 'P1M', reason: 'Verzögerung durch Personalwechsel' });
    let s = await q.state();
    expect(s.steps.map((x) => x.due)).not.toEqual(base.steps.map((x) => x.due));

    await q.intervene({ kind: 'waive_step', key: 'kickoff', reason: 'Auftakt bereits 2025 erfolgt' });
    s = await q.state();
    expect(s.steps[0]).toMatchObject({ status: 'waived', waivedReason: 'Auftakt bereits 2025 erfolgt' });
    expect(s.currentStep).toBe('analysis');

    await q.intervene({ kind: 'reopen_step', key: 'kickoff', reason: 'Erklärung fehlt noch' });
    s = await q.state();
    expect(s.currentStep).toBe('kickoff');
    expect(s.steps[1]?.status).toBe('pending');

    await q.intervene({ kind: 'reassign', key: 'kickoff', responsible: { name: 'Petra Schmidt', email: 'p.schmidt@example.org' }, reason: 'Zuständigkeit gewechselt' });
    await q.intervene({ kind: 'remind_now', reason: 'Nachfrage der Kommune' });
    const manual = recorder.notificationsOf('all-interventions').filter((n) => n.kind === 'manual');
    expect(manual).toHaveLength(1);
    expect(manual[0]).toMatchObject({ recipientName: 'Petra Schmidt', recipientEmail: 'p.schmidt@example.org', deadlineKey: 'kickoff' });
    expect(manual[0]?.recipientRole).toBeUndefined();

    await q.intervene({ kind: 'withdraw', reason: 'Kommune zieht zurück' });
    s = await q.handle.result();
    expect(s.interventions.map((i) => i.kind)).toEqual(['extend_deadline', 'waive_step', 'reopen_step', 'reassign', 'remind_now', 'withdraw']);
    expect(s.interventions.every((i) => i.operator.name === 'Olga Operator' && i.reason.length > 0)).toBe(true);
    // Each summary as a code with parameters, for clients to say in their language.
    expect(s.interventions.map((i) => [i.summaryCode, i.summaryParams])).toEqual([
      ['shifted_all', { count: expect.any(Number), by: 'P1M' }],
      ['waived', { name: 'Auftakt' }],
      ['reopened', { name: 'Auftakt' }],
      ['reassigned_step', { name: 'Auftakt', to: 'Petra Schmidt' }],
      ['reminded', { name: 'Auftakt' }],
      ['withdrawn', {}],
    ]);
  });

  it('chases the measure milestones that come with the approval, like every deadline', async () => {
    const q = await startQuarter(env, 'milestones', { startAt: { phase: 'development', stepKey: 'review_and_certification' } });
    const now = await env.currentTimeMs();
    const due = new Date(now + 60 * DAY).toISOString();
    const developmentRun = await q.runId();
    const approved = await q.event({
      type: 'review_decided',
      decision: 'approved',
      milestones: [{ key: 'milestone_m1_1', name: 'Mietertreff: Raum angemietet', due }],
    });
    expect(approved.phase).toBe('implementation');
    await q.newRun(developmentRun);
    await sleepUntil(new Date(due).getTime() + HOUR);
    await eventually(() =>
      expect(recorder.notificationsOf('milestones').filter((n) => n.deadlineKey === 'milestone_m1_1').map((n) => n.kind)).toEqual(['before_due', 'on_due']),
    );
    expect((await q.event({ type: 'milestone_reached', key: 'milestone_m1_1' })).applied).toBe(true);
    expect((await q.state()).milestones[0]).toMatchObject({ status: 'completed' });
  });

  it('ignores a duplicate event', async () => {
    const q = await startQuarter(env, 'dupes');
    expect((await q.event({ type: 'kickoff_recorded' }, 'same-id')).applied).toBe(true);
    expect(await q.event({ type: 'analysis_submitted' }, 'same-id')).toMatchObject({ applied: false, reason: 'duplicate event' });
    expect((await q.state()).currentStep).toBe('analysis');
  });
});
