import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SMTPServer } from 'smtp-server';
import { freePort, spawnApp, startNatsServer, type NatsServer, type StackApp } from '@genq/infra';
import { ActorsPatterns, type NotificationRequest } from '@genq/contracts';
import { natsClient, request, ServiceUnavailableError } from '@genq/service-kit';
import { Mailer } from '../src/activities/mailer';
import { createProcessActivities } from '../src/activities/process.activities';
import { readWorkerConfig } from '../src/config';

/**
 * The notification activity against a real actors service (its outbox), reached over a real
 * NATS server, and a real SMTP conversation with a server on loopback.
 */
describe('notification activity', () => {
  const received: Array<{ to: string; raw: string }> = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.setEncoding('utf8');
      stream.on('data', (c: string) => (raw += c));
      stream.on('end', () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), raw });
        callback();
      });
    },
  });
  let dir: string;
  let nats: NatsServer;
  let actors: StackApp;
  let activities: ReturnType<typeof createProcessActivities>;
  let close: () => Promise<void>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'genq-worker-'));
    const smtpPort = await freePort();
    await new Promise<void>((r) => smtp.listen(smtpPort, '127.0.0.1', r));
    nats = await startNatsServer({ storeDir: join(dir, 'nats'), logFile: join(dir, 'nats.log'), log: () => undefined });
    actors = spawnApp('actors', require.resolve('@genq/actors/dist/main.js'), {
      logFile: join(dir, 'actors.log'),
      env: { NATS_URL: nats.url, DB_PATH: join(dir, 'actors.sqlite'), GENQ_BOOTSTRAP_ADMIN_EMAIL: '', GENQ_BOOTSTRAP_ADMIN_PASSWORD: '' },
    });
    const config = readWorkerConfig({
      NATS_URL: nats.url,
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_FROM: 'GenQ <genq@land.example>',
      PROGRAMME_OFFICE_EMAIL: 'programmstelle@land.example',
    });
    const client = natsClient(config.nats, 'genq-worker-test');
    const mailer = new Mailer(config.mail!);
    close = async () => {
      await client.close();
      mailer.close();
    };
    // Ready once it answers: until it has migrated and subscribed, NATS has no responders.
    for (const until = Date.now() + 60_000; ; ) {
      try {
        await request(client, 'actors', ActorsPatterns.health, {});
        break;
      } catch (err) {
        if (!(err instanceof ServiceUnavailableError) || Date.now() > until) throw err;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
    activities = createProcessActivities({ actors: client, mailer });
  }, 120_000);

  afterAll(async () => {
    await close?.();
    await actors?.stop();
    await nats?.stop();
    await new Promise<void>((r) => smtp.close(() => r()));
    rmSync(dir, { recursive: true, force: true });
  });

  const reminder = (over: Partial<NotificationRequest> = {}): NotificationRequest => ({
    idempotencyKey: 'quarter-q1:kickoff:2027-02-15T00:00:00.000Z:before_due:1',
    quarterId: '00000000-0000-4000-8000-000000000001',
    kind: 'before_due',
    deadlineKey: 'kickoff',
    occurrence: 1,
    recipientName: 'Petra Schmidt',
    recipientEmail: 'p.schmidt@example.org',
    subject: 'Erinnerung: „Auftakt“ ist am 15.2.2027 fällig – Scharnhorst-Ost (Dortmund)',
    body: 'Guten Tag Petra Schmidt,\n\nbitte denken Sie an den Auftakt.',
    ...over,
  });

  it('mails a reminder once, however often the activity runs with the same key', async () => {
    await expect(activities.sendNotification(reminder())).resolves.toEqual({ status: 'sent' });
    await expect(activities.sendNotification(reminder())).resolves.toEqual({ status: 'sent' });
    const mails = received.filter((m) => m.to === 'p.schmidt@example.org');
    expect(mails).toHaveLength(1);
    // Headers may be folded: whitespace between name and value is free.
    expect(mails[0]!.raw).toMatch(/X-GenQ-Idempotency-Key:\s+quarter-q1:kickoff:2027-02-15T00:00:00\.000Z:before_due:1/i);
    expect(mails[0]!.raw).toMatch(/Subject: .*Auftakt/);
  });

  it('sends escalations to the programme office', async () => {
    await activities.sendNotification(reminder({ idempotencyKey: 'quarter-q1:kickoff:x:escalation:1', kind: 'escalation', recipientName: 'Programmstelle', recipientEmail: null }));
    expect(received.map((m) => m.to)).toContain('programmstelle@land.example');
  });

  it('keeps a reminder without an address in the outbox only', async () => {
    const before = received.length;
    await expect(activities.sendNotification(reminder({ idempotencyKey: 'quarter-q1:kickoff:x:on_due:1', kind: 'on_due', recipientEmail: null }))).resolves.toEqual({
      status: 'not_mailed',
    });
    expect(received).toHaveLength(before);
  });

  it('refuses an SMTP_URL that is not smtp or smtps at start', () => {
    expect(() => readWorkerConfig({ SMTP_URL: 'http://mail.example' })).toThrow(/SMTP_URL must be a smtp or smtps URL/);
  });
});
