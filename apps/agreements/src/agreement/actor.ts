import { rpcError } from '@genq/service-kit';

export { requireActor } from '@genq/service-kit';

export function requireId(value: unknown, field: string): string {
  if (typeof value !== 'string' || !/^[0-9a-f-]{36}$/i.test(value)) throw rpcError(400, 'Validation failed', { [field]: `${field} must be a UUID` });
  return value;
}
