import { describe, expect, it } from '@jest/globals';
import { PROBLEMS, FIELD_PROBLEMS } from '@genq/contracts';
import { fieldTree, problemText, sayProblem } from './problems';

describe('API problems in the console', () => {
  it('says a refusal from its code in German, whatever language the server wrote its detail in', () => {
    const body = {
      type: 'https://genq.de/problems/deadline.already_done',
      status: 409,
      code: 'deadline.already_done',
      params: { name: 'Auftakt', status: 'waived' },
      detail: '"Auftakt" is already waived.',
    };
    const said = sayProblem(body, 'de');
    expect(said?.message).toBe('„Auftakt“ ist bereits übersprungen.');
    expect(said?.body).toMatchObject({ message: '„Auftakt“ ist bereits übersprungen.', code: 'deadline.already_done', params: { name: 'Auftakt', status: 'waived' } });
    expect(sayProblem(body, 'en')?.message).toBe('"Auftakt" is already waived.');
  });

  it("shows the server's detail for a refusal without a code of its own yet, and for a code this build does not know", () => {
    const legacy = { status: 409, code: 'legacy.conflict', detail: 'The annual report 2028 is submitted' };
    expect(sayProblem(legacy, 'de')?.message).toBe('The annual report 2028 is submitted');
    const newer = { status: 409, code: 'report.something_new', detail: 'Etwas Neues.' };
    expect(sayProblem(newer, 'de')?.message).toBe('Etwas Neues.');
  });

  it('turns the field problems of a 400 into the field tree of the form, every one in the user language', () => {
    const errors: Array<{ field: string; code: string; message: string; params?: Record<string, string | number> }> = [
      { field: 'name', code: 'validation.required', message: 'is required.' },
      { field: 'boundary.coordinates.0', code: 'validation.arrayMinSize', params: { min: 4 }, message: 'must have at least 4 entries.' },
      { field: 'proposals.2.text', code: 'validation.maxLength', params: { max: 500 }, message: 'must be at most 500 characters long.' },
      { field: 'geometry', code: 'validation.legacy', params: { message: 'must be closed' }, message: 'must be closed' },
    ];
    expect(fieldTree(errors, 'de')).toEqual({
      name: 'ist ein Pflichtfeld.',
      boundary: { coordinates: { 0: 'muss mindestens 4 Einträge haben.' } },
      proposals: { 2: { text: 'darf höchstens 500 Zeichen lang sein.' } },
      geometry: 'must be closed',
    });
    const said = sayProblem({ status: 400, code: 'request.invalid', params: { count: 4 }, detail: 'The request is not valid.', errors }, 'de');
    // The notification names each field by its label, never by its key.
    expect(said?.message).toBe(
      'Die Eingaben sind nicht gültig. „Name“ ist ein Pflichtfeld. „Gebietsgrenze“ muss mindestens 4 Einträge haben. „Text“ darf höchstens 500 Zeichen lang sein. must be closed',
    );
    expect(said?.body.errors).toMatchObject({ name: 'ist ein Pflichtfeld.' });
    expect((said?.body.problems as Array<{ field: string; message: string }>)[0]).toMatchObject({ field: 'name', code: 'validation.required', message: 'ist ein Pflichtfeld.' });
  });

  it('leaves bodies that are no problem answer alone', () => {
    expect(sayProblem('<html>', 'de')).toBeNull();
    expect(sayProblem(undefined, 'de')).toBeNull();
    expect(sayProblem({ message: 'Bad Gateway' }, 'de')).toBeNull();
  });

  // Fails when a catalogue entry is added with English in its German text (or left untranslated):
  // in German mode the console would then show English.
  it('has a German text for every problem that is not its English one', () => {
    const same = Object.entries(PROBLEMS)
      .filter(([code]) => !code.startsWith('legacy.'))
      .filter(([, p]) => p.de === p.en)
      .map(([code]) => code);
    expect(same).toEqual([]);
    const sameFields = Object.entries(FIELD_PROBLEMS)
      .filter(([code]) => code !== 'validation.legacy')
      .filter(([, p]) => p.de === p.en)
      .map(([code]) => code);
    expect(sameFields).toEqual([]);
    expect(problemText({ code: 'quarter.paused', params: { since: '2027-03-01' } }, 'de')).toBe('Das Quartier ist seit dem 2027-03-01 pausiert.');
  });
});
