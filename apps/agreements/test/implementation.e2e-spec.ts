import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { startTestDatabases, type TestDatabases } from '@genq/infra';
import {
  AgreementsMessagePatterns as P,
  type Actor,
  type AgreementVersionDto,
  type AmendmentDto,
  type AmendmentSignResult,
  type FieldProblemInput,
  type GoalDto,
  type HandlungskonzeptDto,
  type MeasureDto,
  type PdfDocument,
  type ReportChange,
  type SignerDto,
  type VersionHistoryEntry,
} from '@genq/contracts';
import { startServiceForTest, type DatabaseConfig, type ServiceUnderTest } from '@genq/service-kit';
import { person, signerOf } from './support/actors';
import { announceCertified } from './support/process-facts';
import { AgreementsModule } from '../src/app.module';
import { pdfText } from './support/pdf-text';

/** Issue 5, implementation: annual reports and amendments on a certified quarter, on SQLite and PostgreSQL. */
let dbs: TestDatabases;
beforeAll(async () => {
  dbs = await startTestDatabases('agreements_impl');
}, 180_000);
afterAll(async () => {
  await dbs?.cleanup();
});

const HC = randomUUID();
const MUNI = randomUUID();
const hcSigner = person('partner', HC);
const muniSigner = person('partner', MUNI);
const admin: Actor = { ...person('programme_admin', null), programmeIds: ['genq-nrw-2026'] };
const facilitator = person('facilitator', null);
const hc = signerOf(hcSigner, 'housing_company', 'DOGEWO21');
const muni = signerOf(muniSigner, 'municipality', 'Stadt Dortmund');

