import { mergeAgreementsDashboards as mergeAgreementFigures } from '@genq/contracts';

const part = (measures: Array<[string, string, number]>, issued: number, expiring: Array<[string, string]>) => ({
  measures: measures.map(([actionFieldId, status, count]) => ({ actionFieldId, status, count })),
  certificates: {
    issued,
    expiring: {
      count: expiring.length,
      first: expiring.map(([id, validUntil]) => ({ id, number: `N-${id}`, quarterId: `q-${id}`, quarterName: `Q ${id}`, validUntil })),
    },
  },
});

describe('mergeAgreementFigures (the agreements figures of several chunks of quarter ids)', () => {
  it('adds measures per action field and status, certificate counts, and keeps the ten soonest expiring', () => {
    const a = part([['HF1', 'geplant', 2], ['HF2', 'umgesetzt', 1]], 3, [['a', '2026-03-01T00:00:00.000Z'], ['b', '2026-01-15T00:00:00.000Z']]);
    const many = Array.from({ length: 10 }, (_, i): [string, string] => [`c${i}`, `2026-02-${String(10 + i).padStart(2, '0')}T00:00:00.000Z`]);
    const b = part([['HF1', 'geplant', 5], ['HF1', 'verzögert', 1]], 10, many);
    const merged = mergeAgreementFigures([a, b]);
    expect(merged.measures).toEqual([
      { actionFieldId: 'HF1', status: 'geplant', count: 7 },
      { actionFieldId: 'HF1', status: 'verzögert', count: 1 },
      { actionFieldId: 'HF2', status: 'umgesetzt', count: 1 },
    ]);
    expect(merged.certificates.issued).toBe(13);
    expect(merged.certificates.expiring.count).toBe(12);
    expect(merged.certificates.expiring.first).toHaveLength(10);
    expect(merged.certificates.expiring.first[0]!.id).toBe('b');
    expect(merged.certificates.expiring.first.map((c) => c.id)).not.toContain('a');
  });

  it('answers zeros for no chunks', () => {
    expect(mergeAgreementFigures([])).toEqual({ measures: [], certificates: { issued: 0, expiring: { count: 0, first: [] } } });
  });
});
