import type { AuditEntryDto } from './audit';
import { AUDIT_LABELS, INTERVENTION_KIND_LABELS, PHASE_LABELS, ROLE_LABELS } from './audit-labels';
import { recordFieldLabel } from './problems/fields';
import type { Locale } from './problems/types';

type Words = Record<string, unknown>;

/** A label from a nested table by dotted path (`analysis.indicators.update`); undefined when there is none. */
function lookUp(table: Words, path: string): string | undefined {
  let node: unknown = table;
  for (const part of path.split('.')) {
    if (!node || typeof node !== 'object' || !Object.prototype.hasOwnProperty.call(node, part)) return undefined;
    node = (node as Words)[part];
  }
  return typeof node === 'string' ? node : undefined;
}

const fill = (template: string, values: Record<string, string>) => template.replace(/%\{(\w+)\}/g, (_, k: string) => values[k] ?? '');

/**
 * What an audit action key means. Keys that carry a kind (`intervention.pause`,
 * `intervention.batch.remind_now`, `process.review_decided`, `report.review.accepted`,
 * `http.post`) are said with a template; an unknown key is said as it is.
 */
export function auditActionText(action: string, locale: Locale): string {
  const labels = AUDIT_LABELS[locale];
  const word = (table: Words, value: string) => lookUp(table, value) ?? value;
  const kind = (value: string) => INTERVENTION_KIND_LABELS[locale][value] ?? value;
  let m: RegExpExecArray | null;
  if ((m = /^intervention\.batch\.(\w+)$/.exec(action))) return fill(labels.template.batch, { kind: kind(m[1]!) });
  if ((m = /^intervention\.(\w+)$/.exec(action))) return fill(labels.template.intervention, { kind: kind(m[1]!) });
  if ((m = /^process\.(\w+)$/.exec(action))) return fill(labels.template.process, { event: word(labels.event, m[1]!) });
  if ((m = /^(report|agreement)\.review\.(\w+)$/.exec(action))) {
    return fill(m[1] === 'report' ? labels.template.report_review : labels.template.agreement_review, { decision: word(labels.decision, m[2]!) });
  }
  if ((m = /^http\.(\w+)$/.exec(action))) return fill(labels.template.http, { method: m[1]!.toUpperCase() });
  return lookUp(labels.action, action) ?? action;
}

/** What an audit resource type means; an unknown type is said as it is. */
export function auditResourceText(type: string, locale: Locale): string {
  return lookUp(AUDIT_LABELS[locale].resource, type) ?? type;
}

/** The words of values that are keys in a record: a role, a phase. */
export function recordValueWord(field: string, value: string, locale: Locale): string | undefined {
  if (field === 'role' || field === 'actorRole') return ROLE_LABELS[locale][value];
  if (field === 'phase') return PHASE_LABELS[locale][value];
  return undefined;
}

/** One field of an audit entry's before and after, as a person reads it. */
export interface SnapshotRow {
  key: string;
  label: string;
  before: string;
  after: string;
  changed: boolean;
}

