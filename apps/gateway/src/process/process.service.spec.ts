import { HttpException } from '@nestjs/common';
import { ApplicationFailure, WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { PROCESS_REFUSAL_TYPE, type Intervention } from '@genq/contracts';
import { toProblemDetails } from '../security/problem-response';
import { ProcessService } from './process.service';

/** A Temporal client whose quarter workflow answers every update with `failure`. */
function temporalFailing(failure: unknown): Client {
  const handle = {
    executeUpdate: () => Promise.reject(failure),
    query: () => Promise.reject(failure),
  };
  return { workflow: { getHandle: () => handle }, withDeadline: (_deadline: number, fn: () => Promise<unknown>) => fn() } as unknown as Client;
}

const pause = { kind: 'pause', reason: 'Kommunalwahl', operator: { id: 'u', name: 'o' } } as Intervention;

/** What the gateway answers for the error the service throws, in a locale. */
async function answered(failure: unknown, locale: 'de' | 'en') {
  const err = await new ProcessService(temporalFailing(failure)).intervene('q-1', pause).then(
    () => {
      throw new Error('expected a refusal');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(HttpException);
  const http = err as HttpException;
  const body = http.getResponse() as { code?: string; message?: string; params?: Record<string, string> };
  return toProblemDetails({ status: http.getStatus(), code: body.code, message: body.message, params: body.params }, locale);
}

const refusal = (code: string, params: Record<string, unknown>, message: string) =>
  new WorkflowUpdateFailedError('Workflow Update failed', ApplicationFailure.create({ type: PROCESS_REFUSAL_TYPE, message, details: [{ code, params }], nonRetryable: true }));

describe('ProcessService: a workflow refusal becomes a problem with its code', () => {
  it('answers the refusal code and parameters with 409, German by default and English on request', async () => {
    const failure = refusal('quarter.paused', { since: '2027-03-01' }, 'the quarter is paused since 2027-03-01T10:00:00.000Z');
    expect(await answered(failure, 'de')).toMatchObject({ status: 409, code: 'quarter.paused', params: { since: '2027-03-01' }, detail: 'Das Quartier ist seit dem 2027-03-01 pausiert.' });
    expect(await answered(failure, 'en')).toMatchObject({ status: 409, code: 'quarter.paused', detail: 'The quarter is paused since 2027-03-01.' });
  });

  it('says a status parameter in words', async () => {
    const failure = refusal('deadline.already_done', { name: 'Auftakt', status: 'waived' }, '"Auftakt" is already waived');
    expect((await answered(failure, 'de')).detail).toBe('„Auftakt“ ist bereits übersprungen.');
  });

  it('keeps the text of a refusal from a worker before codes as legacy.conflict', async () => {
    const failure = new WorkflowUpdateFailedError('Workflow Update failed', ApplicationFailure.create({ type: 'Refusal', message: 'the quarter is not paused' }));
    expect(await answered(failure, 'de')).toMatchObject({ status: 409, code: 'legacy.conflict', detail: 'the quarter is not paused' });
  });

  it('answers a quarter without a workflow with quarter.no_process', async () => {
    const failure = new WorkflowNotFoundError('not found', 'quarter-q-1', undefined);
    expect(await answered(failure, 'de')).toMatchObject({ status: 404, code: 'quarter.no_process', params: { quarterId: 'q-1' }, detail: 'Für das Quartier q-1 läuft kein Prozess.' });
  });
});
