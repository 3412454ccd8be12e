import type { TaskDto } from '@genq/contracts';
import { mergeTasks } from './tasks.service';

const t = (id: string, over: Partial<TaskDto>): TaskDto => ({ id, kind: 'step', quarterId: 'q', quarterName: 'Q', subject: null, dueAt: null, overdueSince: null, since: null, tab: 'overview', ...over });

describe('mergeTasks (the two owners’ tasks in one list)', () => {
  it('names the quarters the agreements service left unnamed and puts the most urgent first', () => {
    const own = [t('due-late', { dueAt: '2026-05-01T00:00:00.000Z' }), t('overdue', { dueAt: '2026-01-01T00:00:00.000Z', overdueSince: '2026-01-01T00:00:00.000Z' }), t('due-soon', { dueAt: '2026-02-01T00:00:00.000Z' })];
    const decisions = [t('review', { kind: 'review_agreement', quarterId: 'q2', quarterName: '', since: '2025-12-01T00:00:00.000Z' })];
    const list = mergeTasks([own, decisions], { q2: 'Südstadt' });
    expect(list.data.map((x) => x.id)).toEqual(['overdue', 'due-soon', 'due-late', 'review']);
    expect(list.data[3]!.quarterName).toBe('Südstadt');
    expect(list).toMatchObject({ total: 4, overdue: 1 });
  });
});
