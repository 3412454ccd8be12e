import { adminWithProgramme, consistencyReport, eventually, processWhen, quarterWithSigners, completeStepsUpToGoalsWorkshop, recordGoalsWorkshop, startTestStack, type TestStack, createQuarter } from './support/api';

/**
 * Issue 13: nothing is lost between two writes. While facts are written through the API,
 * NATS, the worker, the agreements service and the Temporal server are killed hard (SIGKILL)
 * and started again. Every write the API acknowledged reaches the process exactly once and
 * appears once in the audit log; a refused write reaches nothing; the API answers again once
 * NATS (which carries the requests to the services too) is back; and the operator's
 * consistency check reports 0 mismatches after. (While NATS is away the check cannot ask the
 * agreements service either, so no gap is shown here; compare.spec.ts covers the comparison.)
 */
jest.setTimeout(10 * 60_000);

describe('events survive crashes of NATS, the worker, the agreements service and Temporal', () => {
  let env: TestStack;
  let admin: string;
  const P = 'genq-faults';

  const as = (token: string | undefined, method: string, path: string, body?: unknown, expected?: number) => env.apiAs(token)(method, path, body, expected);

  beforeAll(async () => {
    // Three writers on one address for minutes: the per-client rate limit (tested in the
    // gateway's hardening tests) would answer them 429 and hide what this test is about.
    env = await startTestStack('events-faults', { env: { RATE_LIMIT_PER_MINUTE: '100000' } });
    admin = await adminWithProgramme(env, P, 'GenQ Fehlertest', { implementationPhase: { duration: 'PT90S', annualReportEvery: 'PT30S', reportDueWithin: 'PT5M' } });
  }, 20 * 60_000);

  afterAll(() => env?.stop());

  it('delivers every acknowledged fact once, whatever crashes in between', async () => {
    const { quarter, q, company, ceo, mayor } = await quarterWithSigners(env, admin, P, {
      name: 'Lünen-Brambauer',
      municipality: 'Lünen',
      housingCompany: 'Wohnungsgesellschaft Lünen',
      cityName: 'Stadt Lünen',
      mailDomain: 'faults.genq.example',
    });
    const when = processWhen(env.apiAs(admin), q);
    const mismatchesOf = () => consistencyReport(env.stack).mismatches.filter((m) => m.quarterId === quarter.id).map((m) => m.code);
    await completeStepsUpToGoalsWorkshop(env.apiAs(admin), q, 'faults');
    const goal = (await as(ceo, 'POST', `${q}/goals`, { actionFieldId: 'HF2', title: 'Barrierearm wohnen', indicator: 'Wohnungen', targetValue: '40', targetDate: '2029-12-31' }, 201)).body;
    const measure = (await as(ceo, 'POST', `${q}/measures`, { goalId: goal.id, title: 'Aufzüge nachrüsten', kind: 'unmittelbar', ownerOrganisationId: company, start: '2027-03-01', end: '2028-12-31' }, 201)).body;
    await recordGoalsWorkshop(env.apiAs(admin), q);
    const version = (await as(ceo, 'POST', `${q}/agreement/versions`, { weakActionFields: [], windowStart: '2027-01-01' }, 201)).body;
    const v = `${q}/agreement/versions/${version.id}`;
    await as(ceo, 'POST', `${v}/signatures`, undefined, 201);

    // 1. NATS is killed: requests reach no service, so the binding signature is refused with a
    //    quick 503 and stored nowhere; once NATS is back the gateway answers again (every
    //    connection reconnects), the signature is acknowledged and the process takes it.
    await env.stack.apps.nats!.kill();
    await as(mayor, 'POST', `${v}/signatures`, undefined, 503);
    await env.stack.restartNats();
    let signed: { status: number } = { status: 503 };
    await eventually(async () => (signed = await as(mayor, 'POST', `${v}/signatures`)).status !== 503, 'the gateway to answer again after NATS came back');
    expect(signed.status).toBe(201);
    await when((s) => s.currentStep === 'review_and_certification', 'the signature after NATS came back');
    expect(mismatchesOf()).toEqual([]);

    // 2. The worker (and with it the process bridge) is killed: the approval waits in the stream.
    await env.stack.apps.worker!.kill();
    await as(admin, 'POST', `${v}/review`, { decision: 'approved' }, 200);
    await env.stack.replaceWorker();
    const certified = await when((s) => s.phase === 'implementation', 'the approval after the worker came back');
    await eventually(async () => (await as(admin, 'GET', `${q}/certificate`, undefined, 200)).body.validUntil === certified.certificateValidUntil, 'the certificate to follow the process');

    // 3. The agreements service is killed right after it acknowledged an amendment: the fact
    //    was committed with the amendment, and its relay publishes it after the restart.
    const proposed = (await as(ceo, 'POST', `${q}/amendments`, {
      description: 'Treppenlifte statt Aufzüge',
      reason: 'Statik',
      changes: [{ action: 'replace', measureId: measure.id, measure: { title: 'Treppenlifte einbauen', kind: 'unmittelbar', ownerOrganisationId: company, start: '2027-06-01', end: '2028-12-31' } }],
    }, 201)).body;
    await env.stack.restartService('agreements');
    await when((s) => s.amendment?.id === proposed.id, 'the amendment after the agreements service came back');
    // A refused write reaches nothing: the programme office cannot accept an unconfirmed amendment.
    await as(admin, 'POST', `${q}/amendments/${proposed.id}/acceptance`, undefined, 409);

    // 4. Temporal is killed: both confirmations are acknowledged (they need no Temporal) and
    //    reach the process once it is back.
    await env.stack.apps.temporal!.kill();
    await as(ceo, 'POST', `${q}/amendments/${proposed.id}/signatures`, undefined, 201);
    await as(mayor, 'POST', `${q}/amendments/${proposed.id}/signatures`, undefined, 201);
    await env.stack.restartTemporal();
    const confirmed = await when((s) => s.amendment?.confirmedBy.length === 2, 'both confirmations after Temporal came back');
    expect([...confirmed.amendment.confirmedBy].sort()).toEqual(['housing_company', 'municipality']);
    expect(confirmed.phase).toBe('implementation');
    expect(consistencyReport(env.stack)).toMatchObject({ mismatches: [], unreadable: [] });

    // Every acknowledged write once in the audit log; the refused acceptance not at all. The
    // entries travel as events (recorded with each change, appended by the actors service), so
    // they arrive once the stream has caught up after the faults, and never twice.
    const counts = async () => {
      const log = (await as(admin, 'GET', `/audit-log?filter=${encodeURIComponent(JSON.stringify({ quarterId: quarter.id }))}&range=[0,199]`, undefined, 200)).body as Array<{ action: string }>;
      const count = (action: string) => log.filter((e) => e.action === action).length;
      return [count('agreement.sign'), count('agreement.review.approved'), count('amendment.propose'), count('amendment.sign'), count('amendment.accept')];
    };
    // The audit consumer takes one entry at a time: one that was in flight when NATS died comes
    // again only after the consumer's ack wait (60 s), and every later entry waits behind it.
    await eventually(async () => JSON.stringify(await counts()) === JSON.stringify([2, 1, 1, 2, 0]), 'every acknowledged write in the audit log', 120_000).catch(() => undefined);
    expect(await counts()).toEqual([2, 1, 1, 2, 0]);
  });

  it('counts every acknowledged participation event once while NATS, the analysis and the actors service are killed in the stream', async () => {
    const quarter = await createQuarter(env.apiAs(admin), { name: 'Lünen-Gahmen', municipality: 'Lünen', land: 'Nordrhein-Westfalen', housingCompany: 'Wohnungsgesellschaft Lünen', programmeId: P });
    const q = `/quarters/${quarter.id}`;
    // Once NATS is back, every connection comes back on its own (within a second or so): the
    // health check answers 200 again. A service restarts once NATS is there: it takes its
    // requests only from NATS.
    const restartNats = async () => {
      await env.stack.restartNats();
      await eventually(async () => (await as(undefined, 'GET', '/health')).status === 200, 'the gateway and every service to be back on NATS');
    };
    const faults: Record<number, () => Promise<unknown>> = {
      4: () => env.stack.apps.nats!.kill(),
      6: restartNats,
      13: () => env.stack.restartService('analysis'),
      17: () => env.stack.apps.nats!.kill(),
      19: restartNats,
      21: () => env.stack.restartService('actors'),
    };
    let acknowledged = 0;
    for (let i = 0; i < 25; i++) {
      await faults[i]?.();
      const res = await as(admin, 'POST', `${q}/participation-events`, { type: 'workshop', date: `2026-0${1 + (i % 9)}-15`, participants: { '18-64': 1 } });
      if (res.status === 201) acknowledged++;
      else expect(res.status).toBe(503); // refused while NATS is away or a service restarts: not stored
    }
    // Refused: the 4 requests while NATS is away, perhaps one right after a service restarted.
    expect(acknowledged).toBeGreaterThanOrEqual(19);
    const stored = (await as(admin, 'GET', `${q}/participation-events`, undefined, 200)).body;
    expect(stored).toHaveLength(acknowledged);
    // The analysis service counts exactly what was acknowledged, once, after every restart.
    await eventually(async () => {
      const values = (await as(admin, 'GET', `${q}/indicators?filter=${encodeURIComponent(JSON.stringify({ indicatorId: 'participation_events' }))}`, undefined, 200)).body as Array<{ value: number }>;
      return values.reduce((n, v) => n + Number(v.value), 0) === acknowledged;
    }, 'the participation to be counted', 90_000);
    const participants = (await as(admin, 'GET', `${q}/indicators?filter=${encodeURIComponent(JSON.stringify({ indicatorId: 'participants_total' }))}`, undefined, 200)).body as Array<{ value: number }>;
    expect(participants.reduce((n, v) => n + Number(v.value), 0)).toBe(acknowledged);
  });

  it('keeps every write acknowledged while requests are in flight when actors, agreements, the worker and NATS are killed', async () => {
    const quarter = (await as(admin, 'POST', '/quarters', { name: 'Lünen-Horstmar', municipality: 'Lünen', land: 'Nordrhein-Westfalen', housingCompany: 'Wohnungsgesellschaft Lünen', programmeId: P }, 201)).body;
    const q = `/quarters/${quarter.id}`;
    const acknowledged = { events: [] as string[], goals: [] as string[] };
    const other: number[] = [];
    let running = true;
    // Writers keep requests in flight the whole time; every answer is either an acknowledgement or the documented 503.
    const writer = (n: number) =>
      (async () => {
        for (let i = 0; running; i++) {
          const [route, body, into] =
            i % 3 === 2
              ? [`${q}/goals`, { actionFieldId: 'HF2', title: `Ziel ${n}-${i}`, indicator: 'Wohnungen', targetValue: '10', targetDate: '2029-12-31' }, acknowledged.goals]
              : [`${q}/participation-events`, { type: 'workshop', date: '2026-05-15', participants: { '18-64': 1 }, outcome: `Schreiber ${n}, Nr. ${i}` }, acknowledged.events];
          const res = await as(admin, 'POST', route, body).catch(() => ({ status: 0, body: undefined }));
          if (res.status === 201) into.push(res.body.id);
          else other.push(res.status);
          // A 503 says Retry-After: 1, and a well-behaved client waits that long.
          if (res.status === 503) await new Promise((r) => setTimeout(r, 1000));
        }
      })();
    const writers = [1, 2, 3].map(writer);
    const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
    await pause(1500);
    await env.stack.restartService('actors');
    await pause(1500);
    await env.stack.restartService('agreements');
    await pause(1000);
    await env.stack.replaceWorker();
    await pause(1000);
    await env.stack.apps.nats!.kill();
    await pause(1000);
    await env.stack.restartNats();
    // Every app reconnects to the restarted NATS with its client's backoff; on a loaded 2-core
    // machine that has taken longer than 30 s, so it gets the time the audit entries get below.
    await eventually(async () => (await as(admin, 'GET', '/health')).status === 200, 'every service healthy again', 120_000);
    await pause(1500);
    running = false;
    await Promise.all(writers);

    expect(other.filter((status) => status !== 503)).toEqual([]);
    expect(acknowledged.events.length).toBeGreaterThan(10);
    expect(acknowledged.goals.length).toBeGreaterThan(3);
    // Every acknowledged write is stored exactly once (a request cut off by a crash may have been stored without an answer).
    const stored = (await as(admin, 'GET', `${q}/participation-events`, undefined, 200)).body as Array<{ id: string }>;
    const storedIds = stored.map((e) => e.id);
    expect(new Set(storedIds).size).toBe(storedIds.length);
    expect(acknowledged.events.filter((id) => !storedIds.includes(id))).toEqual([]);
    const goals = ((await as(admin, 'GET', `${q}/handlungskonzept`, undefined, 200)).body.goals as Array<{ id: string }>).map((g) => g.id);
    expect(acknowledged.goals.filter((id) => !goals.includes(id))).toEqual([]);
    // The analysis service counts exactly what is stored, once; the audit log has one entry per stored write.
    await eventually(async () => {
      const values = (await as(admin, 'GET', `${q}/indicators?filter=${encodeURIComponent(JSON.stringify({ indicatorId: 'participation_events' }))}`, undefined, 200)).body as Array<{ value: number }>;
      return values.reduce((n, v) => n + Number(v.value), 0) === stored.length;
    }, 'the stored participation to be counted', 90_000);
    // (The agreements service's entries travel to the log as events: wait for them. One the killed
    // actors service was handling comes again after the consumer's ack wait, 60 s.)
    const audited = async (action: string) =>
      ((await as(admin, 'GET', `/audit-log?filter=${encodeURIComponent(JSON.stringify({ quarterId: quarter.id, action }))}&range=[0,499]`, undefined, 200)).body as Array<{ resourceId: string }>)
        .map((e) => e.resourceId)
        .sort();
    expect(await audited('participation_event.create')).toEqual([...storedIds].sort());
    await eventually(async () => (await audited('goal.create')).length >= goals.length, 'the goal entries to reach the log', 120_000).catch(async (err: Error) => {
      const status = (await as(admin, 'GET', '/events/status')).text;
      const dead = (await as(admin, 'GET', '/dead-letters')).text;
      throw new Error(`${err.message}; ${(await audited('goal.create')).length} of ${goals.length}; streams ${status}; dead letters ${dead.slice(0, 2000)}`);
    });
    expect(await audited('goal.create')).toEqual([...goals].sort());
    // The new worker answers queries once it has replayed the quarter's history.
    let last: unknown;
    await eventually(async () => {
      const report = consistencyReport(env.stack);
      last = report;
      return report.mismatches.length === 0 && report.unreadable.length === 0;
    }, 'a consistency report without mismatches', 60_000).catch((err: Error) => {
      throw new Error(`${err.message}: ${JSON.stringify(last)}`);
    });
  });
});

