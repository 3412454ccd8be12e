import { Metadata, status, type ServiceError as GrpcServiceError } from '@grpc/grpc-js';
import { ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { isEngineUnavailable } from './engine-errors';

/** A gRPC error as the Temporal frontend answers it. */
function grpc(code: status, details: string): GrpcServiceError {
  return Object.assign(new Error(`${code} ${details}`), { code, details, metadata: new Metadata() });
}

/** What the Temporal client throws around it (its rethrowGrpcError). */
const wrapped = (code: status, details: string) => new ServiceError('Failed to query Workflow', { cause: grpc(code, details) });

describe('isEngineUnavailable: which failures of Temporal a client should retry', () => {
  it('takes a query that ran out of time, an engine that is away or overloaded, an update cut off for a moment', () => {
    expect(isEngineUnavailable(wrapped(status.DEADLINE_EXCEEDED, 'context deadline exceeded'))).toBe(true);
    expect(isEngineUnavailable(wrapped(status.UNAVAILABLE, 'connection refused'))).toBe(true);
    expect(isEngineUnavailable(wrapped(status.RESOURCE_EXHAUSTED, 'namespace rate limit exceeded'))).toBe(true);
    expect(isEngineUnavailable(wrapped(status.FAILED_PRECONDITION, 'Workflow task is not scheduled yet'))).toBe(true);
    expect(isEngineUnavailable(new ServiceError('Unexpected error while making gRPC request'))).toBe(true);
    expect(isEngineUnavailable(new WorkflowUpdateRPCTimeoutOrCancelledError('Workflow update call timeout or cancelled'))).toBe(true);
  });

  it('leaves a request the engine calls wrong, and every error that is not the engine\'s, to be a 500', () => {
    expect(isEngineUnavailable(wrapped(status.INVALID_ARGUMENT, 'invalid query'))).toBe(false);
    expect(isEngineUnavailable(wrapped(status.PERMISSION_DENIED, 'not allowed'))).toBe(false);
    expect(isEngineUnavailable(new TypeError('undefined is not a function'))).toBe(false);
    expect(isEngineUnavailable('a string')).toBe(false);
  });
});
