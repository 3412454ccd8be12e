import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { DEMO_PASSWORD, ROOT } from '@genq/infra';
import { adminWithProgramme, consistencyReport, eventually, completeStepsUpToGoalsWorkshop, fieldCodes, recordGoalsWorkshop, startTestStack, type TestStack, createQuarter } from './support/api';

/**
 * Issue 5 through the HTTP API of the running system: a Handlungskonzept is built, refused
 * with every gap, submitted, signed by both partners (only by people with signing
 * authority), approved by the programme office; the certificate is downloaded and verified
 * publicly. Each fact reaches the quarter's process through the event stream (issue 13), and
 * the certificate follows the process's decision (the programme's validity, the report
 * windows of its compressed implementation phase).
 */
jest.setTimeout(10 * 60_000);

const PDF_TEXT = join(ROOT, 'apps/agreements/test/support/pdf-text.cjs');
/** Text of a PDF, read back by pdf.js (in its own process: Jest cannot load its worker). */
const pdfText = (pdf: Buffer) => execFileSync(process.execPath, [PDF_TEXT], { input: pdf, cwd: join(ROOT, 'apps/agreements') }).toString('utf8');

describe('Handlungskonzept to certificate over HTTP', () => {
  let env: TestStack;
  let admin: string;
  const P = 'genq-nrw-2026';

  const as = (token: string | undefined, method: string, path: string, body?: unknown, expected?: number) => env.apiAs(token)(method, path, body, expected);

  beforeAll(async () => {
    env = await startTestStack('agreements');
    // Reporting years of 30 seconds, so the report windows open within the test; a validity that is not the default three years.
    admin = await adminWithProgramme(env, P, 'GenQ NRW 2026', {
      implementationPhase: { duration: 'PT90S', annualReportEvery: 'PT30S', reportDueWithin: 'PT5M' },
      certificateValidity: 'P2Y',
    });
  }, 20 * 60_000);

  afterAll(() => env?.stop());

  it('builds, submits, signs, approves, certifies and verifies, and tells the process', async () => {
    /** The quarter's process once `until` holds for it. */
    const processWhen = (until: (s: any) => boolean, what: string) =>
      eventually(async () => {
        const s = (await as(admin, 'GET', `${q}/process`, undefined, 200)).body;
        return until(s) && s;
      }, what);
    const quarter = await createQuarter(env.apiAs(admin), { name: 'Hörde Clarenberg', municipality: 'Dortmund', land: 'Nordrhein-Westfalen', housingCompany: 'Vonovia', programmeId: P });
    const q = `/quarters/${quarter.id}`;
    const org = async (name: string, type: string, role: string) => {
      const o = (await as(admin, 'POST', '/organisations', { name, type, programmeId: P }, 201)).body;
      await as(admin, 'POST', `${q}/memberships`, { organisationId: o.id, role }, 201);
      return o.id as string;
    };
    const company = await org('Vonovia SE', 'housing_company', 'lead_partner');
    const city = await org('Stadt Dortmund', 'municipality', 'co_partner');
    const person = async (key: string, organisationId: string, canSign: boolean) => {
      const email = `${key}@agreements.genq.example`;
      await as(admin, 'POST', '/accounts', { email, displayName: key, password: DEMO_PASSWORD, role: 'partner', organisationId, canSign }, 201);
      return env.login(email);
    };
    const lead = await person('projektleitung', company, false);
    const ceo = await person('geschaeftsfuehrung', company, true);
    const mayor = await person('buergermeisterin', city, true);

    // The process up to Abstimmung und Beschluss.
    await completeStepsUpToGoalsWorkshop(env.apiAs(admin), q, 'vorlauf');

    // Drafting, with field errors.
    const bad = await as(lead, 'POST', `${q}/goals`, { actionFieldId: 'HF7', title: '', indicator: 'x', targetValue: '1', targetDate: '2029-12-31' }, 400);
    expect(bad.body.code).toBe('request.invalid');
    expect(fieldCodes(bad.body)).toEqual({ actionFieldId: expect.stringMatching(/^validation\./), title: 'validation.required' });
    const goal = (await as(lead, 'POST', `${q}/goals`, { actionFieldId: 'HF2', title: 'Barrierearme Wohnungen schaffen', indicator: 'Wohnungen', baseline: '12', targetValue: '40', targetDate: '2029-12-31', targetGroups: ['Hochbetagte'] }, 201)).body;
    const submit = { weakActionFields: ['HF2', 'HF4'], windowStart: '2027-01-01' };
    const refused = await as(lead, 'POST', `${q}/agreement/versions`, submit, 409);
    expect(refused.body).toMatchObject({ code: 'concept.incomplete', params: { count: 2 } });
    expect(refused.body.errors.map((g: { code: string }) => g.code).sort()).toEqual(['concept.field_without_goal', 'concept.goal_without_measure']);
    expect(refused.body.errors.find((g: { code: string }) => g.code === 'concept.goal_without_measure')).toMatchObject({
      field: `goals.${goal.id}.measures`,
      params: { goalId: goal.id, title: 'Barrierearme Wohnungen schaffen' },
      message: 'Das Ziel „Barrierearme Wohnungen schaffen“ hat keine Maßnahme.',
    });
    const measure = (await as(lead, 'POST', `${q}/measures`, { goalId: goal.id, title: 'Aufzüge nachrüsten', kind: 'unmittelbar', ownerOrganisationId: company, start: '2027-03-01', end: '2028-12-31', cost: 480000, funding: [{ source: 'company', amount: 480000 }] }, 201)).body;
    await as(lead, 'POST', `${q}/justifications`, { actionFieldId: 'HF4', text: 'Der Quartierstreff der AWO deckt das Handlungsfeld ab.' }, 201);
    await recordGoalsWorkshop(env.apiAs(admin), q);
    const version = (await as(lead, 'POST', `${q}/agreement/versions`, submit, 201)).body;
    expect(version).toMatchObject({ number: 1, status: 'submitted' });
    const v = `${q}/agreement/versions/${version.id}`;

    // Signing: authority, organisation, binding, and the process hears of it.
    const noAuthority = await as(lead, 'POST', `${v}/signatures`, undefined, 403);
    expect(noAuthority.body).toMatchObject({ status: 403, code: 'signature.no_authority', detail: 'Ihr Konto hat keine Zeichnungsbefugnis für Ihre Organisation.' });
    const inEnglish = await env.api('POST', `${v}/signatures`, { token: lead, headers: { 'accept-language': 'en-GB,en;q=0.9,de;q=0.5' } });
    expect(inEnglish.status).toBe(403);
    expect(inEnglish.body).toMatchObject({ code: 'signature.no_authority', detail: 'Your account has no signing authority (Zeichnungsbefugnis) for your organisation.' });
    const first = (await as(ceo, 'POST', `${v}/signatures`, undefined, 201)).body;
    expect(first).toMatchObject({ becameBinding: false, version: { status: 'submitted' } });
    const second = (await as(mayor, 'POST', `${v}/signatures`, undefined, 201)).body;
    expect(second).toMatchObject({ becameBinding: true, version: { status: 'binding' } });
    await processWhen((s) => s.currentStep === 'review_and_certification', 'the binding agreement to complete Abstimmung und Beschluss');
    // Nobody reports the signature by hand: the agreements service is its only source.
    const byHand = await as(admin, 'POST', `${q}/events`, { eventId: 'von-hand', type: 'agreement_signed' }, 400);
    // Neither is a step completed by a hand-made event: each has its deliverable on its owning service.
    for (const type of ['kickoff_recorded', 'analysis_submitted', 'workshop_recorded', 'participation_recorded']) {
      await as(admin, 'POST', `${q}/events`, { eventId: `von-hand-${type}`, type, workshop: 'goals_workshop' }, 400);
    }
    expect(Object.keys(fieldCodes(byHand.body))).toEqual(['type']);

    // Review: the programme office only.
    await as(ceo, 'POST', `${v}/review`, { decision: 'approved' }, 403);
    const review = (await as(admin, 'POST', `${v}/review`, { decision: 'approved' }, 200)).body;
    expect(review).toMatchObject({ version: { status: 'approved' }, certificate: { quarterName: 'Hörde Clarenberg', partners: ['Vonovia SE', 'Stadt Dortmund'] } });
    const state = await processWhen((s) => s.phase === 'implementation', 'the approval to certify the quarter');
    expect(new Date(state.certificateValidUntil).getUTCFullYear() - new Date(state.certifiedAt).getUTCFullYear()).toBe(2);

    // The certificate, its PDF and its public verification say what the process decided: the programme's two years.
    const certificate = await eventually(async () => {
      const c = (await as(ceo, 'GET', `${q}/certificate`, undefined, 200)).body;
      return c.validUntil === state.certificateValidUntil && c.reportWindows.length === 3 && c;
    }, 'the certificate to follow the process');
    expect(certificate).toMatchObject({ cycle: 1, expiredAt: null });
    expect(certificate.reportWindows.map((w: { year: number; due: string }) => [w.year, w.due])).toEqual(state.reports.map((r: { year: number; due: string }) => [r.year, r.due]));
    // The operator's consistency check agrees: the process and the agreements service tell the same story.
    expect(consistencyReport(env.stack)).toMatchObject({ quarters: 1, mismatches: [], unreadable: [] });
    const pdf = await fetch(`${env.gatewayUrl}/api${q}/certificate/pdf`, { headers: { authorization: `Bearer ${ceo}` } });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    const text = pdfText(Buffer.from(await pdf.arrayBuffer()));
    expect(text).toContain(`Zertifikatsnummer: ${certificate.number}`);
    expect(text).toContain('„Hörde Clarenberg“');
    expect(text).toContain(`Gültig bis: ${new Date(state.certificateValidUntil).toLocaleDateString('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' })}`);
    const zv = await fetch(`${env.gatewayUrl}/api${v}/pdf`, { headers: { authorization: `Bearer ${mayor}` } });
    const zvText = pdfText(Buffer.from(await zv.arrayBuffer()));
    expect(zvText).toContain('Verantwortlich: Vonovia SE');
    expect(zvText).toContain('Kommune: Stadt Dortmund');

    const verified = await as(undefined, 'GET', `/certificates/verify/${certificate.verificationCode}`, undefined, 200);
    expect(verified.body).toEqual({ valid: true, number: certificate.number, quarterName: 'Hörde Clarenberg', issuedAt: certificate.issuedAt, validUntil: certificate.validUntil });
    expect((await as(undefined, 'GET', '/certificates/verify/FFFFFFFFFFFFFFFFFFFF', undefined, 200)).body.valid).toBe(false);

    // Implementation: a measure's progress reaches the process; dropping it needs an amendment.
    const progress = (await as(lead, 'POST', `${q}/measures/${measure.id}/status`, { status: 'in Umsetzung' }, 200)).body;
    expect(progress).toMatchObject({ status: 'in Umsetzung' });
    expect((await as(lead, 'POST', `${q}/measures/${measure.id}/status`, { status: 'entfallen' }, 409)).body).toMatchObject({ code: 'measure.status_by_amendment', params: { status: 'entfallen' } });

    // Reporting or amending before certification is refused with the reason.
    const other = await createQuarter(env.apiAs(admin), { name: 'Scharnhorst Ost', municipality: 'Dortmund', land: 'Nordrhein-Westfalen', housingCompany: 'Vonovia', programmeId: P });
    await as(admin, 'POST', `/quarters/${other.id}/memberships`, { organisationId: company, role: 'lead_partner' }, 201);
    const early = await as(lead, 'POST', `/quarters/${other.id}/reports`, { year: 1 }, 409);
    // What one cannot do yet is a code the catalogue says in the request's language.
    expect(early.body).toMatchObject({
      code: 'agreement.not_certified',
      params: { action: 'file_annual_report' },
      detail: 'Das Quartier ist nicht zertifiziert: Sie können erst einen Jahresbericht anlegen, wenn die Zielvereinbarung genehmigt und das Quartier zertifiziert ist.',
    });
    const amendEarly = await as(lead, 'POST', `/quarters/${other.id}/amendments`, { description: 'x', reason: 'y', changes: [{ action: 'drop', measureId: measure.id }] }, 409);
    expect(amendEarly.body).toMatchObject({ code: 'agreement.not_certified', params: { action: 'amend_agreement' } });

    // The annual report: drafted and submitted by the partners, reviewed by the programme office; the process counts it.
    const badReport = fieldCodes((await as(lead, 'POST', `${q}/reports`, { year: 7, changes: [{ description: 'x' }] }, 400)).body);
    expect(badReport).toMatchObject({ year: 'validation.isIn', 'changes.0.reason': 'validation.required' });
    await as(admin, 'POST', `${q}/reports`, { year: 1 }, 403); // the gateway's policy refuses the role
    const draft = (await as(lead, 'POST', `${q}/reports`, { year: 1, text: 'Im ersten Jahr wurden die Aufzüge beauftragt.' }, 201)).body;
    expect(draft).toMatchObject({ year: 1, status: 'draft', versionId: version.id, measures: [{ measureId: measure.id, title: 'Aufzüge nachrüsten', status: 'in Umsetzung' }] });
    expect((await as(lead, 'POST', `${q}/reports`, { year: 1 }, 409)).body).toMatchObject({ code: 'report.exists', params: { year: 1, cycle: 1 } });
    const r = `${q}/reports/${draft.id}`;
    await as(lead, 'PATCH', r, {
      measures: [{ measureId: measure.id, status: 'verzögert', note: 'Lieferverzug beim Aufzugshersteller' }],
      indicators: [{ key: 'Barrierearme Wohnungen', value: '18', goalId: goal.id }],
      changes: [{ description: 'Aufzug Haus 3 erst 2028', reason: 'Lieferverzug' }],
    }, 200);
    // Submitted only once the reporting year has ended, by the schedule the process announced.
    const tooEarly = await as(ceo, 'POST', `${r}/submission`, undefined, 409);
    expect(tooEarly.body).toMatchObject({ code: 'report.year_not_ended', params: { year: 1, cycle: 1, date: certificate.reportWindows[0].opensAt.slice(0, 10) } });
    const opensAt = new Date(certificate.reportWindows[0].opensAt).getTime();
    await new Promise((res) => setTimeout(res, Math.max(opensAt - Date.now() + 500, 0)));
    const submittedReport = (await as(ceo, 'POST', `${r}/submission`, undefined, 200)).body;
    expect(submittedReport).toMatchObject({ status: 'submitted', cycle: 1, year: 1 });
    await processWhen((s) => s.reports.find((x: { year: number }) => x.year === 1).status === 'completed', 'the process to count report 1 as in');
    expect((await as(lead, 'PATCH', r, { text: 'zu spät' }, 409)).body).toMatchObject({ code: 'report.not_editable', params: { year: 1, status: 'submitted' } });
    await as(lead, 'POST', `${r}/review`, { decision: 'accepted' }, 403);
    await as(admin, 'POST', `${r}/review`, { decision: 'returned' }, 400);
    expect((await as(admin, 'POST', `${r}/review`, { decision: 'returned', remarks: 'Bitte Kosten ergänzen' }, 200)).body.status).toBe('returned');
    // A returned report is due again: the process chases it until it is resubmitted.
    await processWhen((s) => s.reports.find((x: { year: number }) => x.year === 1).status === 'active', 'the returned report to be due again');
    await as(lead, 'PATCH', r, { text: 'Im ersten Jahr wurden die Aufzüge beauftragt. Kosten bisher: 120.000 €.' }, 200);
    const resubmitted = (await as(lead, 'POST', `${r}/submission`, undefined, 200)).body;
    expect(resubmitted.status).toBe('submitted');
    await processWhen((s) => s.reports.find((x: { year: number }) => x.year === 1).status === 'completed', 'the resubmission to count');
    expect(consistencyReport(env.stack).mismatches).toEqual([]);
    expect((await as(admin, 'POST', `${r}/review`, { decision: 'accepted' }, 200)).body.status).toBe('accepted');
    const reportPdf = await fetch(`${env.gatewayUrl}/api${r}/pdf`, { headers: { authorization: `Bearer ${mayor}` } });
    expect(reportPdf.headers.get('content-type')).toBe('application/pdf');
    const reportText = pdfText(Buffer.from(await reportPdf.arrayBuffer()));
    for (const expected of ['Jahresbericht 1', 'Quartier: Hörde Clarenberg', 'Maßnahme: Aufzüge nachrüsten – Status: verzögert', 'Barrierearme Wohnungen: 18', 'Begründung: Lieferverzug', 'Kosten bisher: 120.000 €']) {
      expect(reportText).toContain(expected);
    }

    // An amendment: a new version signed again by both partners and accepted by the programme office; the process follows each step.
    const proposed = (await as(lead, 'POST', `${q}/amendments`, {
      description: 'Aufzüge werden durch Treppenlifte ersetzt',
      reason: 'Statik lässt keine Aufzüge zu',
      changes: [{ action: 'replace', measureId: measure.id, measure: { title: 'Treppenlifte einbauen', kind: 'unmittelbar', ownerOrganisationId: company, start: '2027-06-01', end: '2028-12-31', cost: 150000 } }],
    }, 201)).body;
    expect(proposed).toMatchObject({ status: 'proposed', baseVersionId: version.id, version: { number: 2, status: 'submitted' } });
    expect(proposed.version.contentHash).not.toBe(version.contentHash);
    await processWhen((s) => s.amendment?.id === proposed.id && s.amendment.confirmedBy.length === 0, 'the process to hold the proposed amendment');
    const a = `${q}/amendments/${proposed.id}`;
    await as(lead, 'POST', `${a}/signatures`, undefined, 403);
    await as(admin, 'POST', `${a}/acceptance`, undefined, 409); // not confirmed yet
    expect((await as(ceo, 'POST', `${a}/signatures`, undefined, 201)).body).toMatchObject({ party: 'housing_company', becameConfirmed: false });
    expect((await as(mayor, 'POST', `${a}/signatures`, undefined, 201)).body).toMatchObject({ party: 'municipality', becameConfirmed: true, amendment: { status: 'confirmed' } });
    await processWhen((s) => s.amendment?.confirmedBy.length === 2, 'both confirmations to reach the process');
    await as(ceo, 'POST', `${a}/acceptance`, undefined, 403);
    const accepted = (await as(admin, 'POST', `${a}/acceptance`, undefined, 200)).body;
    expect(accepted).toMatchObject({ status: 'accepted', version: { status: 'approved' } });
    await processWhen((s) => s.amendment === null, 'the accepted amendment to close in the process');
    const history = (await as(mayor, 'GET', `${q}/agreement/history`, undefined, 200)).body;
    expect(history.map((h: { number: number; status: string; amendmentId: string | null }) => [h.number, h.status, h.amendmentId])).toEqual([
      [1, 'superseded', null],
      [2, 'approved', proposed.id],
    ]);
    expect((await as(mayor, 'GET', `${q}/agreement/versions/${version.id}`, undefined, 200)).body.contentHash).toBe(version.contentHash);

    // The programme office may reject an amendment, even one both partners confirmed: the agreement stays as it was, the next one may follow.
    const addition = (title: string) => ({
      description: `${title} zusätzlich`,
      reason: 'Bedarf aus der Mieterbefragung',
      changes: [{ action: 'add', goalId: goal.id, measure: { title, kind: 'mittelbar', ownerOrganisationId: company, start: '2027-09-01', end: '2028-12-31' } }],
    });
    const refusedOne = (await as(lead, 'POST', `${q}/amendments`, addition('Wohnberatung'), 201)).body;
    const s2 = `${q}/amendments/${refusedOne.id}`;
    await as(ceo, 'POST', `${s2}/signatures`, undefined, 201);
    await as(mayor, 'POST', `${s2}/signatures`, undefined, 201);
    await processWhen((s) => s.amendment?.id === refusedOne.id && s.amendment.confirmedBy.length === 2, 'the confirmed amendment in the process');
    expect(fieldCodes((await as(admin, 'POST', `${s2}/rejection`, {}, 400)).body)).toEqual({ reason: 'validation.required' });
    await as(ceo, 'POST', `${s2}/rejection`, { reason: 'selbst abgelehnt' }, 403);
    const rejected = (await as(admin, 'POST', `${s2}/rejection`, { reason: 'Die Finanzierung ist nicht nachgewiesen' }, 200)).body;
    expect(rejected).toMatchObject({
      status: 'rejected',
      rejectionReason: 'Die Finanzierung ist nicht nachgewiesen',
      version: { status: 'sent_back' },
    });
    expect(rejected.rejectedAt).toEqual(expect.any(String));
    expect((await as(admin, 'POST', `${s2}/rejection`, { reason: 'noch einmal' }, 409)).body).toMatchObject({ code: 'amendment.not_rejectable', params: { status: 'rejected' } });
    await as(admin, 'POST', `${a}/rejection`, { reason: 'zu spät' }, 409); // accepted already
    await processWhen((s) => s.amendment === null, 'the rejected amendment to close in the process');
    expect((await as(mayor, 'GET', `${q}/agreement/history`, undefined, 200)).body.map((h: { status: string }) => h.status)).toEqual(['superseded', 'approved', 'sent_back']);
    const third = (await as(lead, 'POST', `${q}/amendments`, addition('Mieterfest'), 201)).body;
    expect(third).toMatchObject({ status: 'proposed', baseVersionId: proposed.versionId });
    await processWhen((s) => s.amendment?.id === third.id, 'the next amendment in the process');
    expect(consistencyReport(env.stack).mismatches).toEqual([]);

    // Every step is in the audit log with before and after: the agreements service recorded each
    // entry with its change, the actors service appends them from the event stream a moment later.
    const expected = [
      'goal.create',
      'measure.create',
      'measure.status',
      'justification.set',
      'agreement.submit',
      'agreement.sign',
      'agreement.review.approved',
      'report.create',
      'report.update',
      'report.submit',
      'report.review.returned',
      'report.review.accepted',
      'amendment.propose',
      'amendment.sign',
      'amendment.accept',
      'amendment.reject',
    ];
    const log = await eventually(async () => {
      const entries = (await as(admin, 'GET', `/audit-log?filter=${encodeURIComponent(JSON.stringify({ quarterId: quarter.id }))}&range=[0,199]`, undefined, 200)).body;
      const actions = new Set(entries.map((e: { action: string }) => e.action));
      return expected.every((a) => actions.has(a)) && entries;
    }, 'every step of the agreement in the audit log');
    const actions = log.map((e: { action: string }) => e.action);
    for (const action of expected) expect(actions).toContain(action);
    const acceptance = log.find((e: { action: string }) => e.action === 'amendment.accept');
    expect(acceptance.before.status).toBe('confirmed');
    expect(acceptance.after.status).toBe('accepted');
    const rejection = log.find((e: { action: string }) => e.action === 'amendment.reject');
    expect(rejection).toMatchObject({ reason: 'Die Finanzierung ist nicht nachgewiesen', before: { status: 'confirmed' }, after: { status: 'rejected' } });
    const approval = log.find((e: { action: string }) => e.action === 'agreement.review.approved');
    expect(approval.before.status).toBe('binding');
    expect(approval.after.status).toBe('approved');

    // A withdrawn quarter takes no more reports or amendments: the agreements service hears of the withdrawal from the process.
    await as(admin, 'POST', `${q}/interventions`, { kind: 'withdraw', reason: 'Das Wohnungsunternehmen steigt aus' }, 200);
    await eventually(async () => (await as(ceo, 'GET', `${q}/certificate`, undefined, 200)).body.endedBy === 'withdrawal', 'the withdrawal to end the certificate');
    const withdrawn = await as(lead, 'POST', `${q}/reports`, { year: 2 }, 409);
    expect(withdrawn.body).toMatchObject({ code: 'certificate.withdrawn', params: { action: 'file_annual_report' } });
    expect((await as(undefined, 'GET', `/certificates/verify/${certificate.verificationCode}`, undefined, 200)).body.valid).toBe(false);
    expect(consistencyReport(env.stack)).toMatchObject({ quarters: 2, mismatches: [], unreadable: [] });
    expect((await as(lead, 'GET', `${q}/reports`, undefined, 200)).body.map((x: { year: number }) => x.year)).toEqual([1]);
  });

  it('edits and deletes goals and measures until the agreement is submitted, audited, and lists every field problem at once', async () => {
    const quarter = await createQuarter(env.apiAs(admin), { name: 'Scharnhorst-Ost', municipality: 'Dortmund', land: 'Nordrhein-Westfalen', housingCompany: 'DOGEWO21', programmeId: P });
    const q = `/quarters/${quarter.id}`;
    const company = (await as(admin, 'POST', '/organisations', { name: 'DOGEWO21 GmbH', type: 'housing_company', programmeId: P }, 201)).body.id as string;
    const goal = (await as(admin, 'POST', `${q}/goals`, { actionFieldId: 'HF2', title: 'Barrierearm wohnen', indicator: 'Wohnungen', baseline: '3', targetValue: '20', targetDate: '2029-12-31' }, 201)).body;
    const measure = (await as(admin, 'POST', `${q}/measures`, { goalId: goal.id, title: 'Bäder umbauen', kind: 'unmittelbar', ownerOrganisationId: company, start: '2027-03-01', end: '2028-12-31' }, 201)).body;
    const spare = (await as(admin, 'POST', `${q}/measures`, { goalId: goal.id, title: 'Rampen bauen', kind: 'unmittelbar' }, 201)).body;

    // Every field problem of a change at once, in German, and nothing changed.
    const bad = await as(admin, 'PATCH', `${q}/measures/${measure.id}`, { title: '', kind: 'irgendwie', start: 'morgen', cost: -5, goalId: 'kein-ziel' }, 400);
    expect(bad.body.code).toBe('request.invalid');
    expect(Object.keys(fieldCodes(bad.body)).sort()).toEqual(['cost', 'goalId', 'kind', 'start', 'title']);
    expect(bad.body.errors.every((e: { message: string }) => !/must|should/.test(e.message))).toBe(true);
    const badGoal = await as(admin, 'PATCH', `${q}/goals/${goal.id}`, { actionFieldId: 'HF9', title: null, targetDate: '31.12.2029' }, 400);
    expect(Object.keys(fieldCodes(badGoal.body)).sort()).toEqual(['actionFieldId', 'targetDate', 'title']);

    const changedGoal = (await as(admin, 'PATCH', `${q}/goals/${goal.id}`, { title: 'Barrierearm wohnen im Bestand', targetValue: '25' }, 200)).body;
    expect(changedGoal).toMatchObject({ id: goal.id, title: 'Barrierearm wohnen im Bestand', targetValue: '25', baseline: '3', indicator: 'Wohnungen' });
    const changed = (await as(admin, 'PATCH', `${q}/measures/${measure.id}`, { title: 'Bäder barrierearm umbauen', end: '2029-06-30', cost: 120000 }, 200)).body;
    expect(changed).toMatchObject({ id: measure.id, title: 'Bäder barrierearm umbauen', start: '2027-03-01', end: '2029-06-30', cost: 120000, status: 'geplant' });
    const endBeforeStart = await as(admin, 'PATCH', `${q}/measures/${measure.id}`, { end: '2026-01-01' }, 400);
    expect(fieldCodes(endBeforeStart.body)).toEqual({ end: 'measure.end_before_start' });
    await as(admin, 'DELETE', `${q}/measures/${spare.id}`, undefined, 204);
    expect((await as(admin, 'DELETE', `${q}/measures/${spare.id}`, undefined, 404)).body.code).toBe('measure.not_found');
    const concept = (await as(admin, 'GET', `${q}/handlungskonzept`, undefined, 200)).body;
    expect(concept.goals.map((g: any) => [g.title, g.measures.map((m: any) => m.title)])).toEqual([['Barrierearm wohnen im Bestand', ['Bäder barrierearm umbauen']]]);

    // Submitted: the agreements service refuses, saying why.
    await as(admin, 'POST', `${q}/agreement/versions`, { weakActionFields: [], windowStart: '2027-01-01' }, 201);
    const lateGoal = { actionFieldId: 'HF3', title: 'Zu spät', indicator: 'Treffen', targetValue: '12', targetDate: '2029-12-31' };
    const lateMeasure = { goalId: goal.id, title: 'Zu spät', kind: 'mittelbar', ownerOrganisationId: company, start: '2027-03-01', end: '2028-12-31' };
    const routes: Array<[string, string, unknown]> = [
      ['PATCH', `${q}/goals/${goal.id}`, { title: 'Zu spät' }],
      ['DELETE', `${q}/goals/${goal.id}`, undefined],
      ['PATCH', `${q}/measures/${measure.id}`, { title: 'Zu spät' }],
      ['DELETE', `${q}/measures/${measure.id}`, undefined],
      ['POST', `${q}/goals`, lateGoal],
      ['POST', `${q}/measures`, lateMeasure],
    ];
    for (const [method, path, body] of routes) {
      const locked = await as(admin, method, path, body, 409);
      expect(locked.body).toMatchObject({ code: 'concept.locked', params: { number: 1, status: 'submitted' } });
      expect(locked.body.detail).toMatch(/^Version 1 der Zielvereinbarung ist eingereicht/);
    }

    const log = await eventually(async () => {
      const entries = (await as(admin, 'GET', `/audit-log?filter=${encodeURIComponent(JSON.stringify({ quarterId: quarter.id }))}&range=[0,199]`, undefined, 200)).body;
      const actions = new Set(entries.map((e: { action: string }) => e.action));
      return ['goal.update', 'measure.update', 'measure.delete'].every((a) => actions.has(a)) && entries;
    }, 'the changes in the audit log', 3 * 60_000);
    expect(log.find((e: { action: string }) => e.action === 'measure.update')).toMatchObject({ before: { title: 'Bäder umbauen' }, after: { title: 'Bäder barrierearm umbauen' } });
    expect(log.find((e: { action: string }) => e.action === 'measure.delete')).toMatchObject({ resourceId: spare.id, before: { title: 'Rampen bauen' } });
  });
});
