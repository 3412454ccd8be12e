import type { HandlungskonzeptDto, MeasureDto } from '@genq/contracts';
import { canonicalJson, conceptGaps, contentHash, implementationWindow, type AgreementSnapshot } from './snapshot';

const measure = (over: Partial<MeasureDto>): MeasureDto => ({
  id: 'm1',
  quarterId: 'q',
  goalId: 'g1',
  title: 'Aufzüge',
  description: '',
  ownerOrganisationId: 'o1',
  partnerOrganisationIds: [],
  kind: 'unmittelbar',
  targetGroups: [],
  start: '2027-02-01',
  end: '2029-12-31',
  milestones: [],
  cost: null,
  funding: [],
  status: 'geplant',
  statusHistory: [],
  createdAt: '2026-01-01T00:00:00.000Z',
  ...over,
});

const concept = (measures: MeasureDto[]): HandlungskonzeptDto => ({
  quarterId: 'q',
  goals: [{ id: 'g1', quarterId: 'q', actionFieldId: 'HF2', title: 'Ziel', criterionIds: [], indicator: 'i', baseline: null, targetValue: '1', targetDate: '2029-12-31', targetGroups: [], createdAt: '', measures }],
  justifications: [{ id: 'j', quarterId: 'q', actionFieldId: 'HF3', text: 'Begründung' }],
});

describe('the Handlungskonzept completeness rules', () => {
  const window = implementationWindow('2027-01-01');

  it('spans three years from the start of implementation', () => {
    expect(window).toEqual({ windowStart: '2027-01-01', windowEnd: '2030-01-01' });
  });

  it('accepts a concept whose weak fields all have goals or justifications and whose measures are owned and scheduled in the window', () => {
    expect(conceptGaps(concept([measure({})]), ['HF2', 'HF3'], window)).toEqual([]);
  });

  it('lists a weak field without goal or justification, and every measure problem', () => {
    const gaps = conceptGaps(concept([measure({ ownerOrganisationId: null, end: '2030-06-30' }), measure({ id: 'm2', start: null })]), ['HF1', 'HF2'], window);
    expect(gaps.map((g) => [g.code, g.params.actionFieldId, g.params.measureId])).toEqual([
      ['concept.field_without_goal', 'HF1', undefined],
      ['concept.measure_without_owner', 'HF2', 'm1'],
      ['concept.measure_outside_window', 'HF2', 'm1'],
      ['concept.measure_without_schedule', 'HF2', 'm2'],
    ]);
    expect(gaps[2]).toEqual({
      field: 'measures.m1',
      code: 'concept.measure_outside_window',
      params: { actionFieldId: 'HF2', goalId: 'g1', measureId: 'm1', title: 'Aufzüge', start: '2027-02-01', end: '2030-06-30', windowStart: '2027-01-01', windowEnd: '2030-01-01' },
    });
  });

  it('treats a goal without measures as a gap, and a blank justification as none', () => {
    const c = concept([]);
    c.justifications[0]!.text = '  ';
    expect(conceptGaps(c, ['HF3'], window).map((g) => g.code)).toEqual(['concept.field_without_goal', 'concept.goal_without_measure']);
  });
});

describe('the content hash', () => {
  it('does not depend on key order, and changes with the content', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 'ä' }] })).toBe('{"a":[{"c":"ä","d":2}],"b":1}');
    const s: AgreementSnapshot = { ...concept([measure({})]), quarterName: 'Hörde', weakActionFields: ['HF2'], ...implementationWindow('2027-01-01') };
    const reordered = Object.fromEntries(Object.entries(s).reverse()) as unknown as AgreementSnapshot;
    expect(contentHash(reordered)).toBe(contentHash(s));
    expect(contentHash({ ...s, quarterName: 'Hörde-Süd' })).not.toBe(contentHash(s));
  });
});
