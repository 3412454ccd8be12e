import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';

const dir = join(__dirname, 'histories');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));

/**
 * Every committed history replays against the current workflow code. A change that would
 * break a quarter already running (four years is a long time) fails here, not in production:
 * make such changes with patched() and record new histories beside the old ones.
 */
describe('replay of committed workflow histories', () => {
  beforeAll(() => {
    Runtime.install({ logger: new DefaultLogger('WARN') });
  });

  it('has histories of every workflow type', () => {
    const types = new Set(files.map((f) => f.split('.')[0]));
    expect(types).toEqual(new Set(['quarterLifecycleWorkflow', 'batchInterventionWorkflow']));
  });

  it.each(files)('replays %s without nondeterminism', async (file) => {
    const history = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    await Worker.runReplayHistory({ workflowsPath: require.resolve('../src') }, history, file);
  });
});
