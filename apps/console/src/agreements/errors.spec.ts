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

  it('reads every gap of an incomplete Handlungskonzept from its field problems', () => {
    const problems = [
      { field: 'goals.g1.measures', code: 'concept.goal_without_measure', message: 'Das Ziel „x“ hat keine Maßnahme.', params: { actionFieldId: 'HF1', goalId: 'g1', title: 'x' } },
      { field: 'measures.m1.ownerOrganisationId', code: 'concept.measure_without_owner', message: 'Die Maßnahme „y“ hat keine Verantwortlichen.', params: { actionFieldId: 'HF1', goalId: 'g1', measureId: 'm1', title: 'y' } },
    ];
    expect(gapsOf({ status: 409, body: { code: 'concept.incomplete', problems } })).toEqual([
      { code: 'goal_without_measure', actionFieldId: 'HF1', goalId: 'g1', message: 'Das Ziel „x“ hat keine Maßnahme.' },
      { code: 'measure_without_owner', actionFieldId: 'HF1', goalId: 'g1', measureId: 'm1', message: 'Die Maßnahme „y“ hat keine Verantwortlichen.' },
    ]);
    expect(gapsOf({ status: 409, body: { code: 'agreement.amend_instead', problems: [] } })).toEqual([]);
  });
});
