import type { Locale } from './types';

/**
 * The label of every field a request body of the API may name, as a person reads it in a form
 * (German and English). A field problem that is said away from its form (the API's `message`,
 * a list of problems in the console) names the field by this label, never by its key. A new
 * request field gets its label here; the gateway's spec walks the OpenAPI document and fails
 * on a field without one.
 */
export const FIELD_LABELS: Record<string, { de: string; en: string }> = {
  '0-5': { de: 'Teilnehmende 0–5 Jahre', en: 'Participants aged 0–5' },
  '6-17': { de: 'Teilnehmende 6–17 Jahre', en: 'Participants aged 6–17' },
  '18-64': { de: 'Teilnehmende 18–64 Jahre', en: 'Participants aged 18–64' },
  '65-79': { de: 'Teilnehmende 65–79 Jahre', en: 'Participants aged 65–79' },
  '80+': { de: 'Teilnehmende ab 80 Jahren', en: 'Participants aged 80 and over' },
  accountId: { de: 'Benutzerkonto', en: 'Account' },
  action: { de: 'Aktion', en: 'Action' },
  actionFieldId: { de: 'Handlungsfeld', en: 'Action field' },
  ags: { de: 'Gemeindeschlüssel (AGS)', en: 'Municipality key (AGS)' },
  amendmentId: { de: 'Änderung', en: 'Amendment' },
  amount: { de: 'Betrag', en: 'Amount' },
  areaHa: { de: 'Fläche (ha)', en: 'Area (ha)' },
  at: { de: 'Zeitpunkt', en: 'Time' },
  baseline: { de: 'Ausgangswert', en: 'Baseline' },
  boundary: { de: 'Gebietsgrenze', en: 'Boundary' },
  by: { de: 'Verlängerung um', en: 'Extend by' },
  calendar: { de: 'Programmkalender', en: 'Programme calendar' },
  canSign: { de: 'Zeichnungsbefugnis', en: 'Signing authority' },
  catalogue: { de: 'Katalog', en: 'Catalogue' },
  catalogueId: { de: 'Katalog', en: 'Catalogue' },
  catalogueVersion: { de: 'Katalogversion', en: 'Catalogue version' },
  changes: { de: 'Änderungen', en: 'Changes' },
  closedOn: { de: 'Abgeschlossen am', en: 'Closed on' },
  cost: { de: 'Kosten', en: 'Cost' },
  criterionId: { de: 'Kriterium', en: 'Criterion' },
  criterionIds: { de: 'Kriterien', en: 'Criteria' },
  csv: { de: 'CSV-Datei', en: 'CSV file' },
  current: { de: 'Laufende Frist', en: 'Current deadline' },
  date: { de: 'Datum', en: 'Date' },
  decision: { de: 'Entscheidung', en: 'Decision' },
  declarationSignedOn: { de: 'Erklärung unterzeichnet am', en: 'Declaration signed on' },
  description: { de: 'Beschreibung', en: 'Description' },
  disabled: { de: 'Deaktiviert', en: 'Deactivated' },
  displayName: { de: 'Anzeigename', en: 'Display name' },
  due: { de: 'Fällig am', en: 'Due on' },
  email: { de: 'E-Mail-Adresse', en: 'E-mail address' },
  end: { de: 'Ende', en: 'End' },
  eventId: { de: 'Veranstaltung', en: 'Event' },
  evidence: { de: 'Belege', en: 'Evidence' },
  facilitatorId: { de: 'Quartiersmanagement', en: 'Facilitator' },
  field: { de: 'Feld', en: 'Field' },
  filter: { de: 'Filter', en: 'Filter' },
  flats: { de: 'Wohnungen', en: 'Flats' },
  funding: { de: 'Finanzierung', en: 'Funding' },
  goalId: { de: 'Ziel', en: 'Goal' },
  housingCompany: { de: 'Wohnungsunternehmen', en: 'Housing company' },
  housingCompanyLeadId: { de: 'Ansprechperson des Wohnungsunternehmens', en: 'Housing company lead' },
  id: { de: 'Kennung', en: 'Id' },
  indicator: { de: 'Indikator', en: 'Indicator' },
  indicatorId: { de: 'Indikator', en: 'Indicator' },
  indicators: { de: 'Indikatoren', en: 'Indicators' },
  intervention: { de: 'Eingriff', en: 'Intervention' },
  into: { de: 'Zusammenführen in', en: 'Merge into' },
  key: { de: 'Schritt oder Bericht', en: 'Step or report' },
  kind: { de: 'Art', en: 'Kind' },
  kreis: { de: 'Kreis', en: 'District' },
  land: { de: 'Land', en: 'State' },
  loopTo: { de: 'Zurück zu Schritt', en: 'Back to step' },
  measure: { de: 'Maßnahme', en: 'Measure' },
  measureId: { de: 'Maßnahme', en: 'Measure' },
  measures: { de: 'Maßnahmen', en: 'Measures' },
  milestones: { de: 'Meilensteine', en: 'Milestones' },
  municipality: { de: 'Kommune', en: 'Municipality' },
  municipalityLeadId: { de: 'Ansprechperson der Kommune', en: 'Municipality lead' },
  name: { de: 'Name', en: 'Name' },
  newDue: { de: 'Neue Frist', en: 'New due date' },
  note: { de: 'Anmerkung', en: 'Note' },
  notes: { de: 'Notizen', en: 'Notes' },
  order: { de: 'Reihenfolge', en: 'Order' },
  organisationId: { de: 'Organisation', en: 'Organisation' },
  outcome: { de: 'Ergebnis', en: 'Outcome' },
  ownerOrganisationId: { de: 'Verantwortliche Organisation', en: 'Responsible organisation' },
  participants: { de: 'Teilnehmende', en: 'Participants' },
  partnerOrganisationIds: { de: 'Partnerorganisationen', en: 'Partner organisations' },
  party: { de: 'Partei', en: 'Party' },
  password: { de: 'Passwort', en: 'Password' },
  personId: { de: 'Person', en: 'Person' },
  phase: { de: 'Phase', en: 'Phase' },
  phone: { de: 'Telefon', en: 'Phone' },
  priorities: { de: 'Prioritäten', en: 'Priorities' },
  programmeId: { de: 'Programm', en: 'Programme' },
  programmeIds: { de: 'Programme', en: 'Programmes' },
  proposals: { de: 'Vorschläge', en: 'Proposals' },
  rating: { de: 'Bewertung', en: 'Rating' },
  ratings: { de: 'Bewertungen', en: 'Ratings' },
  reason: { de: 'Begründung', en: 'Reason' },
  referenceDate: { de: 'Stichtag', en: 'Reference date' },
  refreshToken: { de: 'Sitzung', en: 'Session' },
  remarks: { de: 'Bemerkungen', en: 'Remarks' },
  requiredChanges: { de: 'Geforderte Änderungen', en: 'Required changes' },
  residents: { de: 'Einwohner', en: 'Residents' },
  resource: { de: 'Liste', en: 'List' },
  responsible: { de: 'Verantwortlich', en: 'Responsible' },
  role: { de: 'Rolle', en: 'Role' },
  shiftAll: { de: 'Alle offenen Fristen verschieben', en: 'Shift all open deadlines' },
  signingAuthority: { de: 'Zeichnungsbefugnis', en: 'Signing authority' },
  sort: { de: 'Sortierung', en: 'Sort order' },
  source: { de: 'Quelle', en: 'Source' },
  start: { de: 'Beginn', en: 'Start' },
  startAt: { de: 'Beginn', en: 'Start' },
  startedAt: { de: 'Begonnen am', en: 'Started on' },
  status: { de: 'Status', en: 'Status' },
  stepKey: { de: 'Schritt', en: 'Step' },
  summary: { de: 'Zusammenfassung', en: 'Summary' },
  targetDate: { de: 'Zieldatum', en: 'Target date' },
  targetGroups: { de: 'Zielgruppen', en: 'Target groups' },
  targetValue: { de: 'Zielwert', en: 'Target value' },
  text: { de: 'Text', en: 'Text' },
  title: { de: 'Titel', en: 'Title' },
  type: { de: 'Typ', en: 'Type' },
  unit: { de: 'Einheit', en: 'Unit' },
  until: { de: 'Bis', en: 'Until' },
  value: { de: 'Wert', en: 'Value' },
  values: { de: 'Werte', en: 'Values' },
  version: { de: 'Version', en: 'Version' },
  windowStart: { de: 'Beginn des Umsetzungszeitraums', en: 'Start of the implementation period' },
  weakActionFields: { de: 'Schwache Handlungsfelder', en: 'Weak action fields' },
  workshop: { de: 'Workshop', en: 'Workshop' },
  xlsx: { de: 'Excel-Datei', en: 'Excel file' },
  xlsxBase64: { de: 'Excel-Datei', en: 'Excel file' },
  year: { de: 'Jahr', en: 'Year' },
};

