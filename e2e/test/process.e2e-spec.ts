import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { DEMO_ADMIN, DEMO_PASSWORD, freePort, run, startStack, type Stack, freeStackPorts } from '@genq/infra';
import { eventSubject, type DomainEvent } from '@genq/contracts';
import { connectNats } from '@genq/service-kit';
import { apiClient, callAs, fieldCodes, processStarted, recordKickoff, signIn, type Api } from './support/api';

/**
 * The process engine as `npm start` runs it, on a programme calendar measured in seconds:
 * reminders mailed through a real SMTP conversation, interventions and batches through the
 * API, events from services over the transport, search attributes through the Temporal CLI,
 * and a worker killed hard mid-phase.
 */

interface Mail {
  messageId: string;
  to: string;
  subject: string;
}

/** An SMTP server on loopback that can hold its answer, as a slow mail relay does. */
class Mailbox {
  readonly delivered: Mail[] = [];
  holdMs = 0;
  private readonly closed = new Set<string>();
  readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onClose: (session) => {
      this.closed.add(session.id);
    },
    onData: (stream, session, callback) => {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => (raw += chunk));
      stream.on('end', () => {
        setTimeout(() => {
          // A message counts as sent only if the client was still there to hear "250 OK".
          if (!this.closed.has(session.id)) {
            const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(raw)?.[1]?.trim() ?? '';
            this.delivered.push({ messageId: header('Message-ID'), to: session.envelope.rcptTo.map((r) => r.address).join(','), subject: header('Subject') });
          }
          callback();
        }, this.holdMs);
      });
    },
  });

  listen(port: number): Promise<void> {
    return new Promise((resolve) => this.server.listen(port, '127.0.0.1', resolve));
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

const FAST_CALENDAR = {
  developmentPhase: {
    steps: [
      ['kickoff', 'Auftakt', 'PT20S'],
      ['analysis', 'Quartiersanalyse', 'PT10M'],
      ['strategy_workshop', 'Strategieworkshop', 'PT11M'],
      ['participation', 'Beteiligungsphase', 'PT12M'],
      ['goals_workshop', 'Zielvereinbarungsworkshop', 'PT13M'],
      ['decision_and_signing', 'Abstimmung und Beschluss', 'PT14M'],
      ['review_and_certification', 'Prüfung und Zertifizierung', 'PT15M'],
    ].map(([key, name, dueAfter]) => ({ key, name, dueAfter })),
  },
  implementationPhase: { duration: 'PT30M', annualReportEvery: 'PT10M', reportDueWithin: 'PT2M' },
  reminders: { before: 'PT15S', overdueEvery: 'PT4S', escalateAfterOverdue: 'PT10S', stalledAfterInactivity: 'PT1H' },
  certificateValidity: 'PT30M',
};

describe('process engine across processes', () => {
  const mailbox = new Mailbox();
  let dataDir: string;
  let stack: Stack;
  let api: Api;
  let token: string;

  const call = async (method: string, route: string, body?: unknown) => api(method, route, { token, ...(body !== undefined ? { body } : {}) });

  const until = async <T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 60_000): Promise<T> => {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const v = await fn();
      if (ok(v)) return v;
      if (Date.now() > end) throw new Error(`not reached in ${timeoutMs} ms: ${JSON.stringify(v).slice(0, 2000)}`);
      await new Promise((r) => setTimeout(r, 300));
    }
  };

  const createQuarter = async (name: string): Promise<string> => {
    const res = await call('POST', '/quarters', {
      name,
      municipality: 'Celle',
      kreis: 'Landkreis Celle',
      land: 'Niedersachsen',
      housingCompany: 'WBG Allertal',
      programmeId: 'genq-e2e-fast',
    });
    expect(res.status).toBe(201);
    // The worker starts the workflow from actors' quarter.registered a moment later.
    await processStarted(callAs(api, token), res.body.id);
    return res.body.id;
  };

  beforeAll(async () => {
    const smtpPort = await freePort();
    await mailbox.listen(smtpPort);
    dataDir = mkdtempSync(join(tmpdir(), 'genq-process-'));
    stack = await startStack({
      dataDir,
      ports: await freeStackPorts(),
      withConsole: false,
      log: () => {},
      env: { SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, PROGRAMME_OFFICE_EMAIL: 'programmstelle@land.example', MAIL_FROM: 'GenQ <genq@land.example>' },
    });
    api = apiClient(stack.gatewayUrl);
    token = (await signIn(api, DEMO_ADMIN.email, DEMO_PASSWORD)).accessToken;
    const programme = await call('PUT', '/programmes/genq-e2e-fast', {
      id: 'genq-e2e-fast',
      name: 'Schnelltest',
      catalogueId: 'genq-default',
      catalogueVersion: '1.0.0',
      calendar: FAST_CALENDAR,
    });
    expect(programme.status).toBe(200);
    token = (await signIn(api, DEMO_ADMIN.email, DEMO_PASSWORD)).accessToken; // now with the new programme in scope
  }, 20 * 60_000);

  afterAll(async () => {
    await stack?.stop();
    await mailbox.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('mails reminders and the escalation once each, and keeps every one in the outbox', async () => {
    const id = await createQuarter('Celle-Heese');
    const reassigned = await call('POST', `/quarters/${id}/interventions`, {
      kind: 'reassign',
      key: 'kickoff',
      responsible: { name: 'Petra Schmidt', email: 'p.schmidt@wbg-allertal.example' },
      reason: 'Projektleitung benannt',
    });
    expect(reassigned.status).toBe(200);

    const outbox = await until(
      () => call('GET', `/notifications?filter=${encodeURIComponent(JSON.stringify({ quarterId: id }))}&range=[0,99]`),
      (r) => r.body.some((n: { kind: string; status: string }) => n.kind === 'escalation' && n.status === 'sent'),
      90_000,
    );
    const kinds = outbox.body.map((n: { kind: string }) => n.kind);
    expect(kinds).toEqual(expect.arrayContaining(['before_due', 'on_due', 'overdue', 'escalation']));
    expect(outbox.body.every((n: { status: string }) => n.status === 'sent')).toBe(true);

    const mails = mailbox.delivered.filter((m) => outbox.body.some((n: { id: string }) => m.messageId === `<${n.id}@genq>`));
    expect(mails).toHaveLength(outbox.body.length);
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(mails.length);
    const escalation = outbox.body.find((n: { kind: string }) => n.kind === 'escalation');
    expect(mails.find((m) => m.messageId === `<${escalation.id}@genq>`)?.to).toBe('programmstelle@land.example');
    expect(mails.filter((m) => m.to === 'p.schmidt@wbg-allertal.example').length).toBeGreaterThanOrEqual(3);

    const quarter = await until(() => call('GET', `/quarters/${id}`), (r) => r.body.stalled === true);
    expect(quarter.body.stalledReason).toBe('Frist „Auftakt“ seit 10 Sekunden überschritten');
  });

  it('addresses reminders to the person the lead partner’s membership names, and to the role without an address before', async () => {
    const org = await call('POST', '/organisations', { name: 'WBG Allertal eG (Klein Hehlen)', type: 'housing_company', programmeId: 'genq-e2e-fast' });
    expect(org.status).toBe(201);
    const person = await call('POST', '/people', { organisationId: org.body.id, name: 'Anna Becker', email: 'a.becker@wbg-allertal.example' });
    expect(person.status).toBe(201);
    const id = await createQuarter('Celle-Klein Hehlen');
    const manual = async () => {
      const r = await call('GET', `/notifications?filter=${encodeURIComponent(JSON.stringify({ quarterId: id, kind: 'manual' }))}&range=[0,99]`);
      expect(r.status).toBe(200);
      return r.body as Array<{ id: string; recipientName: string | null; recipientEmail: string | null; status: string; body: string; createdAt: string }>;
    };
    // A reminder sent now is in the outbox when the intervention answers (the update awaits it).
    const remindNow = async (reason: string) => expect((await call('POST', `/quarters/${id}/interventions`, { kind: 'remind_now', key: 'kickoff', reason })).status).toBe(200);

    // Nobody named yet: the Projektleitung of the housing company, without an address.
    await remindNow('Erinnerung ohne benannte Person');
    expect(await manual()).toEqual([expect.objectContaining({ recipientName: 'Projektleitung WBG Allertal', recipientEmail: null, status: 'not_mailed' })]);

    // The lead partner's membership names a person with an e-mail: the next reminder is theirs.
    const membership = await call('POST', `/quarters/${id}/memberships`, { organisationId: org.body.id, personId: person.body.id, role: 'lead_partner' });
    expect(membership.status).toBe(201);
    await remindNow('Erinnerung an die benannte Person');
    const named = (await manual()).find((n) => n.recipientName === 'Anna Becker');
    expect(named).toMatchObject({ recipientEmail: 'a.becker@wbg-allertal.example', status: 'sent' });
    expect(named!.body).toMatch(/^Guten Tag Anna Becker,\n/);
    expect(mailbox.delivered.filter((m) => m.messageId === `<${named!.id}@genq>`).map((m) => m.to)).toEqual(['a.becker@wbg-allertal.example']);
  });

  it('lets an operator intervene with a reason, refuses what does not apply, and audits before and after', async () => {
    const id = await createQuarter('Celle-Vorwerk');
    const noReason = await call('POST', `/quarters/${id}/interventions`, { kind: 'pause' });
    expect(noReason.status).toBe(400);
    expect(fieldCodes(noReason.body)).toMatchObject({ reason: 'validation.required' });

    // The partners record the kick-off; the process takes it from the event stream.
    await recordKickoff(callAs(api, token), `/quarters/${id}`, 'Celle-Vorwerk');
    await until(() => call('GET', `/quarters/${id}/process`), (r) => r.body.currentStep === 'analysis');
    const refused = await call('POST', `/quarters/${id}/interventions`, { kind: 'extend_deadline', key: 'kickoff', by: 'P14D', reason: 'zu spät' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'deadline.done_reopen_first', params: { name: 'Auftakt', status: 'completed' } });
    // Said in the request's language: German by default, English when asked for.
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    expect(refused.body.detail).toBe('„Auftakt“ ist bereits abgeschlossen. Bitte öffnen Sie den Schritt zuerst wieder.');
    const inEnglish = await api('POST', `/quarters/${id}/interventions`, {
      token,
      headers: { 'accept-language': 'en' },
      body: { kind: 'extend_deadline', key: 'kickoff', by: 'P14D', reason: 'zu spät' },
    });
    expect(inEnglish.body).toMatchObject({ status: 409, code: 'deadline.done_reopen_first', detail: '"Auftakt" is already completed; reopen it first.' });
    const unknownStep = await call('POST', `/quarters/${id}/interventions`, { kind: 'waive_step', key: 'nonsense', reason: 'gibt es nicht' });
    expect(unknownStep.body).toMatchObject({ status: 409, code: 'deadline.not_found', params: { key: 'nonsense' } });

    const extended = await call('POST', `/quarters/${id}/interventions`, { kind: 'extend_deadline', key: 'analysis', by: 'P14D', reason: 'Daten der Kommune fehlen' });
    expect(extended.status).toBe(200);
    expect(extended.body).toMatchObject({ summaryCode: 'due', summaryParams: { name: 'Quartiersanalyse', date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) } });
    const process = await call('GET', `/quarters/${id}/process`);
    expect(process.body.interventions).toEqual([expect.objectContaining({ kind: 'extend_deadline', reason: 'Daten der Kommune fehlen', operator: expect.objectContaining({ name: DEMO_ADMIN.email }) })]);

    const audit = await call('GET', `/audit-log?filter=${encodeURIComponent(JSON.stringify({ action: 'intervention.extend_deadline', resourceId: id }))}`);
    expect(audit.body).toHaveLength(1);
    expect(audit.body[0]).toMatchObject({ reason: 'Daten der Kommune fehlen', actorEmail: DEMO_ADMIN.email });
    expect(audit.body[0].before[0].due).not.toBe(audit.body[0].after[0].due);
  });

  it('runs a batch over a filter with a preview, progress and a result per quarter', async () => {
    const a = await createQuarter('Celle-Altstadt');
    const b = await createQuarter('Celle-Neustadt');
    await call('POST', `/quarters/${b}/interventions`, { kind: 'pause', reason: 'Kommunalwahl' });
    const filter = { programmeId: 'genq-e2e-fast', id: [a, b] };
    const preview = await call('GET', `/interventions/batches/preview?filter=${encodeURIComponent(JSON.stringify(filter))}`);
    expect(preview.body.total).toBe(2);

    const started = await call('POST', '/interventions/batches', { filter, intervention: { kind: 'pause', reason: 'Sommerpause des Rates' } });
    expect(started.status).toBe(202);
    const done = await until(() => call('GET', `/interventions/batches/${started.body.id}`), (r) => r.body.finished === true);
    expect(done.body).toMatchObject({ total: 2, applied: 1, refused: 1 });
    const refused = done.body.results.find((r: { quarterId: string }) => r.quarterId === b);
    expect(refused).toMatchObject({ outcome: 'refused', reasonCode: 'quarter.paused', reasonParams: { since: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) } });
    expect(done.body.results.find((r: { quarterId: string }) => r.quarterId === a)).toMatchObject({ outcome: 'applied', summaryCode: 'paused' });

    const empty = await call('POST', '/interventions/batches', { filter: { programmeId: 'genq-e2e-fast', id: ['00000000-0000-4000-8000-000000000000'] }, intervention: { kind: 'pause', reason: 'niemand' } });
    expect(empty.body).toMatchObject({ status: 400, code: 'batch.empty' });
    expect(fieldCodes(empty.body)).toEqual({ filter: 'batch.filter_empty' });
    const unknownBatch = await call('GET', '/interventions/batches/00000000-0000-4000-8000-000000000000');
    expect(unknownBatch.body).toMatchObject({ status: 404, code: 'batch.not_found', params: { batchId: '00000000-0000-4000-8000-000000000000' } });

    const entries = await call('GET', `/audit-log?filter=${encodeURIComponent(JSON.stringify({ action: 'intervention.pause', resourceId: a }))}`);
    expect(entries.body).toHaveLength(1);
    expect(entries.body[0].reason).toBe('Sommerpause des Rates');
  });

  it("takes a service's facts from the event stream, in order, each once however often it is delivered", async () => {
    const id = await createQuarter('Celle-Wietzenbruch');
    await recordKickoff(callAs(api, token), `/quarters/${id}`, 'Celle-Wietzenbruch');
    await until(() => call('GET', `/quarters/${id}/process`), (r) => r.body.currentStep === 'analysis');
    const nc = (await connectNats({ url: stack.natsUrl, streamReplicas: 1 }, 'e2e-process'))!;
    try {
      const fact = (type: 'analysis.submitted' | 'analysis.priorities_recorded', n: number): DomainEvent => ({
        id: `e2e-${id}-${n}`,
        type,
        version: 1,
        source: 'analysis',
        quarterId: id,
        occurredAt: new Date().toISOString(),
        payload: type === 'analysis.submitted' ? { analysisId: `a-${id}` } : { analysisId: `a-${id}`, priorities: ['HF1'] },
      });
      const js = nc.jetstream();
      // Without message ids the stream keeps every copy: the process must drop the repeats itself.
      for (const [type, n] of [['analysis.submitted', 1], ['analysis.submitted', 1], ['analysis.priorities_recorded', 2], ['analysis.priorities_recorded', 2]] as const) {
        await js.publish(eventSubject('analysis', type), JSON.stringify(fact(type, n)));
      }
      const state = await until(
        async () => (await call('GET', `/quarters/${id}/process`)).body,
        (s) => s.currentStep === 'participation',
      );
      expect(state.steps.filter((s: { status: string }) => s.status === 'completed').map((s: { key: string }) => s.key)).toEqual(['kickoff', 'analysis', 'strategy_workshop']);
    } finally {
      await nc.close();
    }
  });

  it('lets operators find quarters with the Temporal CLI by search attributes', async () => {
    const query = `GenqProgramme = 'genq-e2e-fast' AND GenqMunicipality = 'Celle' AND GenqPhase = 'development'`;
    const listed = await until(
      async () => {
        const r = await run(stack.temporalBin, ['workflow', 'list', '--address', stack.temporalAddress, '--query', query, '--output', 'json']);
        return (JSON.parse(r.stdout || '[]') as unknown[]).length;
      },
      (n) => n >= 5,
    );
    expect(listed).toBeGreaterThanOrEqual(5);
  });

  it('survives a worker killed hard while an activity runs and while a quarter waits on a timer', async () => {
    const id = await createQuarter('Celle-Blumlage');
    await call('POST', `/quarters/${id}/interventions`, {
      kind: 'reassign',
      key: 'kickoff',
      responsible: { name: 'Jonas Weber', email: 'j.weber@wbg-allertal.example' },
      reason: 'Projektleitung benannt',
    });
    // The first reminder is seconds away: the quarter waits on its timer. Kill the worker now.
    await stack.replaceWorker();
    // Hold the mail relay's answer so the reminder's activity is running when the next worker dies.
    mailbox.holdMs = 4000;
    const sentBefore = mailbox.delivered.length;
    // The first reminder due after the restart (several may have passed; only the latest goes out).
    await until(
      () => call('GET', `/notifications?filter=${encodeURIComponent(JSON.stringify({ quarterId: id }))}`),
      (r) => r.body.length >= 1,
      90_000,
    );
    await new Promise((r) => setTimeout(r, 1000));
    await stack.replaceWorker();
    mailbox.holdMs = 0;

    // The new worker retries the activity after its timeout and the process goes on.
    const outbox = await until(
      () => call('GET', `/notifications?filter=${encodeURIComponent(JSON.stringify({ quarterId: id }))}&range=[0,99]`),
      (r) => r.body.some((n: { kind: string; status: string }) => n.kind === 'escalation' && n.status === 'sent') && r.body.every((n: { status: string }) => n.status === 'sent'),
      120_000,
    );
    const ids = outbox.body.map((n: { id: string }) => `<${n.id}@genq>`);
    const mails = mailbox.delivered.slice(sentBefore).filter((m) => ids.includes(m.messageId));
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(mails.length);
    expect(mails).toHaveLength(outbox.body.length);
    const process = await call('GET', `/quarters/${id}/process`);
    expect(process.body.steps[0]).toMatchObject({ key: 'kickoff', status: 'active' });
    expect(process.body.stalled).not.toBeNull();
  }, 240_000);
});
