import { describe, expect, it } from '@jest/globals';
import { asVersionRecord, catalogueProblems, isDocument, type CatalogueDocument } from './types';

describe('catalogue versions in the console', () => {
  it('keys a catalogue document by its version, keeping the catalogue id', () => {
    const doc = { id: 'genq-default', version: '2.0.0', title: 'Katalog' } as CatalogueDocument;
    expect(asVersionRecord(doc)).toMatchObject({ id: 'genq-default@2.0.0', catalogueId: 'genq-default', version: '2.0.0' });
    // The list entry react-admin shows while the document loads keeps its id.
    const entry = { id: 'genq-default@2.0.0', catalogueId: 'genq-default', version: '2.0.0' };
    expect(asVersionRecord(entry)).toEqual(entry);
    expect(isDocument(entry)).toBe(false);
    expect(isDocument({ ...doc, ratingScale: [] })).toBe(true);
  });

  it('lists every problem the API reports for a refused catalogue', () => {
    const refused = { status: 400, body: { message: 'Invalid catalogue', errors: { catalogue: ['version is required', 'indicators[0].kind must be input, output or context'] } } };
    expect(catalogueProblems(refused)).toEqual(['version is required', 'indicators[0].kind must be input, output or context']);
    const exists = { status: 409, body: { message: 'exists already', errors: { version: 'choose a new version' } } };
    expect(catalogueProblems(exists)).toEqual(['version: choose a new version']);
    expect(catalogueProblems({ status: 500, message: 'Server down' })).toEqual(['Server down']);
    // A problem+json answer: its field problems, each with the message said in the user's language.
    const listed = { status: 400, body: { message: 'Die Eingaben sind nicht gültig.', problems: [{ field: 'catalogue.version', message: 'ist ein Pflichtfeld.' }, { field: 'title', message: 'darf nicht leer sein.' }] } };
    expect(catalogueProblems(listed)).toEqual(['version: ist ein Pflichtfeld.', 'title: darf nicht leer sein.']);
  });
});
