import { recordFieldLabel, type Locale } from '@genq/contracts';

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
