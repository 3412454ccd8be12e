import { Workbook } from 'exceljs';
import { DEMO_ADMIN, DEMO_PASSWORD } from '@genq/infra';
import { signIn, startTestStack, type Call, type TestStack } from './support/api';

/**
 * Bulk admission of quarters (issue 16) against the whole stack: the templates, a file refused
 * with every problem by row and column and nothing admitted, the programme office's scope, a
 * thousand quarters admitted at once with every lifecycle workflow started from the events,
 * the same file again creating nothing, and an Excel workbook. The time the thousand take is
 * written to the test log, not asserted: speed is the benchmark's business.
 */
// The thousand workflows start one batch after another; on a loaded shared machine that takes minutes.
jest.setTimeout(30 * 60_000);

const HEADER = 'name;municipality;kreis;land;housingCompany;programmeId;startedAt;startPhase;startStepKey';
const P = 'genq-nds-2026';
const LAENDER = ['Niedersachsen', 'Bremen', 'Hamburg', 'Schleswig-Holstein'];

/** Quarter `i` of the large file: spread over Länder, Kreise, municipalities and companies, deterministic. */
function row(i: number): string {
  const n = String(i).padStart(4, '0');
  return [`Import-Quartier ${n}`, `Gemeinde ${i % 40}`, `Landkreis ${i % 12}`, LAENDER[i % LAENDER.length], `Wohnbau ${i % 25} eG`, P, '', '', ''].join(';');
}