describe.each(['sqlite', 'postgres'])('annual reports and amendments on %s', (label) => {
  let service: ServiceUnderTest;
  const quarterId = randomUUID();
  let approved: AgreementVersionDto;
  let goals: GoalDto[];
  let lift: MeasureDto;
  let network: MeasureDto;

  beforeAll(async () => {
    const database = dbs.databases.find((d) => d.label === label)!.config as DatabaseConfig;
    service = await startServiceForTest('agreements', AgreementsModule.forRoot, { database });
  }, 60_000);
  afterAll(async () => {
    await service?.close();
  });

  /** A quarter with a submitted, signed and approved (certified) agreement. */
  async function certify(q: string) {
    const goal = (actionFieldId: string, title: string) =>
      service.send<GoalDto>(P.createGoal, { actor: hcSigner, quarterId: q, actionFieldId, title, indicator: 'Anzahl', baseline: '12', targetValue: '40', targetDate: '2029-12-31' });
    const g1 = await goal('HF1', 'Quartiersnetzwerk aufbauen');
    const g2 = await goal('HF2', 'Barrierearme Wohnungen schaffen');
    const m1 = await service.send<MeasureDto>(P.createMeasure, { actor: hcSigner, quarterId: q, goalId: g1.id, title: 'Netzwerk der Träger gründen', kind: 'mittelbar', ownerOrganisationId: MUNI, start: '2027-02-01', end: '2029-12-31' });
    const m2 = await service.send<MeasureDto>(P.createMeasure, { actor: hcSigner, quarterId: q, goalId: g2.id, title: 'Aufzüge nachrüsten', kind: 'unmittelbar', ownerOrganisationId: HC, start: '2027-03-01', end: '2028-12-31' });
    const v = await service.send<AgreementVersionDto>(P.submit, { actor: hcSigner, quarterId: q, quarterName: 'Hörde Clarenberg', weakActionFields: ['HF1', 'HF2'], windowStart: '2027-01-01' });
    await service.send(P.sign, { actor: hcSigner, quarterId: q, versionId: v.id, signer: hc });
    await service.send(P.sign, { actor: muniSigner, quarterId: q, versionId: v.id, signer: muni });
    const { version } = await service.send<{ version: AgreementVersionDto }>(P.review, { actor: admin, quarterId: q, versionId: v.id, decision: 'approved' });
    // The process announces the certification with its schedule; year 1's window is open (the test is in year 2).
    await announceCertified(service, q, 1);
    return { version, goals: [g1, g2], measures: [m1, m2] };
  }

  it('keeps its schema in step with the entities', async () => {
    expect(await service.schemaDrift()).toEqual([]);
  });

  it('refuses reports and amendments before certification with 409 and writes nothing', async () => {
    const q = randomUUID();
    const g = await service.send<GoalDto>(P.createGoal, { actor: hcSigner, quarterId: q, actionFieldId: 'HF1', title: 'Netz', indicator: 'x', targetValue: '1', targetDate: '2029-12-31' });
    const m = await service.send<MeasureDto>(P.createMeasure, { actor: hcSigner, quarterId: q, goalId: g.id, title: 'Runder Tisch', kind: 'mittelbar', ownerOrganisationId: HC, start: '2027-02-01', end: '2028-12-31' });
    await service.send(P.submit, { actor: hcSigner, quarterId: q, quarterName: 'Q', weakActionFields: [], windowStart: '2027-01-01' });
    expect(await service.refusal(P.createReport, { actor: hcSigner, quarterId: q, year: 1 })).toMatchObject({ status: 409, code: 'agreement.not_certified', params: { action: 'file_annual_report' } });
    expect(await service.refusal(P.proposeAmendment, { actor: hcSigner, quarterId: q, description: 'x', reason: 'y', changes: [{ action: 'drop', measureId: m.id }] })).toMatchObject({
      status: 409,
      code: 'agreement.not_certified',
      params: { action: 'amend_agreement' },
    });
    expect(await service.send(P.listReports, { quarterId: q })).toEqual([]);
    expect(await service.send(P.listAmendments, { quarterId: q })).toEqual([]);
  });

  let reportId: string;
  it('drafts an annual report with every measure of the approved version; field errors are 400', async () => {
    const certified = await certify(quarterId);
    ({ version: approved, goals } = certified);
    [network, lift] = certified.measures as [MeasureDto, MeasureDto];
    expect(approved.status).toBe('approved');
    expect(await service.refusal(P.createReport, { actor: admin, quarterId, year: 1 })).toMatchObject({
      status: 403,
      code: 'agreements.role_may_not',
      params: { role: 'programme_admin', action: 'write_annual_reports' },
    });
    const invalid = await service.refusal(P.createReport, { actor: hcSigner, quarterId, year: 4, indicators: [{ key: '', value: '3' }] });
    expect(invalid).toMatchObject({ status: 400, code: 'request.invalid' });
    expect((invalid.errors as FieldProblemInput[]).map((e) => [e.field, e.code])).toEqual(expect.arrayContaining([['year', 'validation.isIn'], ['indicators.0.key', 'validation.required']]));
    await service.send(P.changeMeasureStatus, { actor: hcSigner, quarterId, measureId: lift.id, status: 'in Umsetzung' });

    const { before, after } = await service.send<ReportChange>(P.createReport, { actor: hcSigner, quarterId, year: 1, text: 'Das erste Jahr.' });
    expect(before).toBeNull();
    expect(after).toMatchObject({ year: 1, status: 'draft', versionId: approved.id, versionNumber: approved.number, text: 'Das erste Jahr.' });
    expect(after.measures.map((m) => [m.title, m.status])).toEqual([
      ['Netzwerk der Träger gründen', 'geplant'],
      ['Aufzüge nachrüsten', 'in Umsetzung'],
    ]);
    reportId = after.id;
    expect(await service.refusal(P.createReport, { actor: hcSigner, quarterId, year: 1 })).toMatchObject({ status: 409, code: 'report.exists', params: { year: 1, cycle: 1 } });

    const unknown = await service.refusal(P.updateReport, { actor: hcSigner, quarterId, reportId, measures: [{ measureId: randomUUID(), status: 'umgesetzt' }] });
    expect(unknown).toMatchObject({ status: 400, code: 'request.invalid', errors: [{ field: 'measures.0.measureId', code: 'report.measure_unknown' }] });
    const twice = await service.refusal(P.updateReport, { actor: hcSigner, quarterId, reportId, measures: [{ measureId: lift.id, status: 'umgesetzt' }, { measureId: lift.id, status: 'verzögert' }] });
    expect(twice).toMatchObject({ status: 400, code: 'request.invalid', errors: [{ field: 'measures.1.measureId', code: 'report.measure_twice' }] });
    const updated = await service.send<ReportChange>(P.updateReport, {
      actor: hcSigner,
      quarterId,
      reportId,
      measures: [{ measureId: lift.id, status: 'verzögert', note: 'Lieferverzug beim Aufzugshersteller' }],
      indicators: [{ key: 'Barrierearme Wohnungen', value: '18', goalId: goals[1]!.id }],
      changes: [{ description: 'Aufzug Haus 3 erst 2028', reason: 'Lieferverzug' }],
    });
    expect(updated.before!.measures[1]!.status).toBe('in Umsetzung');
    expect(updated.after.measures[1]).toMatchObject({ status: 'verzögert', note: 'Lieferverzug beim Aufzugshersteller' });
    expect(updated.after.text).toBe('Das erste Jahr.');
  });

  it('is submitted by the partners and reviewed by the programme office: returned with remarks, resubmitted, accepted', async () => {
    expect(await service.refusal(P.reviewReport, { actor: admin, quarterId, reportId, decision: 'accepted' })).toMatchObject({ status: 409, code: 'report.not_reviewable', params: { year: 1, status: 'draft' } });
    expect(await service.refusal(P.submitReport, { actor: facilitator, quarterId, reportId })).toMatchObject({ status: 403, code: 'agreements.role_may_not', params: { action: 'submit_annual_reports' } });
    const submitted = await service.send<ReportChange>(P.submitReport, { actor: hcSigner, quarterId, reportId });
    expect(submitted.after).toMatchObject({ status: 'submitted', submittedBy: hcSigner.userId, submittedAt: expect.any(String) });
    expect(await service.refusal(P.updateReport, { actor: hcSigner, quarterId, reportId, text: 'neu' })).toMatchObject({ status: 409, code: 'report.not_editable', params: { year: 1, status: 'submitted' } });
    expect(await service.refusal(P.submitReport, { actor: hcSigner, quarterId, reportId })).toMatchObject({ status: 409, code: 'report.not_submittable', params: { year: 1, status: 'submitted' } });
    expect(await service.refusal(P.reviewReport, { actor: admin, quarterId, reportId, decision: 'returned' })).toMatchObject({
      status: 400,
      errors: [{ field: 'remarks', code: 'validation.required' }],
    });
    expect((await service.refusal(P.reviewReport, { actor: hcSigner, quarterId, reportId, decision: 'accepted' })).status).toBe(403);
    const returned = await service.send<ReportChange>(P.reviewReport, { actor: admin, quarterId, reportId, decision: 'returned', remarks: 'Bitte Kosten ergänzen' });
    expect(returned.after).toMatchObject({ status: 'returned', remarks: 'Bitte Kosten ergänzen', reviewedBy: admin.userId });
    await service.send(P.updateReport, { actor: hcSigner, quarterId, reportId, text: 'Das erste Jahr. Kosten: 120.000 €.' });
    await service.send(P.submitReport, { actor: hcSigner, quarterId, reportId });
    const accepted = await service.send<ReportChange>(P.reviewReport, { actor: admin, quarterId, reportId, decision: 'accepted' });
    expect(accepted.after.status).toBe('accepted');
    expect((await service.refusal(P.reviewReport, { actor: admin, quarterId, reportId, decision: 'accepted' })).status).toBe(409);
    expect(await service.refusal(P.getReport, { quarterId: randomUUID(), reportId })).toMatchObject({ status: 404, code: 'report.not_found', params: { reportId } });
  });

  it('renders the annual report as a German PDF', async () => {
    const doc = await service.send<PdfDocument>(P.reportPdf, { quarterId, reportId });
    expect(doc.filename).toBe('jahresbericht-1.pdf');
    const text = await pdfText(doc.content);
    for (const expected of [
      'Jahresbericht 1',
      'Quartier: Hörde Clarenberg',
      `Grundlage: Zielvereinbarung Version ${approved.number}`,
      'Maßnahme: Aufzüge nachrüsten – Status: verzögert',
      'Anmerkung: Lieferverzug beim Aufzugshersteller',
      'Barrierearme Wohnungen: 18',
      'Änderung: Aufzug Haus 3 erst 2028',
      'Begründung: Lieferverzug',
      'Kosten: 120.000 €',
      'von der Programmstelle angenommen',
    ]) {
      expect(text).toContain(expected);
    }
  });

  let amendment: AmendmentDto;
  it('proposes an amendment as a new version with its own content hash; invalid changes are refused whole', async () => {
    const propose = (changes: unknown[]) => ({ actor: hcSigner, quarterId, description: 'Netzwerk wird Quartiersbüro', reason: 'Die Träger bündeln ihre Arbeit', changes });
    const replacement = { title: 'Quartiersbüro eröffnen', kind: 'unmittelbar', ownerOrganisationId: MUNI, start: '2028-01-01', end: '2029-06-30', cost: 90000 };
    expect(await service.refusal(P.proposeAmendment, propose([]))).toMatchObject({ status: 400, code: 'request.invalid', errors: [expect.objectContaining({ field: 'changes' })] });
    expect(await service.refusal(P.proposeAmendment, propose([{ action: 'replace', measureId: network.id }]))).toMatchObject({ status: 400, code: 'request.invalid' });
    expect(await service.refusal(P.proposeAmendment, propose([{ action: 'drop', measureId: randomUUID() }, { action: 'add', goalId: randomUUID(), measure: replacement }]))).toMatchObject({
      status: 400,
      code: 'request.invalid',
      errors: [
        { field: 'changes.0.measureId', code: 'amendment.measure_unknown' },
        { field: 'changes.1.goalId', code: 'amendment.goal_unknown' },
      ],
    });
    expect(await service.refusal(P.proposeAmendment, propose([{ action: 'drop', measureId: lift.id }, { action: 'replace', measureId: lift.id, measure: replacement }]))).toMatchObject({
      status: 400,
      errors: [{ field: 'changes.1.measureId', code: 'amendment.measure_twice' }],
    });
    expect(await service.refusal(P.proposeAmendment, propose([{ action: 'add', goalId: goals[0]!.id, measure: { ...replacement, end: '2031-01-01' } }]))).toMatchObject({
      status: 400,
      errors: [{ field: 'changes.0.measure', code: 'amendment.outside_window', params: { start: '2028-01-01', end: '2031-01-01', windowStart: approved.snapshot.windowStart, windowEnd: approved.snapshot.windowEnd } }],
    });
    expect(await service.refusal(P.proposeAmendment, propose([{ action: 'drop', measureId: lift.id }]))).toMatchObject({
      status: 409,
      code: 'amendment.goal_without_measure',
      params: { goalId: goals[1]!.id, title: goals[1]!.title },
    });
    expect(await service.send(P.listAmendments, { quarterId })).toEqual([]);

    amendment = await service.send<AmendmentDto>(P.proposeAmendment, propose([
      { action: 'replace', measureId: network.id, measure: replacement },
      { action: 'add', goalId: goals[1]!.id, measure: { title: 'Wohnberatung', kind: 'mittelbar', ownerOrganisationId: HC, start: '2027-06-01', end: '2029-12-31' } },
    ]));
    expect(amendment).toMatchObject({ status: 'proposed', baseVersionId: approved.id, confirmedBy: [], version: { number: approved.number + 1, status: 'submitted' } });
    expect(amendment.version.contentHash).not.toBe(approved.contentHash);
    expect(amendment.changes.map((c) => [c.action, c.title])).toEqual([
      ['replace', 'Quartiersbüro eröffnen'],
      ['add', 'Wohnberatung'],
    ]);
    const measures = amendment.version.snapshot.goals.flatMap((g) => g.measures.map((m) => [m.title, m.status]));
    expect(measures).toEqual([
      ['Netzwerk der Träger gründen', 'ersetzt'],
      ['Quartiersbüro eröffnen', 'geplant'],
      ['Aufzüge nachrüsten', 'geplant'],
      ['Wohnberatung', 'geplant'],
    ]);
    // The approved version is untouched until the amendment is accepted; only one amendment is open at a time.
    expect((await service.send<AgreementVersionDto>(P.getVersion, { quarterId, versionId: approved.id })).status).toBe('approved');
    expect(await service.refusal(P.proposeAmendment, propose([{ action: 'drop', measureId: network.id }]))).toMatchObject({
      status: 409,
      code: 'amendment.still_open',
      params: { amendmentId: amendment.id, description: 'Netzwerk wird Quartiersbüro' },
    });
  });

  it('needs the signatures of the housing company and the municipality, then the programme office accepts it', async () => {
    const sign = (actor: Actor, signer: SignerDto) => ({ actor, quarterId, amendmentId: amendment.id, signer });
    // The ordinary signing and review routes do not take an amendment's version.
    expect(await service.refusal(P.sign, { actor: hcSigner, quarterId, versionId: amendment.versionId, signer: hc })).toMatchObject({
      status: 409,
      code: 'agreement.sign_through_amendment',
      params: { number: amendment.version.number },
    });
    expect(await service.refusal(P.acceptAmendment, { actor: admin, quarterId, amendmentId: amendment.id })).toMatchObject({ status: 409, code: 'amendment.not_acceptable', params: { status: 'proposed' } });
    expect(await service.refusal(P.signAmendment, sign(hcSigner, { ...hc, canSign: false }))).toMatchObject({ status: 403, code: 'signature.no_authority' });
    const first = await service.send<AmendmentSignResult>(P.signAmendment, sign(hcSigner, hc));
    expect(first).toMatchObject({ party: 'housing_company', becameConfirmed: false, amendment: { status: 'proposed', confirmedBy: ['housing_company'] } });
    expect(await service.refusal(P.signAmendment, sign(hcSigner, hc))).toMatchObject({ status: 409, code: 'amendment.already_signed' });
    const second = await service.send<AmendmentSignResult>(P.signAmendment, sign(muniSigner, muni));
    expect(second).toMatchObject({ party: 'municipality', becameConfirmed: true, amendment: { status: 'confirmed', version: { status: 'binding' } } });
    expect(await service.refusal(P.acceptAmendment, { actor: hcSigner, quarterId, amendmentId: amendment.id })).toMatchObject({ status: 403, params: { action: 'accept_amendments' } });

    const accepted = await service.send<AmendmentDto>(P.acceptAmendment, { actor: admin, quarterId, amendmentId: amendment.id });
    expect(accepted).toMatchObject({ status: 'accepted', acceptedBy: admin.userId, version: { status: 'approved' } });
    expect(await service.refusal(P.acceptAmendment, { actor: admin, quarterId, amendmentId: amendment.id })).toMatchObject({ status: 409, code: 'amendment.not_acceptable', params: { status: 'accepted' } });

    // The quarter's measures follow the amendment.
    const concept = await service.send<HandlungskonzeptDto>(P.getConcept, { quarterId });
    const live = concept.goals.flatMap((g) => g.measures.map((m) => [m.title, m.status]));
    expect(live).toEqual(expect.arrayContaining([
      ['Netzwerk der Träger gründen', 'ersetzt'],
      ['Quartiersbüro eröffnen', 'geplant'],
      ['Wohnberatung', 'geplant'],
    ]));
    // The history stays readable: the previous version is superseded, not gone.
    const history = await service.send<VersionHistoryEntry[]>(P.versionHistory, { quarterId });
    expect(history.map((h) => [h.number, h.status, h.amendmentId, h.measureCount])).toEqual([
      [approved.number, 'superseded', null, 2],
      [approved.number + 1, 'approved', amendment.id, 3],
    ]);
    expect(history[1]!.signatures.map((s) => s.role)).toEqual(['housing_company', 'municipality']);
    expect((await service.send<AgreementVersionDto>(P.getVersion, { quarterId, versionId: approved.id })).snapshot.goals[0]!.measures[0]!.status).toBe('geplant');

    // A report for the next year is measured against the amended version.
    const { after } = await service.send<ReportChange>(P.createReport, { actor: muniSigner, quarterId, year: 2 });
    expect(after.versionId).toBe(amendment.versionId);
    expect(after.measures.map((m) => m.title)).toContain('Quartiersbüro eröffnen');
  });

  it('lets the programme office reject an open amendment, proposed or confirmed, with a reason; the agreement stays as it was', async () => {
    const wohnberatung = amendment.changes[1]!.newMeasureId!;
    const propose = (description: string) => service.send<AmendmentDto>(P.proposeAmendment, { actor: hcSigner, quarterId, description, reason: 'Kein Träger gefunden', changes: [{ action: 'drop', measureId: wohnberatung }] });
    const reject = (actor: Actor, amendmentId: string, reason: unknown) => ({ actor, quarterId, amendmentId, reason });
    const liveStatus = async () => (await service.send<HandlungskonzeptDto>(P.getConcept, { quarterId })).goals.flatMap((g) => g.measures).find((m) => m.id === wohnberatung)!.status;

    // A proposed amendment: only the programme office rejects, and only with a reason.
    const first = await propose('Wohnberatung entfällt');
    expect(await service.refusal(P.rejectAmendment, reject(hcSigner, first.id, 'nein'))).toMatchObject({ status: 403, params: { action: 'reject_amendments' } });
    // An empty reason fails the message's length constraint; a blank one the service's own check.
    expect(await service.refusal(P.rejectAmendment, reject(admin, first.id, ''))).toMatchObject({ status: 400, errors: [{ field: 'reason', code: 'validation.required' }] });
    expect(await service.refusal(P.rejectAmendment, reject(admin, first.id, '   '))).toMatchObject({ status: 400, errors: [{ field: 'reason', code: 'validation.required' }] });
    const unknownAmendment = randomUUID();
    expect(await service.refusal(P.rejectAmendment, reject(admin, unknownAmendment, 'nein'))).toMatchObject({ status: 404, code: 'amendment.not_found', params: { amendmentId: unknownAmendment } });
    const rejected = await service.send<AmendmentDto>(P.rejectAmendment, reject(admin, first.id, 'Die Wohnberatung ist Kern von HF2'));
    expect(rejected).toMatchObject({ status: 'rejected', rejectedBy: admin.userId, rejectionReason: 'Die Wohnberatung ist Kern von HF2', acceptedAt: null, version: { status: 'sent_back' } });
    expect(Number.isNaN(Date.parse(rejected.rejectedAt!))).toBe(false);
    // Refused like the other decisions once it is decided.
    expect(await service.refusal(P.rejectAmendment, reject(admin, first.id, 'noch einmal'))).toMatchObject({ status: 409, code: 'amendment.not_rejectable', params: { status: 'rejected' } });
    expect(await service.refusal(P.acceptAmendment, { actor: admin, quarterId, amendmentId: first.id })).toMatchObject({ status: 409, code: 'amendment.not_acceptable' });
    expect(await service.refusal(P.signAmendment, { actor: hcSigner, quarterId, amendmentId: first.id, signer: hc })).toMatchObject({ status: 409, code: 'amendment.not_signable', params: { status: 'rejected' } });
    expect(await service.refusal(P.rejectAmendment, reject(admin, amendment.id, 'zu spät'))).toMatchObject({
      status: 409,
      code: 'amendment.not_rejectable',
      params: { status: 'accepted' },
      message: 'The amendment is accepted: only an open amendment (proposed or confirmed) can be rejected.',
    });

    // A confirmed amendment's version was binding: rejected, it never becomes the agreement.
    const second = await propose('Wohnberatung entfällt doch');
    await service.send(P.signAmendment, { actor: hcSigner, quarterId, amendmentId: second.id, signer: hc });
    const { amendment: confirmed } = await service.send<AmendmentSignResult>(P.signAmendment, { actor: muniSigner, quarterId, amendmentId: second.id, signer: muni });
    expect(confirmed).toMatchObject({ status: 'confirmed', version: { status: 'binding' } });
    const rejectedConfirmed = await service.send<AmendmentDto>(P.rejectAmendment, reject(admin, second.id, 'Finanzierung ungeklärt'));
    expect(rejectedConfirmed).toMatchObject({ status: 'rejected', confirmedBy: ['housing_company', 'municipality'], version: { status: 'sent_back' } });

    // The agreement and the quarter's measures are as they were; the history shows the rejected versions as sent back.
    expect((await service.send<AgreementVersionDto>(P.getVersion, { quarterId, versionId: amendment.versionId })).status).toBe('approved');
    expect(await liveStatus()).toBe('geplant');
    const history = await service.send<VersionHistoryEntry[]>(P.versionHistory, { quarterId });
    expect(history.map((h) => [h.status, h.amendmentId])).toEqual([
      ['superseded', null],
      ['approved', amendment.id],
      ['sent_back', first.id],
      ['sent_back', second.id],
    ]);
    expect((await service.send<AmendmentDto[]>(P.listAmendments, { quarterId })).map((a) => a.status).sort()).toEqual(['accepted', 'rejected', 'rejected']);

    // Nothing is open any more: the next amendment may be proposed, against the approved version.
    const third = await propose('Wohnberatung entfällt zum dritten Mal');
    expect(third).toMatchObject({ status: 'proposed', baseVersionId: amendment.versionId });
  });
});
