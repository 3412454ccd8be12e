import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_ADMIN, DEMO_PASSWORD, ROOT, freeStackPorts, startStack, type Stack } from '@genq/infra';
import { apiClient, callAs, eventually, fieldCodes, processStarted } from './support/api';

/**
 * The quarter analysis through the gateway, as separate processes (issue 4): template,
 * spreadsheet import, self-assessment, the profile against the programme, and submitting,
 * which completes the quarter's analysis step in its workflow.
 */
describe('quarter analysis across processes', () => {
  let dataDir: string;
  let stack: Stack;
  let token: string;
  let quarterId: string;
  const catalogue = JSON.parse(readFileSync(join(ROOT, 'apps/analysis/seed/catalogue-genq-default-1.0.0.json'), 'utf8'));
  const criteria: string[] = catalogue.actionFields.flatMap((f: { criteria: Array<{ id: string }> }) => f.criteria.map((c) => c.id));

  const api = async (method: string, route: string, body?: unknown, contentType = 'application/json', headers: Record<string, string> = {}) => {
    const res = await fetch(`${stack.gatewayUrl}/api${route}`, {
      method,
      headers: { 'content-type': contentType, authorization: `Bearer ${token}`, ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let json: any;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: res.status, body: json, text, headers: res.headers };
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'genq-e2e-analysis-'));
    stack = await startStack({ dataDir, ports: await freeStackPorts(), withConsole: false, log: () => {} });
    const login = await fetch(`${stack.gatewayUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: DEMO_ADMIN.email, password: DEMO_PASSWORD }),
    });
    token = ((await login.json()) as { accessToken: string }).accessToken;
    const programme = await api('PUT', '/programmes/genq-analyse-e2e', {
      id: 'genq-analyse-e2e',
      name: 'Analyse E2E',
      catalogueId: 'genq-default',
      catalogueVersion: '1.0.0',
      calendar: catalogue.defaultCalendar,
    });
    expect([200, 201]).toContain(programme.status);
    // Two quarters at the analysis step: one to work on, one to compare with.
    const make = async (name: string) => {
      const q = await api('POST', '/quarters', {
        name,
        municipality: 'Gelsenkirchen',
        land: 'Nordrhein-Westfalen',
        housingCompany: 'GGW',
        programmeId: 'genq-analyse-e2e',
        startAt: { phase: 'development', stepKey: 'analysis' },
      });
      expect(q.status).toBe(201);
      await processStarted(callAs(apiClient(stack.gatewayUrl), token), q.body.id);
      return q.body.id as string;
    };
    quarterId = await make('Bismarck-Nord');
    const other = await make('Schalke-Süd');
    const rated = await api('PUT', `/quarters/${other}/ratings`, { ratings: criteria.map((criterionId) => ({ criterionId, rating: 3 })) });
    expect(rated.status).toBe(200);
  }, 20 * 60_000);

  afterAll(async () => {
    await stack?.stop();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('offers the import template as CSV, imports a filled-in file sent as text/csv, and a repeat changes nothing', async () => {
    const template = await api('GET', '/analysis/template.csv');
    expect(template.status).toBe(200);
    expect(template.headers.get('content-type')).toContain('text/csv');
    const lines = template.text.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(catalogue.indicators.length + 1);
    const filled = lines
      .map((line) => {
        const cells = line.split(';');
        if (cells[0] === 'flats_total') [cells[5], cells[6]] = ['31.12.2025', '1.800'];
        if (cells[0] === 'flats_barrier_free') [cells[5], cells[6]] = ['31.12.2025', '90'];
        return cells.join(';');
      })
      .join('\r\n');
    const first = await api('POST', `/quarters/${quarterId}/indicators/import`, filled, 'text/csv');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ rows: 2, created: 2, unchanged: 0 });
    const again = await api('POST', `/quarters/${quarterId}/indicators/import`, { csv: filled });
    expect(again.body).toMatchObject({ rows: 2, created: 0, updated: 0, unchanged: 2 });
    const list = await api('GET', `/quarters/${quarterId}/indicators?sort=["indicatorId","ASC"]&range=[0,9]`);
    expect(list.headers.get('content-range')).toBe('indicators 0-1/2');
    expect(list.body.map((v: { id: string; value: number }) => [v.id, v.value])).toEqual([
      ['flats_barrier_free@2025-12-31', 90],
      ['flats_total@2025-12-31', 1800],
    ]);
  });

  it('offers the template as an Excel workbook and takes the workbook back as the request body', async () => {
    const res = await fetch(`${stack.gatewayUrl}/api/analysis/template.xlsx`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = Buffer.from(await res.arrayBuffer());
    expect(workbook.subarray(0, 2).toString()).toBe('PK');
    // The empty template is a valid workbook without values: refused with the file's message, nothing written.
    const back = await fetch(`${stack.gatewayUrl}/api/quarters/${quarterId}/indicators/import`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      body: workbook,
    });
    expect(back.status).toBe(400);
    const refused = (await back.json()) as { code: string; errors: Array<{ field: string; code: string }> };
    expect(refused.code).toBe('request.invalid');
    expect(fieldCodes(refused)).toEqual({ xlsx: 'import.no_values' });
  });

  it('refuses bad files and bad ratings with 400 and messages by row, column and field', async () => {
    const csv = 'indicatorId;referenceDate;value\nflats_total;2025-12-31;-3\nkeins;2025-12-31;1\n';
    const bad = await api('POST', `/quarters/${quarterId}/indicators/import`, csv, 'text/csv');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    expect(bad.body).toMatchObject({ code: 'import.rows_invalid', params: { count: 2 } });
    expect(fieldCodes(bad.body)).toEqual({ 'rows.2.value': 'indicator_value.whole_number', 'rows.3.indicatorId': 'indicator.unknown' });
    // German unless the request asks for English, the refusal and each field's message alike.
    expect(bad.body.detail).toBe('Import abgelehnt: 2 Zeile(n) ungültig, nichts wurde importiert.');
    expect(bad.body.errors).toEqual([
      { field: 'rows.2.value', code: 'indicator_value.whole_number', params: { unit: 'Wohnungen' }, message: '„Wert“ muss in Wohnungen eine ganze Zahl ab 0 sein.' },
      { field: 'rows.3.indicatorId', code: 'indicator.unknown', params: { indicatorId: 'keins' }, message: '„Indikator“ ist kein Indikator dieser Katalogversion („keins“).' },
    ]);
    const english = await api('POST', `/quarters/${quarterId}/indicators/import`, csv, 'text/csv', { 'accept-language': 'en' });
    expect(english.body.detail).toBe('Import refused: 2 row(s) invalid, nothing was imported.');
    expect(english.body.errors.map((e: { message: string }) => e.message)).toEqual([
      '"Value" must be a whole number, 0 or more, in Wohnungen.',
      '"Indicator" is not an indicator of this catalogue version ("keins").',
    ]);
    const offScale = await api('PUT', `/quarters/${quarterId}/ratings`, { ratings: [{ criterionId: 'HF1.1', rating: 7 }] });
    expect(offScale.status).toBe(400);
    expect(fieldCodes(offScale.body)).toEqual({ 'ratings.0.rating': 'rating.off_scale' });
    const wrongUnit = await api('PUT', `/quarters/${quarterId}/indicators`, { values: [{ indicatorId: 'vacancy_rate', referenceDate: '2025-12-31', value: 3, unit: 'Wohnungen' }] });
    expect(wrongUnit.status).toBe(400);
    expect(wrongUnit.body.errors).toEqual([
      expect.objectContaining({ field: 'values.0.unit', code: 'indicator.unit_mismatch', params: { indicatorId: 'vacancy_rate', unit: '%', given: 'Wohnungen' } }),
    ]);
    const noFile = await api('POST', `/quarters/${quarterId}/indicators/import`, {});
    expect(fieldCodes(noFile.body)).toEqual({ csv: 'import.file_missing' });
    const badVersion = await api('GET', '/analysis/template.csv?catalogueVersionId=kein-katalog');
    expect(badVersion.status).toBe(400);
    expect(fieldCodes(badVersion.body)).toEqual({ catalogueVersionId: 'catalogue_version.malformed' });
  });

  it('shows the profile against the programme, submits the analysis and moves the process on', async () => {
    const early = await api('POST', `/quarters/${quarterId}/analysis/submit`);
    expect(early.status).toBe(400);
    expect(early.body).toMatchObject({ code: 'analysis.ratings_missing', params: { count: criteria.length } });
    expect(Object.keys(fieldCodes(early.body))).toEqual(criteria.map((c) => `ratings.${c}`));

    const rated = await api('PUT', `/quarters/${quarterId}/ratings`, {
      ratings: criteria.map((criterionId, i) => ({ criterionId, rating: i % 2, evidence: 'Begehung 2025', targetGroups: ['Seniorinnen und Senioren'] })),
    });
    expect(rated.status).toBe(200);
    const profile = await api('GET', `/quarters/${quarterId}/profile`);
    expect(profile.status).toBe(200);
    expect(profile.body.actionFields).toHaveLength(4);
    expect(profile.body.actionFields[0]).toMatchObject({ actionFieldId: 'HF1', programme: { count: 2, max: 3 }, quartile: 1 });
    expect(profile.body.derived.barrierFreeFlatsShare).toBe(5);

    const submitted = await api('POST', `/quarters/${quarterId}/analysis/submit`);
    expect(submitted.status).toBe(200);
    expect(submitted.body.analysis).toMatchObject({ status: 'submitted', catalogueVersionId: 'genq-default@1.0.0', programmeId: 'genq-analyse-e2e' });
    // The analysis service records the fact; the process completes the Quartiersanalyse from the event stream.
    const step = async (want: string) =>
      eventually(async () => (await api('GET', `/quarters/${quarterId}/process`)).body.currentStep === want, `the process at ${want}`);
    await step('strategy_workshop');
    const repeat = await api('POST', `/quarters/${quarterId}/analysis/submit`);
    expect(repeat.body.analysis.status).toBe('submitted');

    const priorities = await api('POST', `/quarters/${quarterId}/analysis/priorities`, { priorities: ['HF2', 'HF3.1'] });
    expect(priorities.status).toBe(200);
    await step('participation');
    // Changed priorities are the same workshop: the process does not move again.
    expect((await api('POST', `/quarters/${quarterId}/analysis/priorities`, { priorities: ['HF2'] })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1000));
    expect((await api('GET', `/quarters/${quarterId}/process`)).body.steps.find((s: { key: string }) => s.key === 'strategy_workshop').status).toBe('completed');
    expect((await api('GET', `/quarters/${quarterId}/process`)).body.currentStep).toBe('participation');

    const programmeWide = await api('GET', '/programmes/genq-analyse-e2e/analysis-distribution');
    expect(programmeWide.status).toBe(200);
    expect(programmeWide.body).toMatchObject({ quarters: 2, catalogueVersionId: 'genq-default@1.0.0', actionFields: { HF1: { count: 2, max: 3 } } });

    // The analysis service recorded each entry with its change; the actors service appends them from the event stream.
    const wanted = ['analysis.indicators.import', 'analysis.ratings.update', 'analysis.submit', 'analysis.priorities'];
    const actions = await eventually(async () => {
      const audit = await api('GET', `/audit-log?filter=${encodeURIComponent(JSON.stringify({ quarterId }))}&range=[0,99]`);
      const got = (audit.body as Array<{ action: string }>).map((e) => e.action);
      return wanted.every((a) => got.includes(a)) && got;
    }, 'the analysis writes in the audit log');
    expect(actions).toEqual(expect.arrayContaining(wanted));
  });

  it('makes the Handlungskonzept answer every weak action field of the profile, whatever the submitter names', async () => {
    // Every criterion was rated 0 or 1 above: all four action fields have weaknesses.
    const submitted = await api('POST', `/quarters/${quarterId}/agreement/versions`, { weakActionFields: [], windowStart: '2027-01-01' });
    expect(submitted.status).toBe(409);
    expect(submitted.body.code).toBe('concept.incomplete');
    const fields = (submitted.body.errors as Array<{ code: string; params: { actionFieldId?: string } }>)
      .filter((g) => g.code === 'concept.field_without_goal')
      .map((g) => g.params.actionFieldId)
      .sort();
    expect(fields).toEqual(['HF1', 'HF2', 'HF3', 'HF4']);
  });
});
