import { auditActionText, auditChangesText, auditExportHeader, auditExportRow, auditResourceText, formatAuditDate, recordValueWord, type SayValue } from './audit-text';
import type { AuditEntryDto } from './audit';

const entry = (over: Partial<AuditEntryDto>): AuditEntryDto => ({
  id: 7,
  at: '2026-11-30T08:15:00.000Z',
  actorId: 'u-1',
  actorEmail: 'anna@programmstelle.example',
  actorRole: 'programme_admin',
  action: 'account.update',
  resourceType: 'account',
  resourceId: 'a-1',
  programmeId: 'genq-nrw-2026',
  quarterId: null,
  reason: null,
  before: null,
  after: null,
  requestId: 'r-1',
  names: {},
  ...over,
});

describe('the audit log in words', () => {
  it('says every kind of action key, in German and English; an unknown key as it is', () => {
    expect(auditActionText('account.update', 'de')).toBe('Benutzerkonto geändert');
    expect(auditActionText('analysis.indicators.import', 'de')).toBe('Indikatorwerte importiert');
    expect(auditActionText('intervention.extend_deadline', 'de')).toBe('Eingriff: Frist verlängern');
    expect(auditActionText('intervention.batch.remind_now', 'en')).toBe('Batch intervention: Remind now');
    expect(auditActionText('process.review_decided', 'de')).toBe('Prozessmeldung: Prüfentscheidung');
    expect(auditActionText('report.review.returned', 'de')).toBe('Jahresbericht geprüft: zurückgegeben');
    expect(auditActionText('http.patch', 'de')).toBe('Änderung ohne eigenen Protokolleintrag (PATCH)');
    expect(auditActionText('brand.new', 'de')).toBe('brand.new');
    expect(auditResourceText('agreement_version', 'de')).toBe('Version der Zielvereinbarung');
    expect(recordValueWord('role', 'operator', 'de')).toBe('Betreuung der Programmstelle');
  });

  it('writes dates as TT.MM.JJJJ, with the time in the programme\'s time zone', () => {
    expect(formatAuditDate('2029-12-31', false, 'de')).toBe('31.12.2029');
    expect(formatAuditDate('2026-11-30T08:15:00.000Z', true, 'de')).toBe('30.11.2026, 09:15');
    expect(formatAuditDate('2026-07-01T08:15:00.000Z', true, 'de')).toBe('01.07.2026, 10:15');
  });

  it('says a change as its changed fields, ids by name, a new record as its fields', () => {
    const say: SayValue = { locale: 'de', names: { 'o-1': 'Stadt Bochum' }, word: (f, v) => recordValueWord(f, v, 'de'), formatDate: (iso, t) => formatAuditDate(iso, t, 'de') };
    expect(auditChangesText({ id: 'a-1', role: 'operator', organisationId: null, email: 'a@b.de' }, { id: 'a-1', role: 'partner', organisationId: 'o-1', email: 'a@b.de' }, say)).toBe(
      'Rolle: Betreuung der Programmstelle → Partnerorganisation; Organisation: – → Stadt Bochum',
    );
    expect(auditChangesText(null, { name: 'Westerfilde', targetDate: '2029-12-31' }, say)).toBe('Name: Westerfilde; Zieldatum: 31.12.2029');
  });

  it('exports an entry with no raw key: headers, words and names in the reader\'s language', () => {
    expect(auditExportHeader('de')).toEqual(['Nr.', 'Zeitpunkt', 'Person', 'Rolle', 'Aktion', 'Art', 'Eintrag', 'Programm', 'Quartier', 'Grund', 'Änderungen', 'Anfrage-ID']);
    const row = auditExportRow(
      entry({
        action: 'intervention.pause',
        resourceType: 'quarter',
        resourceId: 'q-1',
        quarterId: 'q-1',
        reason: 'Kommunalwahl',
        before: { paused: false },
        after: { paused: true },
        names: { 'q-1': 'Dortmund-Westerfilde', 'genq-nrw-2026': 'GenQ NRW 2026' },
      }),
      'de',
    );
    expect(row).toEqual([7, '30.11.2026, 09:15', 'anna@programmstelle.example', 'Programmstelle (Administration)', 'Eingriff: Pausieren', 'Quartier', 'Dortmund-Westerfilde', 'GenQ NRW 2026', 'Dortmund-Westerfilde', 'Kommunalwahl', 'Pausiert: Nein → Ja', 'r-1']);
    // A record that is gone keeps its id; the system acts without an e-mail.
    expect(auditExportRow(entry({ actorEmail: null, actorRole: 'system', resourceId: 'gone' }), 'en').slice(2, 7)).toEqual(['System', 'System', 'Account changed', 'Account', 'gone']);
  });
});
