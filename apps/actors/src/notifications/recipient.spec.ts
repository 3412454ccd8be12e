import type { NotificationRequest } from '@genq/contracts';
import { decideRecipient } from './recipient';

const reminder = (over: Partial<NotificationRequest> = {}): NotificationRequest => ({
  idempotencyKey: 'quarter-q1:kickoff:2027-02-15T00:00:00.000Z:before_due:1',
  quarterId: 'q1',
  kind: 'before_due',
  deadlineKey: 'kickoff',
  occurrence: 1,
  recipientName: 'Projektleitung DOGEWO21',
  recipientEmail: null,
  recipientRole: 'lead_partner',
  subject: 'Erinnerung: „Auftakt“ ist am 15.2.2027 fällig – Scharnhorst-Ost (Dortmund)',
  body: 'Guten Tag Projektleitung DOGEWO21,\n\nim Quartier Scharnhorst-Ost (Dortmund) ist der Schritt „Auftakt“ am 15.2.2027 fällig.',
  ...over,
});

describe('decideRecipient (who receives a reminder the process addressed to an organisation)', () => {
  it('makes the person the membership names the recipient, by name and e-mail, and greets them', () => {
    const decided = decideRecipient(reminder(), [{ name: 'Petra Schmidt', email: 'p.schmidt@dogewo21.example' }]);
    expect(decided).toMatchObject({ recipientName: 'Petra Schmidt', recipientEmail: 'p.schmidt@dogewo21.example' });
    expect(decided.body).toBe('Guten Tag Petra Schmidt,\n\nim Quartier Scharnhorst-Ost (Dortmund) ist der Schritt „Auftakt“ am 15.2.2027 fällig.');
    expect(decided).not.toHaveProperty('recipientRole');
  });

  it('keeps the organisation’s role without an address when no person is named', () => {
    const decided = decideRecipient(reminder(), []);
    const { recipientRole: _role, ...asSent } = reminder();
    expect(decided).toEqual(asSent);
    expect(decided).not.toHaveProperty('recipientRole');
  });

  it('prefers a named person with an address; a person without one is still named, without an address', () => {
    const both = decideRecipient(reminder(), [
      { name: 'Ohne Adresse', email: null },
      { name: 'Jonas Weber', email: 'j.weber@dogewo21.example' },
    ]);
    expect(both).toMatchObject({ recipientName: 'Jonas Weber', recipientEmail: 'j.weber@dogewo21.example' });
    const only = decideRecipient(reminder(), [{ name: 'Ohne Adresse', email: '  ' }]);
    expect(only).toMatchObject({ recipientName: 'Ohne Adresse', recipientEmail: null });
    expect(only.body.startsWith('Guten Tag Ohne Adresse,\n')).toBe(true);
  });

  it('leaves a recipient the process named (by reassign, or the programme office) as it is', () => {
    const person = [{ name: 'Petra Schmidt', email: 'p.schmidt@dogewo21.example' }];
    const reassigned = reminder({ recipientName: 'Jonas Weber', recipientEmail: 'j.weber@wbg.example', recipientRole: undefined, body: 'Guten Tag Jonas Weber,\n\nx' });
    expect(decideRecipient(reassigned, person)).toMatchObject({ recipientName: 'Jonas Weber', recipientEmail: 'j.weber@wbg.example', body: 'Guten Tag Jonas Weber,\n\nx' });
    const withoutAddress = reminder({ recipientName: 'Jonas Weber', recipientRole: undefined, body: 'Guten Tag Jonas Weber,\n\nx' });
    expect(decideRecipient(withoutAddress, person)).toMatchObject({ recipientName: 'Jonas Weber', recipientEmail: null });
    const escalation = reminder({ kind: 'escalation', recipientName: 'Programmstelle', recipientRole: undefined, body: 'Guten Tag Programmstelle,\n\nx' });
    expect(decideRecipient(escalation, person)).toMatchObject({ recipientName: 'Programmstelle', recipientEmail: null });
  });

  it('greets a person also when the process had no name for the role (a quarter without facts)', () => {
    const decided = decideRecipient(reminder({ recipientName: null, body: 'Guten Tag,\n\nim Quartier q1 ...' }), [{ name: 'Petra Schmidt', email: 'p@x.example' }]);
    expect(decided.body).toBe('Guten Tag Petra Schmidt,\n\nim Quartier q1 ...');
  });
});
