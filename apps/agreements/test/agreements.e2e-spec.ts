import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { startTestDatabases, type TestDatabases } from '@genq/infra';
import {
  AgreementsMessagePatterns as P,
  AgreementsPatterns,
  type Actor,
  type AgreementVersionDto,
  type CertificateVerification,
  type FieldProblemInput,
  type GoalDto,
  type MeasureDto,
  type PdfDocument,
  type ReviewResult,
  type SignResult,
  type SignerDto,
} from '@genq/contracts';
import { startServiceForTest, type DatabaseConfig, type ServiceUnderTest } from '@genq/service-kit';
import { AgreementsModule } from '../src/app.module';
import { pdfText } from './support/pdf-text';

let dbs: TestDatabases;
beforeAll(async () => {
  dbs = await startTestDatabases('agreements');
}, 180_000);
afterAll(async () => {
  await dbs?.cleanup();
});

const HC = randomUUID(); // Wohnungsunternehmen
const MUNI = randomUUID(); // Kommune
const TRAEGER = randomUUID(); // Freier Träger, owns no measure
const person = (role: Actor['role'], organisationId: string | null): Actor => ({ userId: randomUUID(), email: `${randomUUID()}@genq.example`, role, programmeIds: [], organisationId });
const hcSigner = person('partner', HC);
const muniSigner = person('partner', MUNI);
const admin: Actor = { ...person('programme_admin', null), programmeIds: ['genq-nrw-2026'] };
const signerOf = (actor: Actor, type: string, name: string, canSign = true): SignerDto => ({
  accountId: actor.userId,
  organisationId: actor.organisationId,
  organisationName: name,
  organisationType: type,
  canSign,
});

