import { agreementsFieldProblems, agreementsProblems } from './agreements';
import { analysisFieldProblems, analysisProblems } from './analysis';
import { FIELD_PROBLEMS, PROBLEMS, fieldProblemMessage, problemMessage } from './index';
import { PROBLEM_WORDS } from './words';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe.each([
  ['analysis', { ...analysisProblems, ...analysisFieldProblems }],
  ['agreements', { ...agreementsProblems, ...agreementsFieldProblems }],
])('the %s catalogue', (_context, catalogue) => {
  it.each(Object.entries(catalogue))('%s says the same parameters in German and English, with German quotes', (_code, def) => {
    expect(placeholders(def.de)).toEqual(placeholders(def.en));
    expect(def.de).not.toMatch(/"/);
    expect(def.de.trim()).toMatch(/[.!?]$/);
    expect(def.en.trim()).toMatch(/[.!?]$/);
  });
});

describe('the analysis and agreements codes', () => {
  it('are registered and none is shadowed by a code of the same name in another catalogue', () => {
    for (const code of Object.keys({ ...analysisProblems, ...agreementsProblems })) expect(PROBLEMS).toHaveProperty([code], expect.objectContaining({ status: expect.any(Number) }));
    for (const [code, def] of Object.entries({ ...analysisProblems, ...agreementsProblems })) expect(PROBLEMS[code as keyof typeof PROBLEMS]).toBe(def);
    for (const [code, def] of Object.entries({ ...analysisFieldProblems, ...agreementsFieldProblems })) expect(FIELD_PROBLEMS[code as keyof typeof FIELD_PROBLEMS]).toBe(def);
  });

  it('say what one may not do from a code, in German and English alike', () => {
    expect(Object.keys(PROBLEM_WORDS.de.action ?? {}).sort()).toEqual(Object.keys(PROBLEM_WORDS.en.action ?? {}).sort());
    expect(problemMessage('certificate.withdrawn', { action: 'file_annual_report' }, 'de')).toBe(
      'Das Quartier wurde aus dem Programm zurückgezogen: Sie können nicht mehr einen Jahresbericht anlegen.',
    );
    expect(problemMessage('certificate.withdrawn', { action: 'file_annual_report' }, 'en')).toBe(
      'The quarter was withdrawn from the programme: you can no longer file an annual report.',
    );
    expect(problemMessage('agreement.not_certified', { action: 'amend_agreement' }, 'de')).toBe(
      'Das Quartier ist nicht zertifiziert: Sie können erst die Zielvereinbarung ändern, wenn die Zielvereinbarung genehmigt und das Quartier zertifiziert ist.',
    );
    expect(problemMessage('agreements.role_may_not', { role: 'viewer', action: 'sign_agreements' }, 'de')).toBe(
      'Die Rolle „Lesezugriff“ darf nicht: Zielvereinbarungen unterzeichnen.',
    );
    expect(problemMessage('report.not_editable', { year: 1, status: 'submitted' }, 'de')).toBe(
      'Der Jahresbericht 1 ist eingereicht: Nur ein Entwurf oder ein zurückgegebener Bericht kann bearbeitet werden.',
    );
    expect(fieldProblemMessage('indicator_value.whole_number', { unit: 'Wohnungen' }, 'de')).toBe('muss in Wohnungen eine ganze Zahl ab 0 sein.');
  });
});
