import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '@genq/infra';
import { adminWithProgramme, consistencyReport, eventually, processWhen, quarterWithSigners, completeStepsUpToGoalsWorkshop, recordGoalsWorkshop, startTestStack, type TestStack } from './support/api';

/**
 * Issue 13: two whole cycles of a quarter through the public API, on a programme calendar
 * measured in seconds (reporting years of 20 s, a certificate valid for 60 days). Cycle 1:
 * certification, three annual reports (one returned and resubmitted), an amendment, the
 * Bilanzierung renews; cycle 2 with its own reports and a renewed certificate; the next
 * Bilanzierung lets it expire. At every step the process, the certificate (document, PDF,
 * public verification), the dashboard and the consistency check agree.
 */
jest.setTimeout(15 * 60_000);

const PDF_TEXT = join(ROOT, 'apps/agreements/test/support/pdf-text.cjs');
const pdfText = (pdf: Buffer) => execFileSync(process.execPath, [PDF_TEXT], { input: pdf, cwd: join(ROOT, 'apps/agreements') }).toString('utf8');
const germanDate = (iso: string) => new Date(iso).toLocaleDateString('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' });

describe('two implementation cycles, renewed and then expired', () => {
  let env: TestStack;
  let admin: string;
  const P = 'genq-two-cycles';

  const as = (token: string | undefined, method: string, path: string, body?: unknown, expected?: number) => env.apiAs(token)(method, path, body, expected);

  beforeAll(async () => {
    env = await startTestStack('two-cycles');
    admin = await adminWithProgramme(env, P, 'GenQ Zwei Zyklen', {
      implementationPhase: { duration: 'PT60S', annualReportEvery: 'PT20S', reportDueWithin: 'PT5M' },
      certificateValidity: 'P60D',
    });
  }, 20 * 60_000);

  afterAll(() => env?.stop());

  it('runs cycle 1 to renewal and cycle 2 to expiry, with process, certificate and dashboard agreeing', async () => {
    const { quarter, q, company, ceo, mayor } = await quarterWithSigners(env, admin, P, {
      name: 'Herne-Sodingen',
      municipality: 'Herne',
      housingCompany: 'HGW Herne',
      cityName: 'Stadt Herne',
      mailDomain: 'zyklen.genq.example',
    });
    const when = processWhen(env.apiAs(admin), q);

    /** The process, the certificate, its PDF, its verification and the dashboard tell the same story. */
    const agree = async (what: string) => {
      const state = (await as(admin, 'GET', `${q}/process`, undefined, 200)).body;
      const certificate = await eventually(async () => {
        const c = (await as(ceo, 'GET', `${q}/certificate`, undefined, 200)).body;
        return c.cycle === state.cycle && c.validUntil === state.certificateValidUntil && c;
      }, `the certificate to follow the process (${what})`);
      const pdf = await fetch(`${env.gatewayUrl}/api${q}/certificate/pdf`, { headers: { authorization: `Bearer ${ceo}` } });
      expect(pdfText(Buffer.from(await pdf.arrayBuffer()))).toContain(`Gültig bis: ${germanDate(state.certificateValidUntil)}`);
      const verified = (await as(undefined, 'GET', `/certificates/verify/${certificate.verificationCode}`, undefined, 200)).body;
      const dashboard = (await as(admin, 'GET', `/dashboard?filter=${encodeURIComponent(JSON.stringify({ programmeId: P }))}`, undefined, 200)).body;
      const expiring = dashboard.certificates.expiring.first.filter((c: { quarterId: string }) => c.quarterId === quarter.id);
      if (state.phase === 'closed') {
        expect(verified).toMatchObject({ valid: false, reason: expect.stringContaining('Bilanzierung') });
        expect(expiring).toEqual([]);
      } else {
        expect(verified).toMatchObject({ valid: true, number: certificate.number, validUntil: state.certificateValidUntil });
        // Valid for 60 days: the dashboard shows it as expiring, with the process's date.
        expect(expiring).toEqual([expect.objectContaining({ number: certificate.number, validUntil: state.certificateValidUntil })]);
      }
      expect(consistencyReport(env.stack).mismatches).toEqual([]);
      return { state, certificate };
    };

    /** Waits for the report window, then drafts and submits the year's report; the process counts it. */
    const fileReport = async (certificate: { reportWindows: Array<{ year: number; opensAt: string }> }, year: number) => {
      const draft = (await as(ceo, 'POST', `${q}/reports`, { year, text: `Bericht über das Jahr ${year}.` }, 201)).body;
      const opensAt = new Date(certificate.reportWindows.find((w) => w.year === year)!.opensAt).getTime();
      await new Promise((r) => setTimeout(r, Math.max(opensAt - Date.now() + 300, 0)));
      const submitted = (await as(ceo, 'POST', `${q}/reports/${draft.id}/submission`, undefined, 200)).body;
      await when((s) => s.reports.find((r: { year: number }) => r.year === year)?.status === 'completed' || s.phase === 'reaudit', `report ${year} to count`);
      return submitted;
    };

    // Cycle 1: development and certification.
    await completeStepsUpToGoalsWorkshop(env.apiAs(admin), q, 'zyklen');
    const goal = (await as(ceo, 'POST', `${q}/goals`, { actionFieldId: 'HF2', title: 'Barrierearm wohnen', indicator: 'Wohnungen', targetValue: '40', targetDate: '2029-12-31' }, 201)).body;
    const measure = (await as(ceo, 'POST', `${q}/measures`, { goalId: goal.id, title: 'Aufzüge nachrüsten', kind: 'unmittelbar', ownerOrganisationId: company, start: '2027-03-01', end: '2028-12-31' }, 201)).body;
    await recordGoalsWorkshop(env.apiAs(admin), q);
    const version = (await as(ceo, 'POST', `${q}/agreement/versions`, { weakActionFields: [], windowStart: '2027-01-01' }, 201)).body;
    await as(ceo, 'POST', `${q}/agreement/versions/${version.id}/signatures`, undefined, 201);
    await as(mayor, 'POST', `${q}/agreement/versions/${version.id}/signatures`, undefined, 201);
    await as(admin, 'POST', `${q}/agreement/versions/${version.id}/review`, { decision: 'approved' }, 200);
    await when((s) => s.phase === 'implementation' && s.cycle === 1, 'certification');
    const first = await agree('certified');
    expect(first.certificate.cycle).toBe(1);

    // Report 1 goes in, is returned (due again) and resubmitted.
    const report1 = await fileReport(first.certificate, 1);
    await as(admin, 'POST', `${q}/reports/${report1.id}/review`, { decision: 'returned', remarks: 'Bitte die Kosten ergänzen' }, 200);
    await when((s) => s.reports.find((r: { year: number }) => r.year === 1).status === 'active', 'the returned report to be due again');
    await as(ceo, 'PATCH', `${q}/reports/${report1.id}`, { text: 'Bericht über das Jahr 1. Kosten: 80.000 €.' }, 200);
    await as(ceo, 'POST', `${q}/reports/${report1.id}/submission`, undefined, 200);
    await when((s) => s.reports.find((r: { year: number }) => r.year === 1).status === 'completed', 'the resubmission to count');
    await as(admin, 'POST', `${q}/reports/${report1.id}/review`, { decision: 'accepted' }, 200);

    // An amendment in the implementation phase.
    const amendment = (await as(ceo, 'POST', `${q}/amendments`, {
      description: 'Treppenlifte statt Aufzüge',
      reason: 'Statik',
      changes: [{ action: 'replace', measureId: measure.id, measure: { title: 'Treppenlifte einbauen', kind: 'unmittelbar', ownerOrganisationId: company, start: '2027-06-01', end: '2028-12-31' } }],
    }, 201)).body;
    await as(ceo, 'POST', `${q}/amendments/${amendment.id}/signatures`, undefined, 201);
    await as(mayor, 'POST', `${q}/amendments/${amendment.id}/signatures`, undefined, 201);
    await when((s) => s.amendment?.confirmedBy.length === 2, 'both confirmations');
    await as(admin, 'POST', `${q}/amendments/${amendment.id}/acceptance`, undefined, 200);
    await when((s) => s.amendment === null, 'the accepted amendment');
    await agree('amended');

    await fileReport(first.certificate, 2);
    await fileReport(first.certificate, 3);
    await when((s) => s.phase === 'reaudit', 'the Bilanzierung of cycle 1');

    // The Bilanzierung renews: cycle 2 with its own certificate and reports.
    expect((await as(admin, 'POST', `${q}/events`, { eventId: 'bilanzierung-1', type: 'reaudit_decided', decision: 'renewed' }, 200)).body).toMatchObject({ applied: true });
    await when((s) => s.phase === 'implementation' && s.cycle === 2, 'cycle 2');
    const second = await agree('renewed');
    expect(second.certificate).toMatchObject({ cycle: 2 });
    expect(second.certificate.number).not.toBe(first.certificate.number);
    expect(second.certificate.validUntil).not.toBe(first.certificate.validUntil);
    for (const year of [1, 2, 3]) await fileReport(second.certificate, year);
    expect((await as(ceo, 'GET', `${q}/reports`, undefined, 200)).body.map((r: { cycle: number; year: number }) => `${r.cycle}/${r.year}`)).toEqual(['1/1', '1/2', '1/3', '2/1', '2/2', '2/3']);
    await when((s) => s.phase === 'reaudit' && s.cycle === 2, 'the Bilanzierung of cycle 2');

    // The next Bilanzierung lets it expire: the quarter closes, the certificate ends.
    await as(admin, 'POST', `${q}/events`, { eventId: 'bilanzierung-2', type: 'reaudit_decided', decision: 'expired' }, 200);
    await when((s) => s.phase === 'closed', 'the quarter to close');
    await eventually(async () => (await as(ceo, 'GET', `${q}/certificate`, undefined, 200)).body.endedBy === 'bilanzierung', 'the certificate to end');
    await agree('expired');
    expect((await as(ceo, 'POST', `${q}/reports`, { year: 1 }, 409)).body).toMatchObject({ code: 'certificate.expired', params: { cycle: 2, action: 'file_annual_report' } });
  });
});
