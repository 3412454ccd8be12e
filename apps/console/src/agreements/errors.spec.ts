import { describe, expect, it } from '@jest/globals';
import { fieldErrors, gapsOf, reasonOf } from './errors';

describe('API failures in the agreement forms', () => {
  it('keys 400 field messages by field, nested ones by their path', () => {
    const err = { status: 400, message: 'Bad Request', body: { errors: { title: 'title must not be empty', funding: { '0': { amount: 'amount must be a number' } } } } };
    expect(fieldErrors(err)).toEqual({ title: 'title must not be empty', 'funding.0.amount': 'amount must be a number' });
  });

  it('shows no field errors for a refusal, but its reason', () => {
    const err = { status: 403, message: 'Forbidden', body: { message: 'You have no signing authority (Zeichnungsbefugnis) for your organisation' } };
    expect(fieldErrors(err)).toEqual({});
    expect(reasonOf(err)).toBe('You have no signing authority (Zeichnungsbefugnis) for your organisation');
    expect(reasonOf(new Error('Netzwerkfehler'))).toBe('Netzwerkfehler');
  });

  it('reads every gap of an incomplete Handlungskonzept', () => {
    const gaps = [{ code: 'goal_without_measure', goalId: 'g1', message: 'Goal "x" has no measure' }];
    expect(gapsOf({ status: 409, body: { message: 'not complete', errors: { gaps } } })).toEqual(gaps);
    expect(gapsOf({ status: 409, body: { message: 'binding' } })).toEqual([]);
    // As field problems of a problem+json answer, in the field tree the data provider makes of them.
    const tree = { 1: { code: 'measure_without_owner', message: 'Measure "y" has no owner' }, 0: { code: 'goal_without_measure', goalId: 'g1', message: 'Goal "x" has no measure' } };
    expect(gapsOf({ status: 409, body: { message: 'Das Handlungskonzept ist nicht vollständig.', errors: { gaps: tree } } })).toEqual([tree[0], tree[1]]);
  });
});
