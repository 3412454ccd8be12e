import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { recordFieldLabel, snapshotRows, type SayValue } from '@genq/contracts';

const say: SayValue = {
  locale: 'de',
  names: { 'c0ffee00-0000-4000-8000-000000000001': 'Stadt Bochum', 'genq-nrw-2026': 'GenQ NRW 2026' },
  word: (field, value) => (field === 'role' ? { partner: 'Partnerorganisation', operator: 'Betreuung der Programmstelle' }[value] : undefined),
  formatDate: (iso, withTime) => {
    const [y, m, d] = iso.slice(0, 10).split('-');
    return `${d}.${m}.${y}${withTime ? ` ${iso.slice(11, 16)}` : ''}`;
  },
};

describe('an audit entry before and after, legible', () => {
  it('says fields by their German labels, ids by names, booleans, dates and roles in words, the changed ones first', () => {
    const before = { id: 'a1', role: 'operator', organisationId: null, programmeIds: ['genq-nrw-2026'], canSign: false, createdAt: '2026-11-30T08:15:00.000Z' };
    const after = { id: 'a1', role: 'partner', organisationId: 'c0ffee00-0000-4000-8000-000000000001', programmeIds: [], canSign: true, createdAt: '2026-11-30T08:15:00.000Z' };
    expect(snapshotRows(before, after, say)).toEqual([
      { key: 'role', label: 'Rolle', before: 'Betreuung der Programmstelle', after: 'Partnerorganisation', changed: true },
      { key: 'organisationId', label: 'Organisation', before: '–', after: 'Stadt Bochum', changed: true },
      { key: 'programmeIds', label: 'Programme', before: 'GenQ NRW 2026', after: '–', changed: true },
      { key: 'canSign', label: 'Zeichnungsbefugnis', before: 'Nein', after: 'Ja', changed: true },
      { key: 'createdAt', label: 'Angelegt am', before: '30.11.2026 08:15', after: '30.11.2026 08:15', changed: false },
    ]);
  });

  it('leaves the before of a new record empty', () => {
    expect(snapshotRows(null, { name: 'Westerfilde', targetDate: '2029-12-31' }, say)).toEqual([
      { key: 'name', label: 'Name', before: '', after: 'Westerfilde', changed: true },
      { key: 'targetDate', label: 'Zieldatum', before: '', after: '31.12.2029', changed: true },
    ]);
  });

  // Fails when a record the audit log keeps gains a field without a German label: its before/after would show the key.
  it('has a German label for every field of the records the actors service audits', () => {
    const document = JSON.parse(readFileSync(join(__dirname, '../../../gateway/openapi.json'), 'utf8')) as { components: { schemas: Record<string, { properties?: Record<string, unknown> }> } };
    const unlabelled = ['AccountDto', 'QuarterDto', 'PersonDto', 'OrganisationDto', 'ProgrammeDto', 'MembershipDto', 'GoalDto', 'MeasureDto', 'ParticipationEventDto', 'KickoffRecordDto']
      .flatMap((schema) => Object.keys(document.components.schemas[schema]?.properties ?? {}).map((field) => ({ schema, field })))
      .filter(({ field }) => field !== 'id' && recordFieldLabel(field, 'de') === undefined);
    expect(unlabelled).toEqual([]);
  });
});
