import type { Connection } from '@temporalio/client';
import { missingSearchAttributes } from '@genq/contracts/temporal';

/**
 * Registers the process's custom search attributes in the namespace if any is missing,
 * so `temporal workflow list --query "GenqStalled = true"` works on a fresh cluster.
 */
export async function registerSearchAttributes(connection: Pick<Connection, 'operatorService'>, namespace: string): Promise<string[]> {
  const existing = await connection.operatorService.listSearchAttributes({ namespace });
  const searchAttributes = missingSearchAttributes(Object.keys(existing.customAttributes ?? {}));
  if (Object.keys(searchAttributes).length === 0) return [];
  await connection.operatorService.addSearchAttributes({ namespace, searchAttributes });
  return Object.keys(searchAttributes);
}
