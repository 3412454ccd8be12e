import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { QUARTER_LIFECYCLE_WORKFLOW, type DomainEvent, type QuarterDto } from '@genq/contracts';
import { ServiceError, ServiceUnavailableError } from '@genq/service-kit';
import { isTransientForStarter, processStarter, RECONCILE_GRACE_MS, StartConfirmations, StartReconciler, type StarterDeps } from './process-starter';

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
      workflowTaskTimeout: '30s',
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

describe('start confirmations', () => {
  it('confirms a lone start at once and the starts that finish meanwhile in one request', async () => {
    const requests: string[][] = [];
    let release: () => void = () => undefined;
    const send = (ids: string[]) => {
      requests.push(ids);
      // The first request waits until released; the rest answer at once.
      return requests.length === 1 ? new Promise<void>((r) => (release = r)) : Promise.resolve();
    };
    const confirmations = new StartConfirmations(send, 3);
    const settled: string[] = [];
    const first = confirmations.confirm('q-1').then(() => settled.push('q-1'));
    const later = ['q-2', 'q-3', 'q-4', 'q-5'].map((id) => confirmations.confirm(id).then(() => settled.push(id)));
    await new Promise((r) => setImmediate(r));
    // Nothing is confirmed before its request has answered.
    expect(requests).toEqual([['q-1']]);
    expect(settled).toEqual([]);
    release();
    await Promise.all([first, ...later]);
    expect(requests).toEqual([['q-1'], ['q-2', 'q-3', 'q-4'], ['q-5']]);
    expect(settled.sort()).toEqual(['q-1', 'q-2', 'q-3', 'q-4', 'q-5']);
  });

  it('fails every start of a refused batch, and sends the next batch all the same', async () => {
    let calls = 0;
    const confirmations = new StartConfirmations(async (ids) => {
      calls++;
      if (ids.includes('q-1')) throw new ServiceUnavailableError('actors', 'away');
    });
    const results = await Promise.allSettled([confirmations.confirm('q-1'), confirmations.confirm('q-2')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled']);
    expect(calls).toBe(2);
    await expect(confirmations.confirm('q-3')).resolves.toBeUndefined();
  });
});
