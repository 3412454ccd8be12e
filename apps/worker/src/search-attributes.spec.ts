import { SEARCH_ATTRIBUTES } from '@genq/contracts/temporal';
import { registerSearchAttributes } from './search-attributes';

/** An operator service answering like a frontend whose namespace cache is still cold. */
function operatorService(notFoundTimes: number, otherError?: Error) {
  const calls = { list: 0, add: [] as unknown[] };
  return {
    calls,
    connection: {
      operatorService: {
        listSearchAttributes: async () => {
          calls.list++;
          if (otherError) throw otherError;
          if (calls.list <= notFoundTimes) throw Object.assign(new Error('Namespace default is not found.'), { code: 5 });
          return { customAttributes: {} };
        },
        addSearchAttributes: async (req: unknown) => {
          calls.add.push(req);
          return {};
        },
      },
    } as never,
  };
}

describe('registerSearchAttributes', () => {
  it('waits for a namespace the frontend does not know yet, then adds every attribute', async () => {
    const { connection, calls } = operatorService(2);
    const added = await registerSearchAttributes(connection, 'default', { retryEveryMs: 1 });
    expect(calls.list).toBe(3);
    expect(added.sort()).toEqual(Object.values(SEARCH_ATTRIBUTES).map((a) => a.name).sort());
  });

  it('gives up when the namespace stays unknown', async () => {
    const { connection } = operatorService(Number.MAX_SAFE_INTEGER);
    await expect(registerSearchAttributes(connection, 'nope', { waitForNamespaceMs: 20, retryEveryMs: 5 })).rejects.toThrow(/not found/);
  });

  it('does not retry other errors', async () => {
    const { connection, calls } = operatorService(0, Object.assign(new Error('permission denied'), { code: 7 }));
    await expect(registerSearchAttributes(connection, 'default', { retryEveryMs: 1 })).rejects.toThrow(/permission denied/);
    expect(calls.list).toBe(1);
  });
});
