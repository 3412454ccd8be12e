import { readFileSync } from 'node:fs';
import 'reflect-metadata';
import { resolve } from 'node:path';
import { startTestDatabases, type TestDatabases } from '@genq/infra';
import { AnalysisPatterns, type CatalogueVersionDto, type Page } from '@genq/contracts';
import type { Catalogue } from '@genq/domain';
import { startServiceForTest, type DatabaseConfig, type ServiceUnderTest } from '@genq/service-kit';
import { AnalysisModule } from '../src/app.module';

const catalogueSeedPath = resolve(__dirname, '../seed/catalogue-genq-default-1.0.0.json');

let dbs: TestDatabases;
beforeAll(async () => {
  dbs = await startTestDatabases('analysis');
}, 180_000);
afterAll(async () => {
  await dbs?.cleanup();
});

describe.each(['sqlite', 'postgres'])('analysis service on %s', (label) => {
  let database: DatabaseConfig;
  let service: ServiceUnderTest;

  beforeAll(async () => {
    database = dbs.databases.find((d) => d.label === label)!.config as DatabaseConfig;
    service = await startServiceForTest('analysis', AnalysisModule.forRoot, { database, catalogueSeedPath });
  }, 60_000);
  afterAll(async () => {
    await service?.close();
  });

  it('runs migrations that match the entities exactly (no schema drift)', async () => {
    expect(await service.schemaDrift()).toEqual([]);
  });

  it('imports the default catalogue at start, once, as version genq-default@1.0.0', async () => {
    // A second start on the same database must not add or overwrite a version.
    await service.close();
    service = await startServiceForTest('analysis', AnalysisModule.forRoot, { database, catalogueSeedPath });
    const page = await service.send<Page<CatalogueVersionDto>>(AnalysisPatterns.listCatalogues, {});
    expect(page.total).toBe(1);
    expect(page.data[0]).toMatchObject({ id: 'genq-default@1.0.0', catalogueId: 'genq-default', version: '1.0.0' });
    const catalogue = await service.send<Catalogue>(AnalysisPatterns.getCatalogue, 'genq-default@1.0.0');
    expect(catalogue.actionFields.map((a) => a.name)).toEqual([
      'Steuerung, Vernetzung und Nachhaltigkeit',
      'Wohnqualität',
      'Wohnumfeld',
      'Miteinander der Generationen',
    ]);
  });

  it('takes a new catalogue version from the programme office, listing every problem of a bad one, never overwriting', async () => {
    const seed = JSON.parse(readFileSync(catalogueSeedPath, 'utf8'));
    const bad = { ...seed, version: '9.0.0', weaknessThreshold: 3, indicators: [{ ...seed.indicators[0], kind: 'outcome' }, ...seed.indicators.slice(1)] };
    const refused = await service.refusal(AnalysisPatterns.createCatalogue, bad);
    expect(refused).toMatchObject({ status: 400, code: 'catalogue.invalid', params: { count: 2 } });
    expect(refused.errors).toEqual([
      { field: 'weaknessThreshold', code: 'catalogue.thresholds_order' },
      { field: 'indicators.0.kind', code: 'validation.isIn', params: { values: 'input, output, context' } },
    ]);
    const created = await service.send<CatalogueVersionDto>(AnalysisPatterns.createCatalogue, { ...seed, version: '2.0.0' });
    expect(created).toMatchObject({ id: 'genq-default@2.0.0', version: '2.0.0' });
    await expect(service.refusal(AnalysisPatterns.createCatalogue, { ...seed, version: '2.0.0', title: 'Überschrieben' })).resolves.toMatchObject({
      status: 409,
      code: 'catalogue.version_exists',
      params: { catalogueId: 'genq-default', version: '2.0.0' },
      errors: [{ field: 'version', code: 'catalogue.version_taken' }],
    });
    const kept = await service.send<Catalogue>(AnalysisPatterns.getCatalogue, 'genq-default@2.0.0');
    expect(kept.title).toBe(seed.title);
  });

  it('lists catalogue versions the react-admin way: sorted, a range of them, the total, and counts of each document', async () => {
    const seed = JSON.parse(readFileSync(catalogueSeedPath, 'utf8'));
    // A smaller version, so the counts are told apart by the document, not copied from the seed.
    const small = { ...seed, version: '3.0.0', title: 'Kleiner Katalog', actionFields: seed.actionFields.slice(0, 1) };
    await service.send<CatalogueVersionDto>(AnalysisPatterns.createCatalogue, small);

    const page = await service.send<Page<CatalogueVersionDto>>(AnalysisPatterns.listCatalogues, { sort: { field: 'version', order: 'DESC' }, range: { start: 0, end: 1 } });
    expect(page.total).toBe(3);
    expect(page.data.map((c) => c.id)).toEqual(['genq-default@3.0.0', 'genq-default@2.0.0']);
    const criteriaOfFirstField = seed.actionFields[0].criteria.length;
    const allCriteria = seed.actionFields.reduce((n: number, af: { criteria: unknown[] }) => n + af.criteria.length, 0);
    expect(page.data[0]).toMatchObject({ title: 'Kleiner Katalog', actionFields: 1, criteria: criteriaOfFirstField, indicators: seed.indicators.length });
    expect(page.data[1]).toMatchObject({ actionFields: seed.actionFields.length, criteria: allCriteria });
    expect(Date.parse(page.data[0]!.createdAt)).not.toBeNaN();

    const rest = await service.send<Page<CatalogueVersionDto>>(AnalysisPatterns.listCatalogues, { sort: { field: 'version', order: 'DESC' }, range: { start: 2, end: 9 } });
    expect(rest).toMatchObject({ total: 3, data: [{ id: 'genq-default@1.0.0' }] });
    const byTitle = await service.send<Page<CatalogueVersionDto>>(AnalysisPatterns.listCatalogues, { filter: { q: 'kleiner' } });
    expect(byTitle.data.map((c) => c.id)).toEqual(['genq-default@3.0.0']);
    await expect(service.refusal(AnalysisPatterns.listCatalogues, { sort: { field: 'document', order: 'ASC' } })).resolves.toMatchObject({ status: 400 });
  });

  it('answers an unknown catalogue version with 404', async () => {
    await expect(service.refusal(AnalysisPatterns.getCatalogue, 'genq-default@9.9.9')).resolves.toMatchObject({ status: 404 });
  });

  it('answers its health pattern with the database state', async () => {
    await expect(service.send(AnalysisPatterns.health, {})).resolves.toEqual({
      service: 'analysis',
      database: { type: label, up: true },
      // Without a NATS configuration (as here) the events wait in the outbox, and the relay says so:
      // the audit entries of the two catalogue versions created above.
      events: { connected: false, unpublished: 2, oldestUnpublishedAt: expect.any(String) },
    });
  });
});