describe('bulk admission of quarters', () => {
  let env: TestStack;
  let admin: Call;
  let token: string;

  beforeAll(async () => {
    env = await startTestStack('quarter-import', { seed: true });
    token = await env.login(DEMO_ADMIN.email);
    admin = env.apiAs(token);
  });

  afterAll(() => env?.stop());

  const importCsv = (csv: string, as = token, headers: Record<string, string> = {}) =>
    env.api('POST', '/quarters/import', { token: as, raw: csv, headers: { 'content-type': 'text/csv', ...headers } });

  const total = async (filter: Record<string, unknown> = {}) => {
    const res = await admin('GET', `/quarters?filter=${encodeURIComponent(JSON.stringify(filter))}&range=${encodeURIComponent('[0,0]')}`, undefined, 200);
    return Number(/\/(\d+)$/.exec(res.headers.get('content-range') ?? '')?.[1]);
  };

  /** Every quarter of the programme with the given name prefix, page by page. */
  const quartersOf = async (filter: Record<string, unknown>) => {
    const all: any[] = [];
    for (let start = 0; ; start += 500) {
      const page = (await admin('GET', `/quarters?filter=${encodeURIComponent(JSON.stringify(filter))}&range=${encodeURIComponent(`[${start},${start + 499}]`)}`, undefined, 200)).body;
      all.push(...page);
      if (page.length < 500) return all;
    }
  };

  it('offers the template as CSV and as an Excel workbook, to the programme office only', async () => {
    const csv = await admin('GET', '/quarters/import/template.csv', undefined, 200);
    expect(csv.text.replace(/^\uFEFF/, '').split(/\r?\n/)[0]).toBe(HEADER);
    const xlsx = await env.api('GET', '/quarters/import/template.xlsx', { token });
    expect(xlsx.status).toBe(200);
    expect(xlsx.headers.get('content-type')).toContain('spreadsheetml');
    const viewer = await env.login('viewer@genq.example');
    expect((await env.api('GET', '/quarters/import/template.csv', { token: viewer })).status).toBe(403);
  });

  it('refuses a file with every problem by row and column, in German, and admits none of its quarters', async () => {
    const before = await total();
    const existing = (await admin('GET', `/quarters?filter=${encodeURIComponent(JSON.stringify({ programmeId: 'genq-nrw-2026' }))}&range=[0,0]`, undefined, 200)).body[0];
    const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const csv = [
      HEADER,
      'Gut 1;Hameln;Landkreis Hameln-Pyrmont;Niedersachsen;KWG Hameln;genq-nds-2026;;;',
      ';Hameln;;Atlantis;KWG Hameln;genq-nds-2026;;;',
      'Gut 2;Hameln;;Niedersachsen;KWG Hameln;gibt-es-nicht;;;',
      'Gut 1;hameln;;Niedersachsen;KWG Hameln;genq-nds-2026;;;',
      `Morgen;Hameln;;Niedersachsen;KWG Hameln;genq-nds-2026;${tomorrow};;`,
      'Mitten;Hameln;;Niedersachsen;KWG Hameln;genq-nds-2026;;irgendwo;',
      `${existing.name};${existing.municipality};;${existing.land};Eine andere Gesellschaft;${existing.programmeId};;;`,
      '',
    ].join('\r\n');
    const res = await importCsv(csv);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'import.rows_invalid', params: { count: 6 } });
    const byField = Object.fromEntries(res.body.errors.map((e: any) => [e.field, e]));
    expect(Object.fromEntries(Object.entries(byField).map(([f, e]: [string, any]) => [f, e.code]))).toEqual({
      'rows.3.name': 'validation.required',
      'rows.3.land': 'validation.isIn',
      'rows.4.programmeId': 'programme.unknown',
      'rows.5.name': 'quarter_import.duplicate_row',
      'rows.6.startedAt': 'date.in_future',
      'rows.7.startPhase': 'validation.isIn',
      'rows.8.name': 'quarter.name_taken',
    });
    expect(byField['rows.5.name'].message).toBe('Dieses Quartier steht bereits in Zeile 2 der Datei.');
    expect(byField['rows.3.name'].message).toBe('„Name“ ist ein Pflichtfeld.');
    expect(res.body.detail).toBe('Import abgelehnt: 6 Zeile(n) ungültig, nichts wurde importiert.');
    // All or nothing: the good row was not admitted either.
    expect(await total()).toBe(before);

    const english = await importCsv(csv, token, { 'accept-language': 'en' });
    expect(english.body.errors.find((e: any) => e.field === 'rows.5.name').message).toBe('This quarter is in row 2 of the file already.');

    const noColumns = await importCsv('name;municipality\r\nA;B\r\n');
    expect(noColumns.status).toBe(400);
    expect(noColumns.body.errors).toEqual([expect.objectContaining({ field: 'csv', code: 'import.columns_missing', params: { columns: 'land, housingCompany, programmeId' } })]);
    expect((await importCsv(`${HEADER}\r\n\r\n`)).body.errors).toEqual([expect.objectContaining({ field: 'csv', code: 'quarter_import.no_rows' })]);
    const missing = await env.api('POST', '/quarters/import', { token, body: {} });
    expect(missing.body.errors).toEqual([expect.objectContaining({ field: 'csv', code: 'import.file_missing' })]);
  });

  it('admits only into the programmes of the office: another programme reads as unknown, other roles are refused', async () => {
    const email = 'import-nds@fixture.genq.example';
    await admin('POST', '/accounts', { email, displayName: 'Programmstelle Niedersachsen', password: DEMO_PASSWORD, role: 'programme_admin', programmeIds: [P] }, 201);
    const nds = (await signIn(env.api, email, DEMO_PASSWORD)).accessToken;
    const res = await importCsv(`${HEADER}\r\nFremd;Dortmund;;Nordrhein-Westfalen;DOGEWO21;genq-nrw-2026;;;\r\n`, nds);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'rows.2.programmeId', code: 'programme.unknown' })]);
    const operator = await env.login('operator@genq.example');
    expect((await importCsv(`${HEADER}\r\n${row(0)}\r\n`, operator)).status).toBe(403);
  });

  it('admits a thousand quarters at once and starts every workflow from the events; the same file again creates nothing', async () => {
    const csv = [HEADER, ...Array.from({ length: 1000 }, (_, i) => row(i)), ''].join('\r\n');
    const before = await total();
    const t0 = Date.now();
    const res = await importCsv(csv);
    const answered = Date.now() - t0;
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rows: 1000, created: 1000, existing: 0, warnings: [] });
    expect(res.body.quarters).toHaveLength(1000);
    expect(res.body.quarters[0]).toMatchObject({ line: 2, name: 'Import-Quartier 0000', municipality: 'Gemeinde 0', programmeId: P, created: true });
    expect(await total()).toBe(before + 1000);

    const ids = new Set<string>(res.body.quarters.map((q: any) => q.id));
    expect(ids.size).toBe(1000);
    // Polled once a second: the rate limit counts every request of this client.
    // Two moments: every workflow started (Temporal confirmed the start to the actors service),
    // and every workflow's first projection (its phase) in the read model.
    let started: any[] = [];
    let everyStart: number | undefined;
    while (Date.now() - t0 < 20 * 60_000) {
      const imported = (await quartersOf({ programmeId: P, q: 'Import-Quartier' })).filter((q) => ids.has(q.id) && q.workflowStartedAt !== null);
      if (everyStart === undefined && imported.length === 1000) everyStart = Date.now() - t0;
      started = imported.filter((q) => q.phase === 'development');
      if (started.length === 1000) break;
      await new Promise((r) => setTimeout(r, 1000));
    }
    const allProjected = Date.now() - t0;
    expect(started).toHaveLength(1000);
    console.log(`[quarter-import] 1,000 quarters: import answered in ${answered} ms; every workflow started after ${everyStart} ms, every one projected after ${allProjected} ms (noisy on a shared machine)`);
    // Each answered id is the quarter of its row, and its detail shows the live process.
    const nameOf = new Map(started.map((q) => [q.id, q.name]));
    expect(res.body.quarters.filter((q: any) => nameOf.get(q.id) !== q.name)).toEqual([]);
    const one = (await admin('GET', `/quarters/${res.body.quarters[999].id}`, undefined, 200)).body;
    expect(one).toMatchObject({ name: 'Import-Quartier 0999', process: { phase: 'development', currentStep: 'kickoff' } });
    // The audit log has each registration.
    const audit = await admin('GET', `/audit-log?filter=${encodeURIComponent(JSON.stringify({ action: 'quarter.create', resourceId: res.body.quarters[0].id }))}`, undefined, 200);
    expect(audit.body).toHaveLength(1);

    const again = await importCsv(csv);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ rows: 1000, created: 0, existing: 1000 });
    expect(again.body.quarters.map((q: any) => q.id)).toEqual(res.body.quarters.map((q: any) => q.id));
    expect(await total()).toBe(before + 1000);
  });

  it('reads an Excel workbook made from the template, German dates and a starting position included', async () => {
    const template = await fetch(`${env.gatewayUrl}/api/quarters/import/template.xlsx`, { headers: { authorization: `Bearer ${token}` } });
    const wb = new Workbook();
    await wb.xlsx.load(await template.arrayBuffer());
    const sheet = wb.worksheets[0]!;
    sheet.addRow(['Celle Altstadt', 'Celle', 'Landkreis Celle', 'Niedersachsen', 'WBG Allertal', P, '01.03.2025', 'development', 'analysis']);
    sheet.addRow(['Celle Neustadt', 'Celle', 'Landkreis Celle', 'Niedersachsen', 'WBG Allertal', P, new Date('2025-04-01T00:00:00Z'), '', '']);
    const file = Buffer.from(await wb.xlsx.writeBuffer());
    const posted = await fetch(`${env.gatewayUrl}/api/quarters/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      body: file,
    });
    const res = { status: posted.status, body: await posted.json() };
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ rows: 2, created: 2, existing: 0 });
    const altstadt = (await admin('GET', `/quarters/${res.body.quarters[0].id}`, undefined, 200)).body;
    expect(altstadt).toMatchObject({ name: 'Celle Altstadt', kreis: 'Landkreis Celle', startAt: { phase: 'development', stepKey: 'analysis' } });
    expect(altstadt.startedAt.slice(0, 10)).toBe('2025-03-01');
    const neustadt = (await admin('GET', `/quarters/${res.body.quarters[1].id}`, undefined, 200)).body;
    expect(neustadt.startedAt.slice(0, 10)).toBe('2025-04-01');
    // As JSON with the workbook base64-encoded, the same file is a repeat.
    const json = await admin('POST', '/quarters/import', { xlsxBase64: file.toString('base64') }, 200);
    expect(json.body).toMatchObject({ created: 0, existing: 2 });
  });
});
