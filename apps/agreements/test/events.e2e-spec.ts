import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { DataSource, Not } from 'typeorm';
import { startTestDatabases, type TestDatabases } from '@genq/infra';
import {
  AgreementsMessagePatterns as P,
  type Actor,
  type AgreementVersionDto,
  type AmendmentDto,
  type AuditRecordCommand,
  type CertificateDto,
  type CertificateVerification,
  type DomainEvent,
  type GoalDto,
  type FieldProblemInput,
  type GoalsWorkshopDto,
  type Page,
  type MeasureDto,
  type ReportChange,
} from '@genq/contracts';
import { OutboxEventRow, startServiceForTest, type DatabaseConfig, type ServiceUnderTest } from '@genq/service-kit';
import { AgreementsModule } from '../src/app.module';
import { Measure } from '../src/entities';
import { person, signerOf } from './support/actors';
import { announce, announceCertified } from './support/process-facts';

/**
 * Issue 13: the agreements service records its facts in its outbox with the change, and
 * follows the process's certification decisions (validity, renewal, expiry, withdrawal).
 */
let dbs: TestDatabases;
beforeAll(async () => {
  dbs = await startTestDatabases('agreements_events');
}, 180_000);
afterAll(async () => {
  await dbs?.cleanup();
});

const HC = randomUUID();
const MUNI = randomUUID();
const hcSigner = person('partner', HC);
const muniSigner = person('partner', MUNI);
const admin: Actor = { ...person('programme_admin', null), programmeIds: ['genq-nrw-2026'] };
const hc = signerOf(hcSigner, 'housing_company', 'DOGEWO21');
const muni = signerOf(muniSigner, 'municipality', 'Stadt Dortmund');