export interface SayValue {
  locale: Locale;
  /** Names of the records the entry mentions, by id (AuditEntryDto.names). */
  names: Record<string, string>;
  /** Words for values that are keys (a role, a status); undefined when there is none. */
  word?: (field: string, value: string) => string | undefined;
  formatDate: (iso: string, withTime: boolean) => string;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** A field's label; a field no table knows is said in words from its key (`someFlag` → „Some flag“), never as the key. */
export function snapshotLabel(key: string, locale: Locale): string {
  const known = recordFieldLabel(key, locale);
  if (known) return known;
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase()
    .trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A value as text: names for ids, Ja/Nein, dates as TT.MM.JJJJ, lists joined, nested records as „Feld: Wert“. */
export function sayValue(field: string, value: unknown, say: SayValue, depth = 0): string {
  if (value === null || value === undefined || value === '') return '–';
  if (typeof value === 'boolean') return value ? (say.locale === 'de' ? 'Ja' : 'Yes') : say.locale === 'de' ? 'Nein' : 'No';
  if (typeof value === 'number') return value.toLocaleString(say.locale === 'de' ? 'de-DE' : 'en-GB');
  if (typeof value === 'string') {
    if (say.names[value]) return say.names[value]!;
    if (ISO_DATE.test(value)) return say.formatDate(value, false);
    if (ISO_TIME.test(value)) return say.formatDate(value, true);
    return say.word?.(field, value) ?? value;
  }
  if (Array.isArray(value)) return value.length === 0 ? '–' : value.map((v) => sayValue(field, v, say, depth + 1)).join(', ');
  if (typeof value === 'object') {
    if (depth > 2) return JSON.stringify(value);
    const parts = Object.entries(value as Record<string, unknown>).map(([k, v]) => `${snapshotLabel(k, say.locale)}: ${sayValue(k, v, say, depth + 1)}`);
    return parts.length === 0 ? '–' : parts.join('; ');
  }
  return String(value);
}

const fieldsOf = (snapshot: unknown): Record<string, unknown> => (snapshot && typeof snapshot === 'object' && !Array.isArray(snapshot) ? (snapshot as Record<string, unknown>) : {});

/**
 * The fields of an entry's before and after side by side, the changed ones first; the id of
 * the record itself is left out (the entry names it). A snapshot that is no record (a list)
 * is one row.
 */
export function snapshotRows(before: unknown, after: unknown, say: SayValue): SnapshotRow[] {
  const b = fieldsOf(before);
  const a = fieldsOf(after);
  const rows: SnapshotRow[] = [];
  const keys = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => k !== 'id');
  for (const key of keys) {
    const was = sayValue(key, b[key], say);
    const is = sayValue(key, a[key], say);
    rows.push({ key, label: snapshotLabel(key, say.locale), before: before === null || before === undefined ? '' : was, after: after === null || after === undefined ? '' : is, changed: JSON.stringify(b[key]) !== JSON.stringify(a[key]) });
  }
  if (keys.length === 0 && (Array.isArray(before) || Array.isArray(after))) {
    rows.push({ key: '', label: '', before: sayValue('', before, say), after: sayValue('', after, say), changed: true });
  }
  return [...rows.filter((r) => r.changed), ...rows.filter((r) => !r.changed)];
}

/**
 * A date as TT.MM.JJJJ (with the time where it matters, HH:MM in the programme's time zone),
 * in the locale's form: for texts made on a server, such as the audit export.
 */
export function formatAuditDate(iso: string, withTime: boolean, locale: Locale): string {
  const tag = locale === 'de' ? 'de-DE' : 'en-GB';
  if (!withTime) return new Date(`${iso.slice(0, 10)}T00:00:00Z`).toLocaleDateString(tag, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
  return new Date(iso).toLocaleString(tag, { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' });
}

/**
 * An entry's before and after on one line, as a person reads it: the changed fields as
 * „Feld: vorher → nachher“, a new record's fields as „Feld: Wert“, joined with „; “.
 */
export function auditChangesText(before: unknown, after: unknown, say: SayValue): string {
  const created = before === null || before === undefined;
  const removed = after === null || after === undefined;
  return snapshotRows(before, after, say)
    .filter((r) => r.changed)
    .map((r) => {
      const label = r.label ? `${r.label}: ` : '';
      if (created) return `${label}${r.after}`;
      if (removed) return `${label}${r.before}`;
      return `${label}${r.before} → ${r.after}`;
    })
    .join('; ');
}

/**
 * The columns of the audit exports (the gateway's CSV, the console's Excel file) as a person
 * reads them, no raw key in a file: headers in the reader's language, actions, roles and record
 * types in words (the console's words), records by name, dates as TT.MM.JJJJ HH:MM, and the
 * before and after as the changed fields. The number and the request id stay: they are how
 * an entry is found again.
 */
export const AUDIT_EXPORT_COLUMNS: Array<{ header: Record<Locale, string>; value: (e: AuditEntryDto, locale: Locale) => unknown }> = [
  { header: { de: 'Nr.', en: 'No.' }, value: (e) => e.id },
  { header: { de: 'Zeitpunkt', en: 'Time' }, value: (e, locale) => formatAuditDate(e.at, true, locale) },
  { header: { de: 'Person', en: 'Person' }, value: (e) => e.actorEmail ?? 'System' },
  { header: { de: 'Rolle', en: 'Role' }, value: (e, locale) => ROLE_LABELS[locale][e.actorRole] ?? e.actorRole },
  { header: { de: 'Aktion', en: 'Action' }, value: (e, locale) => auditActionText(e.action, locale) },
  { header: { de: 'Art', en: 'Type' }, value: (e, locale) => auditResourceText(e.resourceType, locale) },
  { header: { de: 'Eintrag', en: 'Record' }, value: (e) => nameOf(e, e.resourceId) },
  { header: { de: 'Programm', en: 'Programme' }, value: (e) => nameOf(e, e.programmeId) },
  { header: { de: 'Quartier', en: 'Quarter' }, value: (e) => nameOf(e, e.quarterId) },
  { header: { de: 'Grund', en: 'Reason' }, value: (e) => e.reason },
  {
    header: { de: 'Änderungen', en: 'Changes' },
    value: (e, locale) =>
      auditChangesText(e.before, e.after, {
        locale,
        names: e.names ?? {},
        word: (field, value) => recordValueWord(field, value, locale),
        formatDate: (iso, withTime) => formatAuditDate(iso, withTime, locale),
      }),
  },
  { header: { de: 'Anfrage-ID', en: 'Request ID' }, value: (e) => e.requestId },
];

/** A record's name where its owner still knows it, else its id (a deleted record). */
function nameOf(e: AuditEntryDto, id: string | null): string {
  if (!id) return '';
  return e.names?.[id] ?? id;
}

export function auditExportHeader(locale: Locale): string[] {
  return AUDIT_EXPORT_COLUMNS.map((c) => c.header[locale]);
}

export function auditExportRow(entry: AuditEntryDto, locale: Locale): unknown[] {
  return AUDIT_EXPORT_COLUMNS.map((c) => c.value(entry, locale));
}
