import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { startTestDatabases, type TestDatabases } from '@genq/infra';
import { AgreementsMessagePatterns as P, type Actor, type AgreementVersionDto, type AuditRecordCommand, type GoalDto, type HandlungskonzeptDto, type MeasureDto } from '@genq/contracts';
import { OutboxEventRow, startServiceForTest, type DatabaseConfig, type ServiceUnderTest } from '@genq/service-kit';
import { AgreementsModule } from '../src/app.module';
import { person } from './support/actors';

let dbs: TestDatabases;
beforeAll(async () => {
  dbs = await startTestDatabases('agreements-concept-edit');
}, 180_000);
afterAll(async () => {
  await dbs?.cleanup();
});

const HC = randomUUID();
const MUNI = randomUUID();
const partner = person('partner', HC);
const viewer: Actor = person('viewer', null);

/** Goals and measures are edited and deleted while the Handlungskonzept is drafted (issue 17), never after its submission. */
describe.each(['sqlite', 'postgres'])('editing the drafted Handlungskonzept on %s', (label) => {
  let service: ServiceUnderTest;
  let db: DataSource;

  beforeAll(async () => {
    const database = dbs.databases.find((d) => d.label === label)!.config as DatabaseConfig;
    service = await startServiceForTest('agreements', AgreementsModule.forRoot, { database });
    db = service.app.get(DataSource);
  }, 60_000);
  afterAll(async () => {
    await service?.close();
  });

  const audits = async (quarterId: string) =>
    (await db.getRepository(OutboxEventRow).find({ where: { quarterId, type: 'audit.recorded' }, order: { seq: 'ASC' } })).map((e) => e.payload as AuditRecordCommand);
  const concept = (quarterId: string) => service.send<HandlungskonzeptDto>(P.getConcept, { quarterId });
  const goal = (quarterId: string, title = 'Barrierearme Wohnungen schaffen') =>
    service.send<GoalDto>(P.createGoal, { actor: partner, quarterId, actionFieldId: 'HF2', title, indicator: 'Anzahl Wohnungen', baseline: '12', targetValue: '40', targetDate: '2029-12-31' });
  const measure = (quarterId: string, goalId: string, extra: Record<string, unknown> = {}) =>
    service.send<MeasureDto>(P.createMeasure, { actor: partner, quarterId, goalId, title: 'Umbau von 20 Bädern', kind: 'unmittelbar', ownerOrganisationId: HC, start: '2027-02-01', end: '2028-12-31', ...extra });

  it('changes only the given fields of a goal, clears an optional one by null, and audits before and after', async () => {
    const q = randomUUID();
    const g = await goal(q);
    const changed = await service.send<GoalDto>(P.updateGoal, { actor: partner, quarterId: q, goalId: g.id, title: '  Bäder barrierearm umbauen ', baseline: null, targetValue: '45' });
    expect(changed).toMatchObject({ id: g.id, title: 'Bäder barrierearm umbauen', baseline: null, targetValue: '45', indicator: 'Anzahl Wohnungen', actionFieldId: 'HF2', targetDate: '2029-12-31' });
    expect((await concept(q)).goals).toEqual([expect.objectContaining({ id: g.id, title: 'Bäder barrierearm umbauen', targetValue: '45' })]);
    expect((await audits(q)).at(-1)).toMatchObject({ action: 'goal.update', resourceType: 'goal', resourceId: g.id, before: { title: g.title, baseline: '12' }, after: { title: 'Bäder barrierearm umbauen', baseline: null } });
  });

  it('changes a measure (moving it to another goal of the quarter) and keeps its status and a milestone left as it was', async () => {
    const q = randomUUID();
    const g1 = await goal(q);
    const g2 = await goal(q, 'Begegnung stärken');
    const m = await measure(q, g1.id, { milestones: [{ title: 'Planung', due: '2027-06-30' }] });
    await service.send(P.reachMilestone, { actor: partner, quarterId: q, measureId: m.id, index: 1 });
    const changed = await service.send<MeasureDto>(P.updateMeasure, {
      actor: partner,
      quarterId: q,
      measureId: m.id,
      goalId: g2.id,
      title: 'Umbau von 25 Bädern',
      ownerOrganisationId: MUNI,
      cost: null,
      milestones: [{ title: 'Planung', due: '2027-06-30' }, { title: 'Bauabnahme', due: '2028-11-30' }],
    });
    expect(changed).toMatchObject({ id: m.id, goalId: g2.id, title: 'Umbau von 25 Bädern', ownerOrganisationId: MUNI, cost: null, status: 'geplant', start: '2027-02-01', end: '2028-12-31' });
    expect(changed.milestones).toEqual([
      { title: 'Planung', due: '2027-06-30', reachedAt: expect.any(String) },
      { title: 'Bauabnahme', due: '2028-11-30' },
    ]);
    const read = await concept(q);
    // Goals created within the same moment may come in either order: compare them by id.
    const measuresOf = Object.fromEntries(read.goals.map((g) => [g.id, g.measures.map((x) => x.title)]));
    expect(measuresOf).toEqual({ [g1.id]: [], [g2.id]: ['Umbau von 25 Bädern'] });
    expect((await audits(q)).at(-1)).toMatchObject({ action: 'measure.update', resourceId: m.id, before: { goalId: g1.id, title: 'Umbau von 20 Bädern' }, after: { goalId: g2.id, title: 'Umbau von 25 Bädern' } });
  });

  it('refuses a change with a goal of another quarter or an end before the start, and a viewer, and writes nothing', async () => {
    const q = randomUUID();
    const g = await goal(q);
    const other = await goal(randomUUID());
    const m = await measure(q, g.id);
    expect(await service.refusal(P.updateMeasure, { actor: partner, quarterId: q, measureId: m.id, goalId: other.id })).toMatchObject({
      status: 400,
      errors: [{ field: 'goalId', code: 'goal.unknown' }],
    });
    expect(await service.refusal(P.updateMeasure, { actor: partner, quarterId: q, measureId: m.id, end: '2027-01-01' })).toMatchObject({
      status: 400,
      errors: [{ field: 'end', code: 'measure.end_before_start' }],
    });
    expect(await service.refusal(P.updateMeasure, { actor: partner, quarterId: q, measureId: m.id, title: '', kind: 'irgendwie', cost: -1 })).toMatchObject({
      status: 400,
      code: 'request.invalid',
    });
    expect(await service.refusal(P.updateGoal, { actor: viewer, quarterId: q, goalId: g.id, title: 'Neu' })).toMatchObject({ status: 403, code: 'agreements.role_may_not', params: { action: 'draft_goals' } });
    expect(await service.refusal(P.deleteMeasure, { actor: partner, quarterId: randomUUID(), measureId: m.id })).toMatchObject({ status: 404, code: 'measure.not_found' });
    expect(await service.refusal(P.deleteGoal, { actor: partner, quarterId: randomUUID(), goalId: g.id })).toMatchObject({ status: 404, code: 'goal.not_found' });
    expect((await concept(q)).goals).toEqual([expect.objectContaining({ id: g.id, title: g.title, measures: [expect.objectContaining({ id: m.id, title: m.title, goalId: g.id, end: '2028-12-31' })] })]);
    expect((await audits(q)).map((a) => a.action)).toEqual(['goal.create', 'measure.create']);
  });

  it('deletes a measure, and a goal with its measures, audited one by one', async () => {
    const q = randomUUID();
    const g1 = await goal(q);
    const g2 = await goal(q, 'Begegnung stärken');
    const m1 = await measure(q, g1.id);
    const m2 = await measure(q, g2.id, { title: 'Quartierstreff' });
    const m3 = await measure(q, g2.id, { title: 'Nachbarschaftsfest' });
    await service.send(P.deleteMeasure, { actor: partner, quarterId: q, measureId: m1.id });
    await service.send(P.deleteGoal, { actor: partner, quarterId: q, goalId: g2.id });
    expect((await concept(q)).goals).toEqual([expect.objectContaining({ id: g1.id, measures: [] })]);
    const deletions = (await audits(q)).slice(5).map((a) => [a.action, a.resourceId, a.after]);
    expect(deletions[0]).toEqual(['measure.delete', m1.id, null]);
    // The goal's measures first (created within the same moment, in either order), then the goal.
    expect(deletions.slice(1, 3)).toEqual(expect.arrayContaining([['measure.delete', m2.id, null], ['measure.delete', m3.id, null]]));
    expect(deletions.slice(3)).toEqual([['goal.delete', g2.id, null]]);
    expect(await service.refusal(P.deleteMeasure, { actor: partner, quarterId: q, measureId: m1.id })).toMatchObject({ status: 404, code: 'measure.not_found' });
  });

  it('refuses every new goal or measure, change and deletion once the agreement is submitted, naming the version and its status', async () => {
    const q = randomUUID();
    const g = await goal(q);
    const m = await measure(q, g.id);
    const v = await service.send<AgreementVersionDto>(P.submit, { actor: partner, quarterId: q, quarterName: 'Testquartier', weakActionFields: [], windowStart: '2027-01-01' });
    expect(v.status).toBe('submitted');
    const locked = { status: 409, code: 'concept.locked', params: { number: 1, status: 'submitted' } };
    expect(await service.refusal(P.updateGoal, { actor: partner, quarterId: q, goalId: g.id, title: 'Später geändert' })).toMatchObject(locked);
    expect(await service.refusal(P.deleteGoal, { actor: partner, quarterId: q, goalId: g.id })).toMatchObject(locked);
    expect(await service.refusal(P.updateMeasure, { actor: partner, quarterId: q, measureId: m.id, title: 'Später geändert' })).toMatchObject(locked);
    expect(await service.refusal(P.deleteMeasure, { actor: partner, quarterId: q, measureId: m.id })).toMatchObject(locked);
    expect(await service.refusal(P.createGoal, { actor: partner, quarterId: q, actionFieldId: 'HF3', title: 'Nachgereicht', indicator: 'Treffen', targetValue: '12', targetDate: '2029-12-31' })).toMatchObject(locked);
    expect(await service.refusal(P.createMeasure, { actor: partner, quarterId: q, goalId: g.id, title: 'Nachgereicht', kind: 'mittelbar', ownerOrganisationId: HC, start: '2027-02-01', end: '2028-12-31' })).toMatchObject(locked);
    expect((await concept(q)).goals).toEqual([expect.objectContaining({ id: g.id, title: g.title, measures: [expect.objectContaining({ id: m.id, title: m.title })] })]);
    expect((await audits(q)).map((a) => a.action)).toEqual(['goal.create', 'measure.create', 'agreement.submit']);
  });
});
