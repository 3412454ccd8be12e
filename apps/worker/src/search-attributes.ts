import type { Connection } from '@temporalio/client';
import { missingSearchAttributes } from '@genq/contracts/temporal';

/** gRPC NOT_FOUND: the frontend does not know the namespace (yet). */
const NOT_FOUND = 5;

/**
 * Registers the process's custom search attributes in the namespace if any is missing,
 * so `temporal workflow list --query "GenqStalled = true"` works on a fresh cluster.
 *
 * A namespace created moments before (a fresh cluster's set-up job, then the workers) is
 * "not found" until the frontend's namespace cache refreshes (every few seconds): that answer
 * is retried for `waitForNamespaceMs`; any other error, or a namespace still missing after
 * it, fails the start as before.
 */
export async function registerSearchAttributes(
  connection: Pick<Connection, 'operatorService'>,
  namespace: string,
  { waitForNamespaceMs = 30_000, retryEveryMs = 1_000 }: { waitForNamespaceMs?: number; retryEveryMs?: number } = {},
): Promise<string[]> {
  const giveUpAt = Date.now() + waitForNamespaceMs;
  for (;;) {
    try {
      const existing = await connection.operatorService.listSearchAttributes({ namespace });
      const searchAttributes = missingSearchAttributes(Object.keys(existing.customAttributes ?? {}));
      if (Object.keys(searchAttributes).length === 0) return [];
      await connection.operatorService.addSearchAttributes({ namespace, searchAttributes });
      return Object.keys(searchAttributes);
    } catch (err) {
      if ((err as { code?: number }).code !== NOT_FOUND || Date.now() >= giveUpAt) throw err;
      await new Promise((resolve) => setTimeout(resolve, retryEveryMs));
    }
  }
}
