import { describe, expect, it } from '@jest/globals';
import { sayProblem } from '../providers/problems';
import { unratedOf } from './submission';

describe('unratedOf', () => {
  it('names the unrated criteria of a refused submission, as the data provider passes the refusal on', () => {
    const body = {
      status: 400,
      code: 'analysis.ratings_missing',
      params: { count: 2 },
      errors: [
        { field: 'ratings.HF1.1', code: 'criterion.not_rated', params: { criterionId: 'HF1.1', name: 'Kooperation' } },
        { field: 'ratings.HF4.2', code: 'criterion.not_rated', params: { criterionId: 'HF4.2', name: 'Treffpunkte' } },
      ],
    };
    const said = sayProblem(body, 'de')!;
    // What `inUserLanguage` throws: an HttpError with the said body.
    const err = Object.assign(new Error(said.message), { status: 400, body: said.body });
    expect(said.message).toBe('Vor dem Einreichen der Analyse braucht jedes Kriterium eine Bewertung; noch nicht bewertet: 2.');
    expect(unratedOf(err)).toEqual(['HF1.1', 'HF4.2']);
  });

  it('names none for any other failure', () => {
    expect(unratedOf(Object.assign(new Error('verboten'), { status: 403, body: { code: 'auth.forbidden' } }))).toEqual([]);
    expect(unratedOf(new Error('offline'))).toEqual([]);
    expect(unratedOf(null)).toEqual([]);
  });
});
