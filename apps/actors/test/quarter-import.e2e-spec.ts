import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Workbook } from 'exceljs';
import { DataSource, In } from 'typeorm';
import { startTestDatabases, type TestDatabases } from '@genq/infra';
import { ActorsPatterns, type QuarterDto, type QuarterImportResult } from '@genq/contracts';
import { OutboxEventRow, startServiceForTest, type DatabaseConfig, type ServiceUnderTest } from '@genq/service-kit';
import { ActorsModule } from '../src/app.module';
import { AuditEntry } from '../src/audit/entities/audit-entry.entity';
import { Quarter } from '../src/quarters/entities/quarter.entity';
import { fieldCodes } from './problems';

const calendar = JSON.parse(readFileSync(join(__dirname, '../../analysis/seed/catalogue-genq-default-1.0.0.json'), 'utf8')).defaultCalendar;
const HEADER = 'name;municipality;kreis;land;housingCompany;programmeId;startedAt;startPhase;startStepKey';

// Hundreds of rows on a shared machine: more than the default five seconds.
jest.setTimeout(60_000);

let dbs: TestDatabases;
beforeAll(async () => {
  dbs = await startTestDatabases('actors-import');
}, 180_000);
afterAll(async () => {
  await dbs?.cleanup();
});

/** The quarter import (issue 16) on both databases: all or nothing, by row and column, idempotent, one transaction. */
describe.each(['sqlite', 'postgres'])('quarter import on %s', (label) => {
  let service: ServiceUnderTest;
  const send = <T>(pattern: string, payload: unknown) => service.send<T>(pattern, payload);
  const rejection = (pattern: string, payload: unknown) => service.refusal(pattern, payload);
  const admin = { userId: 'test-admin', email: 'admin@test.example', role: 'programme_admin', programmeIds: ['genq-nrw-2026', 'genq-other'], organisationId: null };
  const count = (entity: typeof Quarter | typeof AuditEntry | typeof OutboxEventRow) => service.app.get(DataSource).getRepository(entity).count();

  beforeAll(async () => {
    const database = dbs.databases.find((d) => d.label === label)!.config as DatabaseConfig;
    service = await startServiceForTest('actors', ActorsModule.forRoot, { database });
    await send(ActorsPatterns.upsertProgramme, { actor: admin, id: 'genq-nrw-2026', name: 'GenQ NRW 2026', catalogueId: 'genq-default', catalogueVersion: '1.0.0', calendar });
  }, 60_000);

  afterAll(async () => {
    await service?.close();
  });

  it('admits every row with its quarter.registered event and audit entry; the same file again creates nothing', async () => {
    const rows = Array.from({ length: 450 }, (_, i) => `Quartier ${i};Stadt ${i % 7};Kreis ${i % 3};Nordrhein-Westfalen;WU ${i % 5};genq-nrw-2026;;;`);
    const csv = [HEADER, ...rows, 'Mitten;Bochum;;Nordrhein-Westfalen;VBW;genq-nrw-2026;01.02.2025;development;analysis', ''].join('\r\n');
    const before = { quarters: await count(Quarter), audit: await count(AuditEntry), outbox: await count(OutboxEventRow) };
    const result = await send<QuarterImportResult>(ActorsPatterns.importQuarters, { actor: admin, csv });
    expect(result).toMatchObject({ rows: 451, created: 451, existing: 0, warnings: [] });
    expect(await count(Quarter)).toBe(before.quarters + 451);
    expect(await count(AuditEntry)).toBe(before.audit + 451);
    expect(await count(OutboxEventRow)).toBe(before.outbox + 451);
    // Every answer, event and audit entry belongs to its own quarter (rows inserted in bulk are not mixed up).
    const db = service.app.get(DataSource);
    const ids = result.quarters.map((q) => q.id);
    const nameOf = new Map((await db.getRepository(Quarter).findBy({ id: In(ids) })).map((q) => [q.id, q.name]));
    expect(result.quarters.filter((q) => nameOf.get(q.id) !== q.name)).toEqual([]);
    const events = await db.getRepository(OutboxEventRow).findBy({ quarterId: In(ids) });
    expect(events).toHaveLength(451);
    expect(events.filter((e) => (e.payload as { quarter: { name: string } }).quarter.name !== nameOf.get(e.quarterId))).toEqual([]);
    const entries = await db.getRepository(AuditEntry).findBy({ resourceId: In(ids), action: 'quarter.create' });
    expect(entries).toHaveLength(451);
    expect(entries.filter((e) => (e.after as { id: string; name: string }).name !== nameOf.get(e.resourceId!) || (e.after as { id: string }).id !== e.resourceId)).toEqual([]);
    const last = result.quarters[450]!;
    expect(last).toMatchObject({ line: 452, name: 'Mitten', municipality: 'Bochum', created: true });
    const stored = await send<QuarterDto>(ActorsPatterns.getQuarter, last.id);
    expect(stored).toMatchObject({ startAt: { phase: 'development', stepKey: 'analysis' }, kreis: null, workflowStartedAt: null });
    expect(stored.startedAt.slice(0, 10)).toBe('2025-02-01');
    const [event] = await service.app.get(DataSource).getRepository(OutboxEventRow).find({ where: { quarterId: last.id } });
    expect(event).toMatchObject({ id: `quarter-registered:${last.id}`, type: 'quarter.registered' });
    expect(event!.payload).toEqual({
      programmeId: 'genq-nrw-2026',
      calendar,
      startedAt: stored.startedAt,
      startAt: { phase: 'development', stepKey: 'analysis' },
      quarter: { name: 'Mitten', land: 'Nordrhein-Westfalen', municipality: 'Bochum', housingCompany: 'VBW' },
    });

    const again = await send<QuarterImportResult>(ActorsPatterns.importQuarters, { actor: admin, csv: csv.replace('Quartier 0;', 'quartier  0;') });
    expect(again).toMatchObject({ rows: 451, created: 0, existing: 451 });
    expect(again.quarters.map((q) => q.id)).toEqual(result.quarters.map((q) => q.id));
    expect(await count(Quarter)).toBe(before.quarters + 451);
    expect(await count(OutboxEventRow)).toBe(before.outbox + 451);
  });

  it('refuses the whole file with every problem by row and column, writing nothing', async () => {
    const before = await count(Quarter);
    const csv = [
      HEADER,
      'Neu 1;Essen;;Nordrhein-Westfalen;Vivawest;genq-nrw-2026;;;',
      ';Essen;;Atlantis;Vivawest;genq-nrw-2026;;;',
      'Neu 2;Essen;;Nordrhein-Westfalen;Vivawest;genq-other;;;',
      'Neu 3;Essen;;Nordrhein-Westfalen;Vivawest;genq-sued;2999-01-01;;',
      'neu 1;essen;;Nordrhein-Westfalen;Vivawest;genq-nrw-2026;;;',
      'Quartier 1;Stadt 1;Kreis 1;Nordrhein-Westfalen;Andere eG;genq-nrw-2026;;;',
      'Neu 4;Essen;;Nordrhein-Westfalen;Vivawest;genq-nrw-2026;;;analysis',
    ].join('\n');
    const e = await rejection(ActorsPatterns.importQuarters, { actor: admin, csv });
    expect(e).toMatchObject({ status: 400, code: 'import.rows_invalid', params: { count: 6 } });
    expect(fieldCodes(e)).toEqual({
      'rows.3.name': 'validation.required',
      'rows.3.land': 'validation.isIn',
      // In the actor's programmes but not existing, and outside them: both read as unknown.
      'rows.4.programmeId': 'programme.unknown',
      'rows.5.programmeId': 'programme.unknown',
      'rows.5.startedAt': 'date.in_future',
      'rows.6.name': 'quarter_import.duplicate_row',
      'rows.7.name': 'quarter.name_taken',
      'rows.8.startPhase': 'validation.required',
    });
    expect(await count(Quarter)).toBe(before);
  });

  it('names problems of the file as a whole, and refuses anyone but the programme office', async () => {
    expect(fieldCodes(await rejection(ActorsPatterns.importQuarters, { actor: admin, csv: 'name;land\nA;Bayern\n' }))).toEqual({ csv: 'import.columns_missing' });
    expect(fieldCodes(await rejection(ActorsPatterns.importQuarters, { actor: admin, csv: `${HEADER}\n;;\n` }))).toEqual({ csv: 'quarter_import.no_rows' });
    expect(fieldCodes(await rejection(ActorsPatterns.importQuarters, { actor: admin, csv: '  ' }))).toEqual({ csv: 'import.file_empty' });
    expect(fieldCodes(await rejection(ActorsPatterns.importQuarters, { actor: admin, xlsxBase64: Buffer.from('no workbook').toString('base64') }))).toEqual({ xlsx: 'import.not_xlsx' });
    const viewer = { ...admin, role: 'viewer' };
    await expect(rejection(ActorsPatterns.importQuarters, { actor: viewer, csv: `${HEADER}\nA;B;;Bayern;C;genq-nrw-2026;;;\n` })).resolves.toMatchObject({ status: 403, code: 'role.not_allowed' });
  });

  it('reads the Excel template filled in, and warns of a text that starts like a formula', async () => {
    const template = Buffer.from(await send<string>(ActorsPatterns.quarterImportTemplate, 'xlsx'), 'base64');
    const wb = new Workbook();
    await wb.xlsx.load(template as unknown as Parameters<typeof wb.xlsx.load>[0]);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['Quartiere', 'Hinweise']);
    wb.worksheets[0]!.addRow(['=Formel', 'Herne', null, 'Nordrhein-Westfalen', 'HGW', 'genq-nrw-2026', new Date('2024-06-30T00:00:00Z')]);
    const file = Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    const result = await send<QuarterImportResult>(ActorsPatterns.importQuarters, { actor: admin, xlsxBase64: file });
    expect(result).toMatchObject({ created: 1, warnings: [{ field: 'rows.2.name', code: 'spreadsheet.formula_cell' }] });
    expect((await send<QuarterDto>(ActorsPatterns.getQuarter, result.quarters[0]!.id)).startedAt.slice(0, 10)).toBe('2024-06-30');
    expect(await send<string>(ActorsPatterns.quarterImportTemplate, 'csv')).toBe(`${HEADER}\r\n`);
  });
});