describe.each(['sqlite', 'postgres'])('events of the agreements service on %s', (label) => {
  let service: ServiceUnderTest;
  let db: DataSource;
  // The process's facts; the audit entries every write records travel in the same outbox (see below).
  const outbox = async (quarterId: string) =>
    (await db.getRepository(OutboxEventRow).find({ where: { quarterId, type: Not('audit.recorded') }, order: { seq: 'ASC' } })).map((e) => ({ id: e.id, type: e.type, source: e.source, payload: e.payload }));
  const audits = async (quarterId: string) =>
    (await db.getRepository(OutboxEventRow).find({ where: { quarterId, type: 'audit.recorded' }, order: { seq: 'ASC' } })).map((e) => e.payload as AuditRecordCommand);

  beforeAll(async () => {
    const database = dbs.databases.find((d) => d.label === label)!.config as DatabaseConfig;
    service = await startServiceForTest('agreements', AgreementsModule.forRoot, { database });
    db = service.app.get(DataSource);
  }, 60_000);
  afterAll(async () => {
    await service?.close();
  });

  async function submitted(q: string) {
    const g = await service.send<GoalDto>(P.createGoal, { actor: hcSigner, quarterId: q, actionFieldId: 'HF2', title: 'Barrierearm wohnen', indicator: 'Wohnungen', targetValue: '40', targetDate: '2029-12-31' });
    const m = await service.send<MeasureDto>(P.createMeasure, {
      actor: hcSigner,
      quarterId: q,
      goalId: g.id,
      title: 'Aufzüge nachrüsten',
      kind: 'unmittelbar',
      ownerOrganisationId: HC,
      start: '2027-03-01',
      end: '2028-12-31',
      milestones: [{ title: 'Ausschreibung', due: '2027-06-30' }],
    });
    const v = await service.send<AgreementVersionDto>(P.submit, { actor: hcSigner, quarterId: q, quarterName: 'Hörde Clarenberg', weakActionFields: ['HF2'], windowStart: '2027-01-01' });
    return { v, m };
  }

  it("records each write's audit entry in the outbox with its change, with the gateway's audit context, and none for a refused write", async () => {
    const q = randomUUID();
    const meta = (requestId: string) => ({ actor: { userId: hcSigner.userId, email: hcSigner.email, role: 'partner' }, requestId, programmeId: 'genq-nrw-2026', quarterId: q });
    const goal = await service.send<GoalDto>(P.createGoal, {
      actor: hcSigner,
      quarterId: q,
      actionFieldId: 'HF2',
      title: 'Barrierearm wohnen',
      indicator: 'Wohnungen',
      targetValue: '40',
      targetDate: '2029-12-31',
      _meta: meta('req-goal'),
    });
    expect(await audits(q)).toEqual([
      {
        actor: { userId: hcSigner.userId, email: hcSigner.email, role: 'partner' },
        action: 'goal.create',
        resourceType: 'goal',
        resourceId: goal.id,
        programmeId: 'genq-nrw-2026',
        quarterId: q,
        reason: null,
        before: null,
        after: goal,
        requestId: 'req-goal',
      },
    ]);
    const measure = { actor: hcSigner, quarterId: q, goalId: goal.id, title: 'Aufzüge nachrüsten', kind: 'unmittelbar', ownerOrganisationId: HC, start: '2027-03-01', end: '2028-12-31' };
    const m = await service.send<MeasureDto>(P.createMeasure, { ...measure, _meta: meta('req-measure') });
    await service.send(P.changeMeasureStatus, { actor: hcSigner, quarterId: q, measureId: m.id, status: 'in Umsetzung', reason: 'Ausschreibung läuft', _meta: meta('req-status') });
    // Refused inside the transaction (the status is already "in Umsetzung"), and before it (an unknown goal): no entry either way.
    expect((await service.refusal(P.changeMeasureStatus, { actor: hcSigner, quarterId: q, measureId: m.id, status: 'in Umsetzung', _meta: meta('req-refused') })).code).toBe('measure.status_unchanged');
    expect((await service.refusal(P.createMeasure, { ...measure, goalId: randomUUID(), _meta: meta('req-unknown-goal') })).status).toBe(400);
    const entries = await audits(q);
    expect(entries.map((e) => [e.action, e.requestId])).toEqual([
      ['goal.create', 'req-goal'],
      ['measure.create', 'req-measure'],
      ['measure.status', 'req-status'],
    ]);
    expect(entries[2]).toMatchObject({ reason: 'Ausschreibung läuft', before: { status: 'geplant' }, after: { status: 'in Umsetzung' } });
    // Without an audit context (the platform acting, or these specs) the entry names the system.
    await service.send(P.createGoal, { actor: hcSigner, quarterId: q, actionFieldId: 'HF3', title: 'Nachbarschaft', indicator: 'Treffen', targetValue: '12', targetDate: '2029-12-31' });
    expect((await audits(q)).at(-1)).toMatchObject({ action: 'goal.create', actor: { userId: null, email: null, role: 'system' }, requestId: null });
  });

  it('records each fact in the outbox with its change, and nothing with a refused one', async () => {
    const q = randomUUID();
    const { v, m } = await submitted(q);
    expect(await outbox(q)).toEqual([]);
    await service.send(P.sign, { actor: hcSigner, quarterId: q, versionId: v.id, signer: hc });
    expect(await outbox(q)).toEqual([]); // one signature binds nobody
    expect((await service.refusal(P.sign, { actor: hcSigner, quarterId: q, versionId: v.id, signer: hc })).code).toBe('agreement.already_signed');
    await service.send(P.sign, { actor: muniSigner, quarterId: q, versionId: v.id, signer: muni });
    expect((await service.refusal(P.review, { actor: hcSigner, quarterId: q, versionId: v.id, decision: 'approved' })).code).toBe('agreements.role_may_not');
    await service.send(P.review, { actor: admin, quarterId: q, versionId: v.id, decision: 'approved' });
    await service.send(P.changeMeasureStatus, { actor: hcSigner, quarterId: q, measureId: m.id, status: 'in Umsetzung' });
    expect(await outbox(q)).toEqual([
      { id: `agreement-bound:${v.id}`, type: 'agreement.bound', source: 'agreements', payload: { versionId: v.id } },
      {
        id: `agreement-reviewed:${v.id}`,
        type: 'agreement.reviewed',
        source: 'agreements',
        payload: { versionId: v.id, decision: 'approved', milestones: [{ key: expect.stringMatching(/^milestone_[a-z0-9_]+_1$/), name: 'Aufzüge nachrüsten: Ausschreibung', due: '2027-06-30' }] },
      },
      { id: `measure-status:${m.id}:2`, type: 'measure.status_changed', source: 'agreements', payload: { measureId: m.id, status: 'in Umsetzung', revision: 2 } },
    ]);
  });

  it("reports a measure's milestone reached once, with the process's deadline key of it", async () => {
    const q = randomUUID();
    const { v, m } = await submitted(q);
    await service.send(P.sign, { actor: hcSigner, quarterId: q, versionId: v.id, signer: hc });
    await service.send(P.sign, { actor: muniSigner, quarterId: q, versionId: v.id, signer: muni });
    await service.send(P.review, { actor: admin, quarterId: q, versionId: v.id, decision: 'approved' });
    const tracked = (await outbox(q)).find((e) => e.type === 'agreement.reviewed')!.payload as { milestones: Array<{ key: string }> };
    expect(await service.refusal(P.reachMilestone, { actor: hcSigner, quarterId: q, measureId: m.id, index: 2 })).toMatchObject({ status: 404, code: 'milestone.not_found', params: { measureId: m.id, index: 2 } });
    const { after } = await service.send<{ after: MeasureDto }>(P.reachMilestone, { actor: hcSigner, quarterId: q, measureId: m.id, index: 1 });
    expect(after.milestones[0]).toMatchObject({ title: 'Ausschreibung', reachedAt: expect.any(String) });
    expect(await service.refusal(P.reachMilestone, { actor: hcSigner, quarterId: q, measureId: m.id, index: 1 })).toMatchObject({ status: 409, code: 'milestone.already_reached', params: { index: 1 } });
    expect((await outbox(q)).filter((e) => e.type === 'milestone.reached')).toEqual([
      { id: `milestone-reached:${m.id}:1`, type: 'milestone.reached', source: 'agreements', payload: { measureId: m.id, index: 1, key: tracked.milestones[0]!.key } },
    ]);
  });

  it('records the goals workshop on a drafted concept with goals_workshop.recorded, each round again; none without a measure', async () => {
    const q = randomUUID();
    const workshop = { actor: hcSigner, quarterId: q, date: '2026-09-15', participants: ' Wohnungsunternehmen, Stadt ', notes: 'Alle Handlungsfelder' };
    expect(await service.refusal(P.recordGoalsWorkshop, workshop)).toMatchObject({ status: 409, code: 'goals_workshop.nothing_drafted' });
    const invalid = await service.refusal(P.recordGoalsWorkshop, { actor: hcSigner, quarterId: q, date: '15.09.2026', participants: '' });
    expect(invalid.code).toBe('request.invalid');
    expect((invalid.errors as FieldProblemInput[]).map((e) => e.field).sort()).toEqual(['date', 'participants']);
    expect(await service.refusal(P.recordGoalsWorkshop, { ...workshop, date: '2999-01-01' })).toMatchObject({ status: 400, errors: [{ field: 'date', code: 'date.in_future' }] });
    expect(await service.refusal(P.recordGoalsWorkshop, { ...workshop, date: '2026-02-30' })).toMatchObject({ status: 400, errors: [{ field: 'date', code: 'validation.isDateString' }] });
    expect(await service.refusal(P.recordGoalsWorkshop, { ...workshop, actor: { ...hcSigner, role: 'viewer' } })).toMatchObject({
      status: 403,
      code: 'agreements.role_may_not',
      params: { role: 'viewer', action: 'record_goals_workshop' },
    });
    await submitted(q);
    const first = await service.send<GoalsWorkshopDto>(P.recordGoalsWorkshop, workshop);
    expect(first).toMatchObject({ quarterId: q, date: '2026-09-15', participants: 'Wohnungsunternehmen, Stadt', goals: 1, measures: 1 });
    const second = await service.send<GoalsWorkshopDto>(P.recordGoalsWorkshop, { ...workshop, date: '2026-10-01' });
    expect((await outbox(q)).filter((e) => e.type === 'goals_workshop.recorded')).toEqual([
      { id: `goals-workshop:${first.id}`, type: 'goals_workshop.recorded', source: 'agreements', payload: { workshopId: first.id, date: '2026-09-15', goals: 1, measures: 1 } },
      { id: `goals-workshop:${second.id}`, type: 'goals_workshop.recorded', source: 'agreements', payload: { workshopId: second.id, date: '2026-10-01', goals: 1, measures: 1 } },
    ]);
    expect((await service.send<Page<GoalsWorkshopDto>>(P.listGoalsWorkshops, { quarterId: q })).data.map((w) => w.date)).toEqual(['2026-10-01', '2026-09-15']);
  });

  it('follows the process: validity and report windows, a renewed certificate for cycle 2 with its own reports, expiry', async () => {
    const q = randomUUID();
    const { v } = await submitted(q);
    await service.send(P.sign, { actor: hcSigner, quarterId: q, versionId: v.id, signer: hc });
    await service.send(P.sign, { actor: muniSigner, quarterId: q, versionId: v.id, signer: muni });
    const { certificate: issued } = await service.send<{ certificate: CertificateDto }>(P.review, { actor: admin, quarterId: q, versionId: v.id, decision: 'approved' });
    expect(issued).toMatchObject({ cycle: 1, expiredAt: null, reportWindows: [] });

    // A draft may be written at once; it is submitted once the process has opened its reporting year.
    const draft = (await service.send<ReportChange>(P.createReport, { actor: hcSigner, quarterId: q, year: 1, text: 'Jahr 1' })).after;
    expect(draft).toMatchObject({ cycle: 1, year: 1 });
    expect(await service.refusal(P.submitReport, { actor: hcSigner, quarterId: q, reportId: draft.id })).toMatchObject({ status: 409, code: 'report.schedule_unknown', params: { cycle: 1 } });
    // The first reporting year has ended, the other two have not.
    await announceCertified(service, q, 1, { openYears: 1, validUntil: '2031-02-01T00:00:00.000Z' });
    const certified = await service.send<CertificateDto>(P.getCertificate, { quarterId: q });
    expect(certified).toMatchObject({ id: issued.id, cycle: 1, validUntil: '2031-02-01T00:00:00.000Z' });
    expect(certified.reportWindows.map((w) => w.year)).toEqual([1, 2, 3]);
    expect(await service.send<CertificateVerification>(P.verifyCertificate, { code: issued.verificationCode })).toMatchObject({ valid: true, validUntil: '2031-02-01T00:00:00.000Z' });
    // The same fact again (same id) changes nothing: the inbox drops it.
    await announceCertified(service, q, 1, { openYears: 0, validUntil: '2099-01-01T00:00:00.000Z' });
    expect((await service.send<CertificateDto>(P.getCertificate, { quarterId: q })).validUntil).toBe('2031-02-01T00:00:00.000Z');

    await service.send(P.submitReport, { actor: hcSigner, quarterId: q, reportId: draft.id });
    const early = (await service.send<ReportChange>(P.createReport, { actor: hcSigner, quarterId: q, year: 2, text: 'Jahr 2' })).after;
    expect(await service.refusal(P.submitReport, { actor: hcSigner, quarterId: q, reportId: early.id })).toMatchObject({ status: 409, code: 'report.year_not_ended', params: { year: 2, cycle: 1, date: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) } });
    expect(await service.refusal(P.createReport, { actor: hcSigner, quarterId: q, year: 1 })).toMatchObject({ status: 409, code: 'report.exists', params: { year: 1, cycle: 1 } });

    // The Bilanzierung renews: cycle 2 has its own certificate and its own reports 1 to 3.
    await announceCertified(service, q, 2, { openYears: 1, validUntil: '2034-02-01T00:00:00.000Z' });
    const renewed = await service.send<CertificateDto>(P.getCertificate, { quarterId: q });
    expect(renewed).toMatchObject({ cycle: 2, validUntil: '2034-02-01T00:00:00.000Z', versionId: v.id, partners: ['DOGEWO21', 'Stadt Dortmund'] });
    expect(renewed.id).not.toBe(issued.id);
    expect(renewed.number).not.toBe(issued.number);
    const cycle2 = (await service.send<ReportChange>(P.createReport, { actor: hcSigner, quarterId: q, year: 1, text: 'Zyklus 2, Jahr 1' })).after;
    expect(cycle2).toMatchObject({ cycle: 2, year: 1 });
    await service.send(P.submitReport, { actor: hcSigner, quarterId: q, reportId: cycle2.id });
    expect((await service.send<Array<{ cycle: number; year: number }>>(P.listReports, { quarterId: q })).map((r) => `${r.cycle}/${r.year}`)).toEqual(['1/1', '1/2', '2/1']);

    // The next Bilanzierung lets it expire: verification says so, no more reports or amendments.
    await announce(service, { id: `process:${q}:expired:2`, type: 'process.certificate_expired', version: 1, source: 'process', quarterId: q, occurredAt: new Date().toISOString(), payload: { cycle: 2, at: new Date(Date.now() - 1000).toISOString() } });
    expect(await service.send<CertificateVerification>(P.verifyCertificate, { code: renewed.verificationCode })).toMatchObject({ valid: false, reason: expect.stringContaining('expired') });
    expect(await service.refusal(P.createReport, { actor: hcSigner, quarterId: q, year: 2 })).toMatchObject({ status: 409, code: 'certificate.expired', params: { cycle: 2, action: 'file_annual_report' } });
  });

  it('makes a submission answer every weak action field the analysis announced, the newest announcement winning', async () => {
    const q = randomUUID();
    const weak = (fields: string[], revision: number) =>
      announce(service, { id: `weak-${q}-${revision}`, type: 'analysis.weak_fields_changed', version: 1, source: 'analysis', quarterId: q, occurredAt: new Date().toISOString(), payload: { analysisId: 'a', weakActionFields: fields, revision } });
    await weak(['HF2', 'HF4'], 2);
    await weak(['HF1'], 1); // older, arrived late: ignored
    const g = await service.send<GoalDto>(P.createGoal, { actor: hcSigner, quarterId: q, actionFieldId: 'HF2', title: 'Barrierearm', indicator: 'x', targetValue: '1', targetDate: '2029-12-31' });
    await service.send<MeasureDto>(P.createMeasure, { actor: hcSigner, quarterId: q, goalId: g.id, title: 'Rampen', kind: 'unmittelbar', ownerOrganisationId: HC, start: '2027-03-01', end: '2028-12-31' });
    // The submitter names no weak field; HF4 (weak by the analysis) has neither goal nor justification.
    const refused = await service.refusal(P.submit, { actor: hcSigner, quarterId: q, quarterName: 'Q', weakActionFields: [], windowStart: '2027-01-01' });
    expect(refused).toMatchObject({ status: 409, code: 'concept.incomplete', params: { count: 1 } });
    expect(refused.errors).toEqual([{ field: 'actionFields.HF4', code: 'concept.field_without_goal', params: { actionFieldId: 'HF4' } }]);
    await service.send(P.setJustification, { actor: hcSigner, quarterId: q, actionFieldId: 'HF4', text: 'Der Quartierstreff deckt das Handlungsfeld ab.' });
    const v = await service.send<AgreementVersionDto>(P.submit, { actor: hcSigner, quarterId: q, quarterName: 'Q', weakActionFields: [], windowStart: '2027-01-01' });
    expect((v.snapshot as unknown as { weakActionFields: string[] }).weakActionFields).toEqual(['HF2', 'HF4']);
  });

  it('names the organisation kept in measures once the actors service merged a duplicate, once per event', async () => {
    const q = randomUUID();
    const [duplicate, other] = [randomUUID(), randomUUID()];
    const g = await service.send<GoalDto>(P.createGoal, { actor: hcSigner, quarterId: q, actionFieldId: 'HF1', title: 'Treffpunkt', indicator: 'x', targetValue: '1', targetDate: '2029-12-31' });
    const base = { actor: hcSigner, quarterId: q, goalId: g.id, kind: 'unmittelbar', start: '2027-03-01', end: '2028-12-31' };
    const owned = await service.send<MeasureDto>(P.createMeasure, { ...base, title: 'Quartierstreff', ownerOrganisationId: duplicate, partnerOrganisationIds: [other] });
    const partnered = await service.send<MeasureDto>(P.createMeasure, { ...base, title: 'Mieterfest', ownerOrganisationId: HC, partnerOrganisationIds: [duplicate, HC, other] });
    const merged: DomainEvent<'organisation.merged'> = {
      id: `organisation-merged:${duplicate}`,
      type: 'organisation.merged',
      version: 1,
      source: 'actors',
      quarterId: '',
      occurredAt: new Date().toISOString(),
      payload: { organisationId: duplicate, intoId: HC, programmeId: 'genq-nrw-2026', quarterIds: [q] },
    };
    await announce(service, merged);
    await announce(service, merged); // redelivered: nothing more happens
    const rows = await db.getRepository(Measure).findBy({ quarterId: q });
    const byId = new Map(rows.map((m) => [m.id, m]));
    expect(byId.get(owned.id)).toMatchObject({ ownerOrganisationId: HC, partnerOrganisationIds: [other] });
    expect(byId.get(partnered.id)).toMatchObject({ ownerOrganisationId: HC, partnerOrganisationIds: [HC, other] });
  });

  it('lets a quarter that joined in the implementation phase (certified outside GenQ) pass without a certificate', async () => {
    const q = randomUUID();
    await announceCertified(service, q, 1);
    expect(await service.refusal(P.getCertificate, { quarterId: q })).toMatchObject({ status: 404, code: 'certificate.not_found' });
  });

  it('refuses reports and amendments once the process has withdrawn the quarter', async () => {
    const q = randomUUID();
    const { v } = await submitted(q);
    await service.send(P.sign, { actor: hcSigner, quarterId: q, versionId: v.id, signer: hc });
    await service.send(P.sign, { actor: muniSigner, quarterId: q, versionId: v.id, signer: muni });
    await service.send(P.review, { actor: admin, quarterId: q, versionId: v.id, decision: 'approved' });
    await announceCertified(service, q, 1);
    await announce(service, { id: `process:${q}:withdrawn`, type: 'process.withdrawn', version: 1, source: 'process', quarterId: q, occurredAt: new Date().toISOString(), payload: { at: new Date().toISOString(), reason: 'Kommune steigt aus' } });
    expect(await service.refusal(P.createReport, { actor: hcSigner, quarterId: q, year: 1 })).toMatchObject({ status: 409, code: 'certificate.withdrawn', params: { action: 'file_annual_report' } });
    const refused = await service.refusal(P.proposeAmendment, { actor: hcSigner, quarterId: q, description: 'Noch eine Änderung', reason: 'Neue Lage', changes: [] });
    expect(refused.status).toBeGreaterThanOrEqual(400);
    expect((await service.send<AmendmentDto[]>(P.listAmendments, { quarterId: q })).length).toBe(0);
  });
});
