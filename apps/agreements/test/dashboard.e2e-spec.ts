import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { startTestDatabases, type TestDatabases } from '@genq/infra';
import { DashboardPatterns, type AgreementsDashboard } from '@genq/contracts';
import { startServiceForTest, type DatabaseConfig, type ServiceUnderTest } from '@genq/service-kit';
import { AgreementsModule } from '../src/app.module';
import { Certificate, Goal, Measure } from '../src/entities';

const DAY = 86_400_000;

let dbs: TestDatabases;
beforeAll(async () => {
  dbs = await startTestDatabases('agreements-dashboard');
}, 180_000);
afterAll(async () => {
  await dbs?.cleanup();
});

/**
 * The dashboard's measures and certificates: one GROUP BY each, restricted to the quarters
 * the gateway names. Rows are written straight into the tables (the flows that make them
 * are tested in agreements.e2e-spec.ts); what is under test is the aggregate.
 */
describe.each(['sqlite', 'postgres'])('agreements dashboard figures on %s', (label) => {
  let service: ServiceUnderTest;
  const send = <T>(pattern: string, payload: unknown) => service.send<T>(pattern, payload);
  const [q1, q2, q3] = [randomUUID(), randomUUID(), randomUUID()];

  beforeAll(async () => {
    const database = dbs.databases.find((d) => d.label === label)!.config as DatabaseConfig;
    service = await startServiceForTest('agreements', AgreementsModule.forRoot, { database });
    const m = service.app.get(DataSource).manager;
    const goal = async (quarterId: string, actionFieldId: string) => {
      const g = m.create(Goal, { id: randomUUID(), quarterId, actionFieldId: actionFieldId as Goal['actionFieldId'], title: 'Ziel', criterionIds: [], indicator: 'i', baseline: null, targetValue: '1', targetDate: '2027-01-01', targetGroups: [] });
      return (await m.save(g)).id;
    };
    const measure = (quarterId: string, goalId: string, status: string) =>
      m.save(
        m.create(Measure, {
          id: randomUUID(),
          quarterId,
          goalId,
          title: 'Maßnahme',
          description: '',
          ownerOrganisationId: null,
          partnerOrganisationIds: [],
          kind: 'unmittelbar',
          targetGroups: [],
          start: null,
          end: null,
          milestones: [],
          cost: null,
          funding: [],
          status,
          statusHistory: [],
        }),
      );
    const g1 = await goal(q1, 'HF1');
    const g2 = await goal(q1, 'HF2');
    const g3 = await goal(q2, 'HF1');
    await measure(q1, g1, 'geplant');
    await measure(q1, g1, 'geplant');
    await measure(q1, g1, 'umgesetzt');
    await measure(q1, g2, 'in Umsetzung');
    await measure(q2, g3, 'geplant');
    await measure(q3, await goal(q3, 'HF4'), 'verzögert');
    const certificate = (quarterId: string, validInDays: number, n: number) =>
      m.save(
        m.create(Certificate, {
          id: randomUUID(),
          number: `GENQ-TEST-${label}-${n}`,
          quarterId,
          quarterName: `Quartier ${n}`,
          versionId: randomUUID(),
          partners: [],
          issuedAt: new Date(Date.now() - 365 * DAY),
          validUntil: new Date(Date.now() + validInDays * DAY),
          verificationCode: randomUUID().replace(/-/g, ''),
        }),
      );
    await certificate(q1, 60, 1);
    await certificate(q2, 500, 2);
    await certificate(q3, 10, 3);
  }, 60_000);
  afterAll(async () => {
    await service?.close();
  });

  it('counts measures per action field and status, and certificates issued and expiring within 90 days', async () => {
    const d = await send<AgreementsDashboard>(DashboardPatterns.agreements, {});
    expect(d.measures).toEqual([
      { actionFieldId: 'HF1', status: 'geplant', count: 3 },
      { actionFieldId: 'HF1', status: 'umgesetzt', count: 1 },
      { actionFieldId: 'HF2', status: 'in Umsetzung', count: 1 },
      { actionFieldId: 'HF4', status: 'verzögert', count: 1 },
    ]);
    expect(d.certificates.issued).toBe(3);
    expect(d.certificates.expiring.count).toBe(2);
    // Soonest first.
    expect(d.certificates.expiring.first.map((c) => c.quarterName)).toEqual(['Quartier 3', 'Quartier 1']);
    expect(Math.abs(new Date(d.certificates.expiring.first[0]!.validUntil).getTime() - (Date.now() + 10 * DAY))).toBeLessThan(60_000);
  });

  it('counts only the quarters it is given', async () => {
    const d = await send<AgreementsDashboard>(DashboardPatterns.agreements, { quarterIds: [q1] });
    expect(d.measures).toEqual([
      { actionFieldId: 'HF1', status: 'geplant', count: 2 },
      { actionFieldId: 'HF1', status: 'umgesetzt', count: 1 },
      { actionFieldId: 'HF2', status: 'in Umsetzung', count: 1 },
    ]);
    expect(d.certificates).toEqual({ issued: 1, expiring: { count: 1, first: [expect.objectContaining({ quarterId: q1 })] } });
    await expect(send<AgreementsDashboard>(DashboardPatterns.agreements, { quarterIds: [] })).resolves.toEqual({
      measures: [],
      certificates: { issued: 0, expiring: { count: 0, first: [] } },
    });
  });

  it('refuses a malformed restriction with 400', async () => {
    await expect(service.refusal(DashboardPatterns.agreements, { quarterIds: 'alle' })).resolves.toMatchObject({ status: 400, code: 'request.invalid', errors: [{ field: 'quarterIds', code: 'validation.isArray' }] });
  });
});
