import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { AnalysisPatterns, type CatalogueVersionDto, type Page, type ServiceHealth } from '@genq/contracts';
import { ServiceUnavailableError, startServiceForTest, type ServiceUnderTest } from '@genq/service-kit';
import { AnalysisModule } from '../src/app.module';

/**
 * Two replicas of the analysis service on one NATS and one database: requests are spread
 * over both by their queue group, each reaches exactly one, and one replica going away
 * (stopped while it answers, or its connection cut as in a crash) leaves every request answered.
 */
describe('two replicas of a service', () => {
  const catalogueSeedPath = resolve(__dirname, '../seed/catalogue-genq-default-1.0.0.json');
  let dir: string;
  let first: ServiceUnderTest;
  let second: ServiceUnderTest;
  let third: ServiceUnderTest | undefined;

  const start = () => startServiceForTest('analysis', AnalysisModule.forRoot, { database: { type: 'sqlite', path: join(dir, 'analysis.sqlite') }, catalogueSeedPath });
  const received = (...replicas: ServiceUnderTest[]) => replicas.reduce((sum, r) => sum + r.requestsReceived(), 0);
  /** `n` requests, `parallel` at a time, through `via` (any replica's client reaches all of them). */
  const requests = async (via: ServiceUnderTest, n: number, parallel = 5) => {
    let next = 0;
    const answers: Array<Page<CatalogueVersionDto>> = [];
    await Promise.all(
      Array.from({ length: parallel }, async () => {
        while (next < n) {
          next++;
          answers.push(await via.send<Page<CatalogueVersionDto>>(AnalysisPatterns.listCatalogues, {}));
        }
      }),
    );
    return answers;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'genq-replicas-'));
    // One after the other: the first runs the migrations and imports the catalogue.
    first = await start();
    second = await start();
  }, 60_000);
  afterAll(async () => {
    await first?.close();
    await second?.close();
    await third?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('share one NATS server', () => {
    expect(second.nats.url).toBe(first.nats.url);
  });

  it('spread requests over both replicas, each request reaching exactly one', async () => {
    const before = [first.requestsReceived(), second.requestsReceived()];
    const answers = await requests(first, 40);
    expect(answers).toHaveLength(40);
    for (const page of answers) expect(page.data[0]).toMatchObject({ id: 'genq-default@1.0.0' });
    const byFirst = first.requestsReceived() - before[0]!;
    const bySecond = second.requestsReceived() - before[1]!;
    expect(byFirst + bySecond).toBe(40);
    // Random choice per request: both doing nothing of 40 has a chance of 2^-39.
    expect(byFirst).toBeGreaterThan(0);
    expect(bySecond).toBeGreaterThan(0);
  });

  it('answers every request while one replica stops in the middle of them', async () => {
    third = await start();
    const firstBefore = first.requestsReceived();
    const othersBefore = received(second, third);
    // Requests through a replica that stays; the first one stops once it has taken a few.
    const stopFirst = async () => {
      while (first.requestsReceived() < firstBefore + 3) await new Promise((r) => setTimeout(r, 1));
      await first.close();
    };
    const [answers] = await Promise.all([requests(second, 60), stopFirst()]);
    expect(answers).toHaveLength(60);
    for (const page of answers) expect(page.total).toBe(1);
    expect(received(second, third) - othersBefore).toBeLessThanOrEqual(57);
    // Afterwards only the others answer.
    const after = received(second, third);
    await requests(second, 20);
    expect(received(second, third) - after).toBe(20);
  }, 30_000);

  it('answers every request after a replica crashed (its connection cut, no goodbye)', async () => {
    await third!.crash();
    const health = await requests(second, 20);
    expect(health).toHaveLength(20);
    const answered = await second.send<ServiceHealth>(AnalysisPatterns.health, {});
    expect(answered.database.up).toBe(true);
  }, 30_000);

  it('carries uploads of megabytes (max_payload of infra/nats/nats.conf) and refuses larger ones with 413', async () => {
    // A 5 MB workbook as base64: it reaches the service, which refuses it as no workbook of a known quarter.
    const xlsxBase64 = Buffer.alloc(5 * 1024 * 1024, 1).toString('base64');
    const refusal = await second.refusal(AnalysisPatterns.importIndicatorWorkbook, { quarterId: '00000000-0000-4000-8000-000000000000', xlsxBase64 });
    expect(refusal.status).toBeGreaterThanOrEqual(400);
    expect(refusal.status).toBeLessThan(500);
    const tooLarge = await second.refusal(AnalysisPatterns.importIndicatorWorkbook, { quarterId: '00000000-0000-4000-8000-000000000000', xlsxBase64: 'A'.repeat(9 * 1024 * 1024) });
    expect(tooLarge.status).toBe(413);
  }, 30_000);

  it('refuses at once with ServiceUnavailableError where no replica listens (NATS "no responders")', async () => {
    const startedAt = Date.now();
    const err = await second.send('analysis.nobody-listens-here', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceUnavailableError);
    expect((err as Error).message).toMatch(/no replica listens on analysis\.nobody-listens-here/);
    expect(Date.now() - startedAt).toBeLessThan(2000);
  });
});
