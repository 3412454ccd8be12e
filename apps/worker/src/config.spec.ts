import { DEFAULT_WORKER_LIMITS, readWorkerConfig } from './config';

describe('readWorkerConfig limits', () => {
  it('takes the documented defaults when nothing is set', () => {
    expect(readWorkerConfig({}).limits).toEqual(DEFAULT_WORKER_LIMITS);
  });

  it('takes the cache size and concurrency from the environment', () => {
    const { limits } = readWorkerConfig({ WORKER_MAX_CACHED_WORKFLOWS: '200', WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '8', WORKER_MAX_CONCURRENT_ACTIVITIES: '32' });
    expect(limits).toEqual({ maxCachedWorkflows: 200, maxConcurrentWorkflowTaskExecutions: 8, maxConcurrentActivityTaskExecutions: 32 });
  });

  it('refuses a limit that is not a whole number in range, naming the variable', () => {
    expect(() => readWorkerConfig({ WORKER_MAX_CACHED_WORKFLOWS: 'many', WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '1' })).toThrow(
      /WORKER_MAX_CACHED_WORKFLOWS must be an integer[\s\S]*WORKER_MAX_CONCURRENT_WORKFLOW_TASKS must be an integer/,
    );
  });
});

describe('readWorkerConfig workflowsPath', () => {
  it('bundles @genq/workflows unless a canary or test names another module', () => {
    expect(readWorkerConfig({}).workflowsPath).toBe(require.resolve('@genq/workflows'));
    expect(readWorkerConfig({ WORKER_WORKFLOWS_PATH: '/tmp/canary-workflows.js' }).workflowsPath).toBe('/tmp/canary-workflows.js');
  });
});
