import { isGrpcServiceError, ServiceError, WorkflowUpdateRPCTimeoutOrCancelledError, type Client } from '@temporalio/client';

/**
 * gRPC answers of the Temporal frontend that say the request itself is wrong: a defect in the
 * gateway, answered 500. Every other failure of a call to the engine is the engine (or the
 * worker it waits for) being away for a moment: a worker killed in the middle of a workflow
 * task, whose query or update waits for the task to time out; a frontend restarting; a
 * persistence hiccup. Those are answered 503 with Retry-After, like a service that is away,
 * so a client retries instead of reporting an error (the production profile's fault test).
 */
const REQUEST_DEFECTS = new Set<number>([
  3, // INVALID_ARGUMENT
  5, // NOT_FOUND
  6, // ALREADY_EXISTS
  7, // PERMISSION_DENIED
  11, // OUT_OF_RANGE
  12, // UNIMPLEMENTED
  16, // UNAUTHENTICATED
]);

/** The gRPC status code behind an error of the Temporal client, if it has one. */
function grpcCodeOf(err: unknown): number | undefined {
  if (isGrpcServiceError(err)) return err.code;
  if (err instanceof Error && err.cause !== undefined && err.cause !== err) return grpcCodeOf(err.cause);
  return undefined;
}

/** Whether a failed call to Temporal is worth retrying in a moment (answered 503 with Retry-After). */
export function isEngineUnavailable(err: unknown): boolean {
  if (err instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
  if (!(err instanceof ServiceError) && !isGrpcServiceError(err)) return false;
  const code = grpcCodeOf(err);
  // A ServiceError without a gRPC status is the connection failing before any answer.
  return code === undefined || !REQUEST_DEFECTS.has(code);
}

/** How long the gateway waits for a query (as for a service's answer). */
export const QUERY_DEADLINE_MS = 10_000;

/**
 * A query to a workflow, given up after QUERY_DEADLINE_MS: a worker killed while it held the
 * workflow's task leaves the query waiting for the task's timeout, and the request with it.
 */
export function queryInTime<R>(client: Client, query: () => Promise<R>): Promise<R> {
  return client.withDeadline(Date.now() + QUERY_DEADLINE_MS, query);
}