/**
 * Labels of the fields a record shows besides those a request sets (an audit entry's before
 * and after): when it was created or changed, its state in the process.
 */
export const RECORD_FIELD_LABELS: Record<string, { de: string; en: string }> = {
  createdAt: { de: 'Angelegt am', en: 'Created on' },
  updatedAt: { de: 'Geändert am', en: 'Changed on' },
  createdBy: { de: 'Angelegt von', en: 'Created by' },
  recordedAt: { de: 'Erfasst am', en: 'Recorded on' },
  recordedBy: { de: 'Erfasst von', en: 'Recorded by' },
  lockedUntil: { de: 'Gesperrt bis', en: 'Locked until' },
  quarterId: { de: 'Quartier', en: 'Quarter' },
  organisationName: { de: 'Organisation', en: 'Organisation' },
  // A quarter's municipality and housing company as registered organisations (their names beside them).
  municipalityId: { de: 'Kommune (Organisation)', en: 'Municipality (organisation)' },
  housingCompanyId: { de: 'Wohnungsunternehmen (Organisation)', en: 'Housing company (organisation)' },
  personName: { de: 'Person', en: 'Person' },
  workflowStartedAt: { de: 'Prozess begonnen am', en: 'Process started on' },
  currentStep: { de: 'Aktueller Schritt', en: 'Current step' },
  stalled: { de: 'Stockend', en: 'Stalled' },
  stalledReason: { de: 'Grund des Stockens', en: 'Reason for stalling' },
  stalledSince: { de: 'Stockend seit', en: 'Stalled since' },
  paused: { de: 'Pausiert', en: 'Paused' },
  nextDueAt: { de: 'Nächste Frist', en: 'Next deadline' },
  overdueSince: { de: 'Überfällig seit', en: 'Overdue since' },
  processVersion: { de: 'Prozessversion', en: 'Process version' },
  statusHistory: { de: 'Statusverlauf', en: 'Status history' },
  participantsTotal: { de: 'Teilnehmende gesamt', en: 'Participants in total' },
  housingCompanyLead: { de: 'Ansprechperson des Wohnungsunternehmens', en: 'Housing company lead' },
  municipalityLead: { de: 'Ansprechperson der Kommune', en: 'Municipality lead' },
  facilitator: { de: 'Prozessbegleitung', en: 'Facilitator' },
};

/** The label of a record's field (request fields and record fields alike); undefined for a field no table knows. */
export function recordFieldLabel(key: string, locale: Locale): string | undefined {
  if (Object.prototype.hasOwnProperty.call(FIELD_LABELS, key)) return FIELD_LABELS[key]![locale];
  if (Object.prototype.hasOwnProperty.call(RECORD_FIELD_LABELS, key)) return RECORD_FIELD_LABELS[key]![locale];
  return undefined;
}

/**
 * The label of a field problem's field (`goals.0.targetDate` → Zieldatum): its innermost
 * segment the table knows (`boundary.coordinates.0` → Gebietsgrenze), positions left out;
 * undefined for a field no table knows.
 */
export function fieldLabel(field: string, locale: Locale): string | undefined {
  const segments = field.split(/[.[\]]/).filter((s) => s !== '' && !/^\d+$/.test(s));
  const known = segments.reverse().find((s) => Object.prototype.hasOwnProperty.call(FIELD_LABELS, s));
  return known === undefined ? undefined : FIELD_LABELS[known]![locale];
}
