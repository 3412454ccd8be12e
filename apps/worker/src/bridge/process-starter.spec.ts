import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { QUARTER_LIFECYCLE_WORKFLOW, type DomainEvent, type QuarterDto } from '@genq/contracts';
import { ServiceError, ServiceUnavailableError } from '@genq/service-kit';
import { isTransientForStarter, processStarter, RECONCILE_GRACE_MS, StartReconciler, type StarterDeps } from './process-starter';

const calendar = { stepDurations: { kickoff: 30 } } as never;
const registered: DomainEvent = {
  id: 'quarter-registered:q-1',
  type: 'quarter.registered',
  version: 1,
  source: 'actors',
  quarterId: 'q-1',
  occurredAt: '2026-02-10T09:00:00.000Z',
  payload: {
    programmeId: 'p-1',
    calendar,
    startedAt: '2026-02-01T00:00:00.000Z',
    startAt: { phase: 'development', stepKey: 'analysis' },
    quarter: { name: 'Eving', land: 'Nordrhein-Westfalen', municipality: 'Dortmund', housingCompany: 'DOGEWO21' },
  },
};

function deps(start: jest.Mock, over: Partial<StarterDeps['actors']> = {}) {
  const marked: string[] = [];
  const d: StarterDeps = {
    client: { workflow: { start } } as unknown as Client,
    taskQueue: 'genq-process',
    actors: {
      markWorkflowStarted: async (id) => marked.push(id),
      quartersAwaitingWorkflow: async () => [],
      programme: async (id) => ({ id, name: 'P', catalogueId: 'c', catalogueVersion: '1', calendar }),
      ...over,
    },
    log: { info: () => undefined, warn: () => undefined },
  };
  return { d, marked };
}

describe('process starter', () => {
  it('starts the workflow from the registration (REJECT_DUPLICATE) and confirms the start', async () => {
    const start = jest.fn().mockResolvedValue(undefined);
    const { d, marked } = deps(start);
    await processStarter(d)(registered);
    expect(start).toHaveBeenCalledWith(QUARTER_LIFECYCLE_WORKFLOW, {
      taskQueue: 'genq-process',
      workflowId: 'quarter-q-1',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      args: [{ quarterId: 'q-1', programmeId: 'p-1', calendar, startedAt: '2026-02-01T00:00:00.000Z', startAt: { phase: 'development', stepKey: 'analysis' }, quarter: (registered.payload as { quarter: unknown }).quarter }],
    });
    expect(marked).toEqual(['q-1']);
  });

  it('counts an already started workflow as success (a redelivery) and still confirms it', async () => {
    const start = jest.fn().mockRejectedValue(new WorkflowExecutionAlreadyStartedError('already started', 'quarter-q-1', 'quarterLifecycle'));
    const { d, marked } = deps(start);
    await processStarter(d)(registered);
    expect(marked).toEqual(['q-1']);
  });

  it('ignores other events', async () => {
    const start = jest.fn();
    const { d, marked } = deps(start);
    await processStarter(d)({ ...registered, type: 'kickoff.recorded', payload: { date: '2026-02-10' } });
    expect(start).not.toHaveBeenCalled();
    expect(marked).toEqual([]);
  });

  it('retries while Temporal or the actors service is unreachable, not for a refusal', () => {
    expect(isTransientForStarter(Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14 }))).toBe(true);
    expect(isTransientForStarter(new ServiceUnavailableError('actors', new Error('no answer within 10000 ms')))).toBe(true);
    expect(isTransientForStarter(new ServiceError('actors', { status: 404, message: 'Quarter q-1 not found' }))).toBe(false);
  });

  it('reconciles quarters whose start was never confirmed, leaving young ones to the consumer', async () => {
    const start = jest.fn().mockResolvedValue(undefined);
    const asked: number[] = [];
    const old = { id: 'q-old', programmeId: 'p-1', startedAt: '2025-01-01T00:00:00.000Z', startAt: null, name: 'Alt', land: 'NRW', municipality: 'Bochum', housingCompany: 'VBW' } as unknown as QuarterDto;
    const { d, marked } = deps(start, { quartersAwaitingWorkflow: async (ms) => (asked.push(ms), [old]) });
    await expect(new StartReconciler(d).reconcile()).resolves.toBe(1);
    expect(asked).toEqual([RECONCILE_GRACE_MS]);
    expect(start.mock.calls[0][1]).toMatchObject({ workflowId: 'quarter-q-old', args: [{ quarterId: 'q-old', calendar, quarter: { name: 'Alt' } }] });
    expect(start.mock.calls[0][1].args[0]).not.toHaveProperty('startAt');
    expect(marked).toEqual(['q-old']);
  });
});
