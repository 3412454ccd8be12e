import { isRpcErrorPayload } from './messages';
import { quarterIdFromWorkflowId, quarterWorkflowId } from './process';

describe('process contract', () => {
  it('addresses one workflow per quarter by its id', () => {
    expect(quarterWorkflowId('3f1c')).toBe('quarter-3f1c');
    expect(quarterIdFromWorkflowId(quarterWorkflowId('3f1c'))).toBe('3f1c');
    expect(quarterIdFromWorkflowId('batch-1')).toBeUndefined();
  });

  it('recognises typed service errors on the wire', () => {
    expect(isRpcErrorPayload({ status: 400, message: 'Validation failed', errors: {} })).toBe(true);
    expect(isRpcErrorPayload({ message: 'no status' })).toBe(false);
    expect(isRpcErrorPayload(new Error('x'))).toBe(false);
  });
});