describe.each(['sqlite', 'postgres'])('agreements service on %s', (label) => {
  let service: ServiceUnderTest;
  const quarterId = randomUUID();
  const quarterName = 'Hörde Clarenberg';

  beforeAll(async () => {
    const database = dbs.databases.find((d) => d.label === label)!.config as DatabaseConfig;
    service = await startServiceForTest('agreements', AgreementsModule.forRoot, { database });
  }, 60_000);
  afterAll(async () => {
    await service?.close();
  });

  const goal = (q: string, actionFieldId: string, title: string) =>
    service.send<GoalDto>(P.createGoal, {
      actor: hcSigner,
      quarterId: q,
      actionFieldId,
      title,
      indicator: 'Anzahl barrierearmer Wohnungen',
      baseline: '12',
      targetValue: '40',
      targetDate: '2029-12-31',
      targetGroups: ['Seniorinnen und Senioren', 'Familien'],
    });
  const measure = (q: string, goalId: string, extra: Record<string, unknown>) =>
    service.send<MeasureDto>(P.createMeasure, { actor: hcSigner, quarterId: q, goalId, title: 'Umbau von 20 Bädern', kind: 'unmittelbar', ...extra });
  const submitCmd = (q: string) => ({ actor: hcSigner, quarterId: q, quarterName, weakActionFields: ['HF1', 'HF2', 'HF3'], windowStart: '2027-01-01' });
  const versions = (q = quarterId) => service.send<AgreementVersionDto[]>(P.listVersions, { quarterId: q });
  const sign = (versionId: string, signer: SignerDto, actor: Actor) => service.send<SignResult>(P.sign, { actor, quarterId, versionId, signer });
  const signRefusal = (versionId: string, signer: SignerDto, actor: Actor) => service.refusal(P.sign, { actor, quarterId, versionId, signer });

  it('owns its own migrated database and reports it healthy', async () => {
    expect(await service.schemaDrift()).toEqual([]);
    await expect(service.send(AgreementsPatterns.health, {})).resolves.toEqual({
      service: 'agreements',
      database: { type: label, up: true },
      // Without a NATS configuration (as here) the events wait in the outbox, and the relay says so.
      events: { connected: false, unpublished: 0, oldestUnpublishedAt: null },
    });
  });

  it('refuses a goal or measure with field errors keyed by field', async () => {
    const refusal = await service.refusal(P.createGoal, { actor: hcSigner, quarterId, actionFieldId: 'HF9', title: '', indicator: 'x', targetValue: '1', targetDate: 'morgen', targetGroups: ['Marsianer'] });
    expect(refusal).toMatchObject({ status: 400, code: 'request.invalid' });
    expect((refusal.errors as FieldProblemInput[]).map((e) => e.field).sort()).toEqual(['actionFieldId', 'targetDate', 'targetGroups', 'title']);
    const m = await service.refusal(P.createMeasure, { actor: hcSigner, quarterId, goalId: randomUUID(), title: 'x', kind: 'irgendwie' });
    expect(m).toMatchObject({ status: 400, code: 'request.invalid', errors: [expect.objectContaining({ field: 'kind', code: 'validation.isIn' })] });
    const unknownGoal = await service.refusal(P.createMeasure, { actor: hcSigner, quarterId, goalId: randomUUID(), title: 'x', kind: 'mittelbar' });
    expect(unknownGoal).toMatchObject({ status: 400, code: 'request.invalid', errors: [{ field: 'goalId', code: 'goal.unknown' }] });
    const other = randomUUID();
    const g = await goal(other, 'HF1', 'Quartiersnetzwerk aufbauen');
    const backwards = await service.refusal(P.createMeasure, { actor: hcSigner, quarterId: other, goalId: g.id, title: 'x', kind: 'mittelbar', start: '2028-01-01', end: '2027-01-01' });
    expect(backwards).toMatchObject({ status: 400, code: 'request.invalid', errors: [{ field: 'end', code: 'measure.end_before_start' }] });
  });

  it('refuses an incomplete Handlungskonzept with every gap at once and writes nothing', async () => {
    const draft = randomUUID();
    const g1 = await goal(draft, 'HF1', 'Quartiersnetzwerk aufbauen');
    const g2 = await goal(draft, 'HF2', 'Barrierearme Wohnungen schaffen');
    const m = await measure(draft, g2.id, { start: '2026-06-01', end: '2028-12-31' }); // no owner, starts before the window
    const late = await measure(draft, g2.id, { ownerOrganisationId: HC }); // no schedule
    expect(m.status).toBe('geplant');
    expect(m.statusHistory).toEqual([expect.objectContaining({ status: 'geplant', by: hcSigner.userId })]);
    const refusal = await service.refusal(P.submit, submitCmd(draft));
    expect(refusal).toMatchObject({ status: 409, code: 'concept.incomplete', params: { count: 5 } });
    const gaps = refusal.errors as FieldProblemInput[];
    const sorted = (rows: Array<Array<string | null>>) => rows.map((r) => JSON.stringify(r)).sort();
    expect(sorted(gaps.map((g) => [g.code, String(g.params?.goalId ?? g.params?.actionFieldId), (g.params?.measureId as string | undefined) ?? null]))).toEqual(sorted([
      ['concept.field_without_goal', 'HF3', null],
      ['concept.goal_without_measure', g1.id, null],
      ['concept.measure_without_owner', g2.id, m.id],
      ['concept.measure_outside_window', g2.id, m.id],
      ['concept.measure_without_schedule', g2.id, late.id],
    ]));
    expect(gaps.find((g) => g.code === 'concept.measure_outside_window')).toMatchObject({
      field: `measures.${m.id}`,
      params: { title: m.title, start: '2026-06-01', end: '2028-12-31', windowStart: '2027-01-01', windowEnd: '2030-01-01' },
    });
    expect(await versions(draft)).toEqual([]);
  });

  let v1: AgreementVersionDto;
  let v2: AgreementVersionDto;
  it('submits the complete concept as an immutable version identified by its content hash; a resubmission supersedes it', async () => {
    const g1 = await goal(quarterId, 'HF1', 'Quartiersnetzwerk aufbauen');
    const g2 = await goal(quarterId, 'HF2', 'Barrierearme Wohnungen schaffen');
    await measure(quarterId, g1.id, { title: 'Netzwerk der Träger gründen', kind: 'mittelbar', ownerOrganisationId: MUNI, start: '2027-02-01', end: '2029-12-31', cost: 1234.5, funding: [{ source: 'municipality', amount: 1234.5 }], milestones: [{ title: 'Erstes Netzwerktreffen', due: '2027-06-30' }] });
    await measure(quarterId, g2.id, { title: 'Aufzüge nachrüsten', ownerOrganisationId: HC, start: '2027-03-01', end: '2028-12-31', partnerOrganisationIds: [MUNI], targetGroups: ['Hochbetagte'] });
    await service.send(P.setJustification, { actor: hcSigner, quarterId, actionFieldId: 'HF3', text: 'Das Wohnumfeld wird im Stadtumbauprogramm der Kommune bearbeitet.' });

    v1 = await service.send<AgreementVersionDto>(P.submit, submitCmd(quarterId));
    expect(v1).toMatchObject({ number: 1, status: 'submitted', quarterId, signatures: [] });
    expect(v1.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(v1.snapshot).toMatchObject({ quarterName, windowStart: '2027-01-01', windowEnd: '2030-01-01' });
    expect(v1.snapshot.goals.flatMap((g) => g.measures.map((m) => m.title))).toEqual(['Netzwerk der Träger gründen', 'Aufzüge nachrüsten']);

    v2 = await service.send<AgreementVersionDto>(P.submit, submitCmd(quarterId));
    expect(v2).toMatchObject({ number: 2, status: 'submitted' });
    expect(v2.contentHash).toBe(v1.contentHash); // same content, same hash
    expect((await versions()).map((v) => [v.number, v.status])).toEqual([
      [2, 'submitted'],
      [1, 'superseded'],
    ]);
  });

  it('lets only a person with signing authority sign for their own organisation, and refuses superseded versions', async () => {
    const noAuthority = person('partner', HC);
    expect(await signRefusal(v2.id, signerOf(noAuthority, 'housing_company', 'DOGEWO21', false), noAuthority)).toMatchObject({ status: 403, code: 'signature.no_authority' });
    expect(await signRefusal(v2.id, { ...signerOf(hcSigner, 'municipality', 'Stadt Dortmund'), organisationId: MUNI }, hcSigner)).toMatchObject({ status: 403, code: 'signature.not_own_organisation' });
    const facilitator = person('facilitator', HC);
    expect(await signRefusal(v2.id, signerOf(facilitator, 'housing_company', 'DOGEWO21'), facilitator)).toMatchObject({
      status: 403,
      code: 'agreements.role_may_not',
      params: { role: 'facilitator', action: 'sign_agreements' },
    });
    const other = person('partner', HC);
    expect(await signRefusal(v2.id, signerOf(hcSigner, 'housing_company', 'DOGEWO21'), other)).toMatchObject({ status: 403, code: 'signature.not_own_person' });
    const traeger = person('partner', TRAEGER);
    expect(await signRefusal(v2.id, signerOf(traeger, 'welfare_organisation', 'AWO'), traeger)).toMatchObject({ status: 409, code: 'agreement.not_a_party' });
    expect(await signRefusal(v1.id, signerOf(hcSigner, 'housing_company', 'DOGEWO21'), hcSigner)).toMatchObject({ status: 409, code: 'agreement.version_superseded', params: { number: 1 } });
    expect((await versions())[0]!.signatures).toEqual([]);
  });

  it('becomes binding when the housing company and the municipality have both signed', async () => {
    const first = await sign(v2.id, signerOf(hcSigner, 'housing_company', 'DOGEWO21'), hcSigner);
    expect(first).toMatchObject({ becameBinding: false, version: { status: 'submitted', signatures: [{ role: 'housing_company', organisationId: HC }] } });
    expect(await signRefusal(v2.id, signerOf(hcSigner, 'housing_company', 'DOGEWO21'), hcSigner)).toMatchObject({ status: 409, code: 'agreement.already_signed' });
    // Review before binding is refused.
    expect(await service.refusal(P.review, { actor: admin, quarterId, versionId: v2.id, decision: 'approved' })).toMatchObject({
      status: 409,
      code: 'agreement.version_not_reviewable',
      params: { number: 2, status: 'submitted' },
    });
    const second = await sign(v2.id, signerOf(muniSigner, 'municipality', 'Stadt Dortmund'), muniSigner);
    expect(second.becameBinding).toBe(true);
    expect(second.version).toMatchObject({ status: 'binding', bindingAt: expect.any(String) });
    expect(second.version.signatures.map((s) => s.role)).toEqual(['housing_company', 'municipality']);
    // A binding agreement changes by amendment only.
    expect(await service.refusal(P.submit, submitCmd(quarterId))).toMatchObject({ status: 409, code: 'agreement.amend_instead', params: { number: 2, status: 'binding' } });
  });

  let code: string;
  it('is approved by the programme office only, which issues a certificate valid three years that the public can verify', async () => {
    expect(await service.refusal(P.review, { actor: hcSigner, quarterId, versionId: v2.id, decision: 'approved' })).toMatchObject({
      status: 403,
      code: 'agreements.role_may_not',
      params: { role: 'partner', action: 'review_agreements' },
    });
    expect(await service.refusal(P.review, { actor: admin, quarterId, versionId: v2.id, decision: 'sent_back' })).toMatchObject({
      status: 400,
      code: 'request.invalid',
      errors: [{ field: 'requiredChanges', code: 'validation.required' }],
    });
    const result = await service.send<ReviewResult>(P.review, { actor: admin, quarterId, versionId: v2.id, decision: 'approved' });
    expect(result.version.status).toBe('approved');
    const cert = result.certificate!;
    expect(cert).toMatchObject({ quarterId, quarterName, versionId: v2.id, partners: ['DOGEWO21', 'Stadt Dortmund'] });
    expect(cert.number).toMatch(/^GENQ-\d{4}-\d{4}$/);
    const issued = new Date(cert.issuedAt);
    expect(new Date(cert.validUntil).getUTCFullYear()).toBe(issued.getUTCFullYear() + 3);
    code = cert.verificationCode;

    await expect(service.send<CertificateVerification>(P.verifyCertificate, { code })).resolves.toEqual({
      valid: true,
      number: cert.number,
      quarterName,
      issuedAt: cert.issuedAt,
      validUntil: cert.validUntil,
    });
    await expect(service.send<CertificateVerification>(P.verifyCertificate, { code: 'A'.repeat(20) })).resolves.toMatchObject({ valid: false });
    await expect(service.send<CertificateVerification>(P.verifyCertificate, { code: "' OR 1=1 --" })).resolves.toMatchObject({ valid: false });
    expect(await service.refusal(P.review, { actor: admin, quarterId, versionId: v2.id, decision: 'approved' })).toMatchObject({ status: 409 });
  });

  it('sends a binding version back with the required changes', async () => {
    const q = randomUUID();
    const v = await service.send<AgreementVersionDto>(P.submit, { ...submitCmd(q), weakActionFields: [] });
    await service.send(P.sign, { actor: hcSigner, quarterId: q, versionId: v.id, signer: signerOf(hcSigner, 'housing_company', 'DOGEWO21') });
    await service.send(P.sign, { actor: muniSigner, quarterId: q, versionId: v.id, signer: signerOf(muniSigner, 'municipality', 'Stadt Dortmund') });
    const result = await service.send<ReviewResult>(P.review, { actor: admin, quarterId: q, versionId: v.id, decision: 'sent_back', requiredChanges: 'Maßnahmen im Handlungsfeld 4 ergänzen' });
    expect(result).toMatchObject({ certificate: null, version: { status: 'sent_back', requiredChanges: 'Maßnahmen im Handlungsfeld 4 ergänzen' } });
    // A sent-back concept may be submitted again.
    await expect(service.send<AgreementVersionDto>(P.submit, { ...submitCmd(q), weakActionFields: [] })).resolves.toMatchObject({ number: 2, status: 'submitted' });
  });

  it('keeps the status history of a measure; replacing or dropping one is an amendment', async () => {
    const q = randomUUID();
    const g = await goal(q, 'HF4', 'Begegnung der Generationen');
    const m = await measure(q, g.id, { ownerOrganisationId: HC, start: '2027-01-01', end: '2027-12-31' });
    const change = (status: string, reason?: string) => ({ actor: hcSigner, quarterId: q, measureId: m.id, status, ...(reason ? { reason } : {}) });
    const { before, after } = await service.send<{ before: MeasureDto; after: MeasureDto }>(P.changeMeasureStatus, change('verzögert', 'Lieferverzug'));
    expect(before.status).toBe('geplant');
    expect(after.statusHistory.map((h) => [h.status, h.reason])).toEqual([
      ['geplant', null],
      ['verzögert', 'Lieferverzug'],
    ]);
    expect(await service.refusal(P.changeMeasureStatus, change('verzögert'))).toMatchObject({ status: 409, code: 'measure.status_unchanged', params: { status: 'verzögert' } });
    expect(await service.refusal(P.changeMeasureStatus, change('entfallen'))).toMatchObject({ status: 409, code: 'measure.status_by_amendment', params: { status: 'entfallen' } });
    expect(await service.refusal(P.changeMeasureStatus, change('fertig'))).toMatchObject({ status: 400, code: 'request.invalid', errors: [expect.objectContaining({ field: 'status', code: 'validation.isIn' })] });
    expect(await service.refusal(P.changeMeasureStatus, { ...change('umgesetzt'), quarterId: randomUUID() })).toMatchObject({ status: 404, code: 'measure.not_found' });
  });

  it('renders the Zielvereinbarung and the certificate as German PDFs', async () => {
    const agreement = await service.send<PdfDocument>(P.agreementPdf, { quarterId, versionId: v2.id, organisationNames: { [HC]: 'DOGEWO21', [MUNI]: 'Stadt Dortmund' } });
    expect(agreement.filename).toBe('zielvereinbarung-v2.pdf');
    expect(Buffer.from(agreement.content, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const text = await pdfText(agreement.content);
    for (const expected of [
      'Zielvereinbarung',
      'Quartier: Hörde Clarenberg',
      'Handlungsfeld 2: Wohnqualität',
      'Maßnahme: Aufzüge nachrüsten (unmittelbar)',
      'Verantwortlich: Stadt Dortmund',
      'Begründung: Das Wohnumfeld wird im Stadtumbauprogramm der Kommune bearbeitet.',
      'Umsetzungszeitraum: 01.01.2027 bis 01.01.2030',
      'Wohnungsunternehmen: DOGEWO21',
      'Kommune: Stadt Dortmund',
      v2.contentHash,
    ]) {
      expect(text).toContain(expected);
    }
    const certificate = await service.send<PdfDocument>(P.certificatePdf, { quarterId });
    const ctext = await pdfText(certificate.content);
    expect(ctext).toContain('Zertifikat');
    expect(ctext).toContain('„Hörde Clarenberg“');
    expect(ctext).toContain(`Prüfcode: ${code}`);
    expect(ctext).toMatch(/Gültig bis: \d{2}\.\d{2}\.\d{4}/);
    expect(await service.refusal(P.certificatePdf, { quarterId: randomUUID() })).toMatchObject({ status: 404, code: 'certificate.not_found' });
    // Each PDF is read by pdf.js in a process of its own: two of them outlast Jest's 5 s on a busy machine.
  }, 30_000);
});
