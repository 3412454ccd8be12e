import 'reflect-metadata';
import { startTestDatabases, type TestDatabases } from '@genq/infra';
import { AgreementsPatterns } from '@genq/contracts';
import { startServiceForTest, type DatabaseConfig, type ServiceUnderTest } from '@genq/service-kit';
import { AgreementsModule } from '../src/app.module';

let dbs: TestDatabases;
beforeAll(async () => {
  dbs = await startTestDatabases('agreements');
}, 180_000);
afterAll(async () => {
  await dbs?.cleanup();
});

describe.each(['sqlite', 'postgres'])('agreements service on %s', (label) => {
  let service: ServiceUnderTest;

  beforeAll(async () => {
    const database = dbs.databases.find((d) => d.label === label)!.config as DatabaseConfig;
    service = await startServiceForTest('agreements', AgreementsModule.forRoot, { database });
  }, 60_000);
  afterAll(async () => {
    await service?.close();
  });

  it('owns its own migrated database and reports it healthy', async () => {
    expect(await service.schemaDrift()).toEqual([]);
    await expect(service.send(AgreementsPatterns.health, {})).resolves.toEqual({ service: 'agreements', database: { type: label, up: true } });
  });
});
