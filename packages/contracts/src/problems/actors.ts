import type { FieldProblemDefinition, ProblemDefinition } from './types';

/** Refusals of the actors context (raised by the actors service: quarters, organisations, people, programmes, participation, kick-off, saved views, notifications). */
export const actorsProblems = {
  // Records that do not exist, or lie outside the caller's scope (which reads exactly the same).
  'quarter.not_found': { status: 404, de: 'Das Quartier {id} wurde nicht gefunden.', en: 'Quarter {id} not found.' },
  'programme.not_found': { status: 404, de: 'Das Programm {id} wurde nicht gefunden.', en: 'Programme {id} not found.' },
  'organisation.not_found': { status: 404, de: 'Die Organisation {id} wurde nicht gefunden.', en: 'Organisation {id} not found.' },
  'person.not_found': { status: 404, de: 'Die Person {id} wurde nicht gefunden.', en: 'Person {id} not found.' },
  'account.not_found': { status: 404, de: 'Das Benutzerkonto {id} wurde nicht gefunden.', en: 'Account {id} not found.' },
  'audit_entry.not_found': { status: 404, de: 'Der Protokolleintrag {id} wurde nicht gefunden.', en: 'Audit entry {id} not found.' },
  'saved_view.not_found': { status: 404, de: 'Die gespeicherte Ansicht {id} wurde nicht gefunden.', en: 'Saved view {id} not found.' },
  'notification.not_found': { status: 404, de: 'Die Benachrichtigung {id} wurde nicht gefunden.', en: 'Notification {id} not found.' },
  /** A visibility question about a kind of record the scope does not know (a caller's bug). */
  'scope.unknown_kind': { status: 400, de: 'Diese Art von Eintrag kennt die Zuständigkeitsprüfung nicht: {kind}.', en: 'Unknown scope kind {kind}.' },

  // Conflicts with what is recorded already.
  'quarter.already_registered': {
    status: 409,
    de: 'Das Quartier „{name}“ in {municipality} ist in diesem Programm bereits angelegt.',
    en: 'Quarter "{name}" in {municipality} is already registered in this programme.',
  },
  'organisation.already_registered': { status: 409, de: 'Diese Organisation ist im Programm bereits angelegt.', en: 'This organisation is already registered in the programme.' },
  'organisation.merge_into_itself': {
    status: 409,
    de: 'Eine Organisation kann nicht mit sich selbst zusammengeführt werden.',
    en: 'An organisation cannot be merged into itself.',
  },
  'organisation.merge_other_kind': {
    status: 409,
    de: 'Nur Organisationen derselben Art lassen sich zusammenführen ({type} und {intoType}).',
    en: 'Only organisations of the same kind can be merged ({type} and {intoType}).',
  },
  'organisation.merge_other_programme': {
    status: 409,
    de: 'Nur Organisationen desselben Programms lassen sich zusammenführen.',
    en: 'Only organisations of the same programme can be merged.',
  },
  'organisation.merge_quarter_clash': {
    status: 409,
    de: 'Nach dem Zusammenführen gäbe es das Quartier „{name}“ in {municipality} zweimal. Bitte bereinigen Sie zuerst die Quartiere.',
    en: 'After the merge, quarter "{name}" in {municipality} would exist twice. Please resolve the quarters first.',
  },
  'membership.exists': { status: 409, de: 'Die Organisation ist an diesem Quartier bereits beteiligt.', en: 'The organisation already takes part in this quarter.' },
  'saved_view.name_taken': {
    status: 409,
    de: 'Sie haben für diese Liste bereits eine Ansicht „{name}“ gespeichert. Bitte wählen Sie einen anderen Namen.',
    en: 'You have already saved a view “{name}” for this list. Please choose another name.',
  },
  'account.exists': { status: 409, de: 'Ein Konto mit dieser E-Mail-Adresse besteht bereits.', en: 'An account with this e-mail address exists.' },
  'account.self_deactivate': {
    status: 409,
    de: 'Ihr eigenes Konto können Sie nicht deaktivieren. Bitten Sie eine andere Person der Programmstelle darum.',
    en: 'You cannot deactivate your own account. Ask another member of the programme office.',
  },
  'account.self_role': {
    status: 409,
    de: 'Ihre eigene Rolle, Ihre Programme und Ihre Organisation können Sie nicht selbst ändern, damit Sie sich nicht aussperren. Bitten Sie eine andere Person der Programmstelle darum.',
    en: 'You cannot change your own role, programmes or organisation, so that you cannot lock yourself out. Ask another member of the programme office.',
  },
  'account.external_sign_in': {
    status: 409,
    de: 'Dieses Konto meldet sich über den Identitätsdienst der Verwaltung an und hat kein GenQ-Passwort.',
    en: "This account signs in through the administration's identity provider and has no GenQ password.",
  },
  'kickoff.already_recorded': { status: 409, de: 'Der Auftakt dieses Quartiers ist bereits erfasst.', en: 'The kick-off of this quarter is recorded already.' },
  'participation.already_closed': {
    status: 409,
    de: 'Die Beteiligungsphase dieses Quartiers ist bereits abgeschlossen.',
    en: 'The participation phase of this quarter is closed already.',
  },
  'participation.no_event': {
    status: 409,
    de: 'Erfassen Sie mindestens ein Beteiligungsformat, bevor Sie die Beteiligungsphase abschließen.',
    en: 'Record at least one participation event before closing the participation phase.',
  },

  // Who may do what.
  'saved_view.delete_forbidden': {
    status: 403,
    de: 'Nur wer die Ansicht gespeichert hat oder die Programmstelle darf sie löschen.',
    en: 'Only the person who saved this view, or the programme office, may delete it.',
  },

  // Whole-request refusals that list their field problems.
  'dashboard.filter_invalid': { status: 400, de: 'Der Filter der Übersicht ist nicht gültig.', en: 'The dashboard filter is not valid.' },
} as const satisfies Record<string, ProblemDefinition>;

/** Field problems the actors context writes by hand (beyond the validation constraints of ./common). */
export const actorsFieldProblems = {
  /** A programme written to another programme's address. */
  'programme.id_mismatch': { de: 'muss der Kennung in der Adresse entsprechen.', en: 'must match the id in the URL.' },

  // A record a field names that does not exist or lies outside the caller's scope.
  'programme.unknown': { de: 'Das Programm „{id}“ ist nicht bekannt.', en: 'Unknown programme "{id}".' },
  'quarter.unknown': { de: 'Das Quartier „{id}“ ist nicht bekannt.', en: 'Unknown quarter "{id}".' },
  'organisation.unknown': { de: 'Die Organisation „{id}“ ist nicht bekannt.', en: 'Unknown organisation "{id}".' },
  'person.unknown': { de: 'Die Person „{id}“ ist nicht bekannt.', en: 'Unknown person "{id}".' },
  'account.unknown': { de: 'Das Benutzerkonto „{id}“ ist nicht bekannt.', en: 'Unknown account "{id}".' },
  'audit_entry.unknown': { de: 'Der Protokolleintrag „{id}“ ist nicht bekannt.', en: 'Unknown audit entry "{id}".' },

  /** A date that has to lie in the past or today (the start of a quarter, a signed declaration...). */

  // Quarters and their boundary (GeoJSON Polygon or MultiPolygon; `field` is the dotted path of the bad part).
  'quarter.name_taken': {
    de: 'In dieser Kommune gibt es in diesem Programm bereits ein Quartier dieses Namens.',
    en: 'A quarter with this name already exists in this municipality and programme.',
  },
  /** The quarter import: the same quarter twice in one file. */
  'quarter_import.duplicate_row': {
    de: 'Dieses Quartier steht bereits in Zeile {row} der Datei.',
    en: 'This quarter is in row {row} of the file already.',
  },
  /** The quarter import: a file without any quarter under its header. */
  'quarter_import.no_rows': { de: 'enthält unter der Kopfzeile kein Quartier.', en: 'holds no quarter below the header row.' },
  'boundary.not_geojson': { de: 'muss ein GeoJSON-Objekt vom Typ Polygon oder MultiPolygon sein.', en: 'must be a GeoJSON Polygon or MultiPolygon object.' },
  'boundary.unknown_type': { de: 'muss Polygon oder MultiPolygon sein.', en: 'must be Polygon or MultiPolygon.' },
  'boundary.polygons_empty': { de: 'muss eine nicht leere Liste von Polygonen sein.', en: 'must be a non-empty array of polygons.' },
  'boundary.rings_empty': { de: 'muss eine nicht leere Liste von Linienzügen sein.', en: 'must be a non-empty array of linear rings.' },
  'boundary.ring_too_short': { de: 'muss ein Linienzug aus mindestens {min} Positionen sein.', en: 'must be a linear ring of at least {min} positions.' },
  'boundary.ring_not_closed': { de: 'muss geschlossen sein (erste und letzte Position gleich).', en: 'must be closed (first and last position equal).' },
  'boundary.position_invalid': { de: 'muss eine Position [Längengrad, Breitengrad] sein.', en: 'must be a position [longitude, latitude].' },
  'boundary.position_outside': {
    de: 'liegt außerhalb von Längengrad -180 bis 180 und Breitengrad -90 bis 90.',
    en: 'lies outside longitude -180..180 / latitude -90..90.',
  },

  // Organisations and their part in quarters.
  'organisation.name_taken': { de: 'ist in diesem Programm bereits angelegt.', en: 'is already registered in this programme.' },
  'membership.taking_part_already': { de: 'ist an diesem Quartier bereits beteiligt.', en: 'already takes part in this quarter.' },
  'membership.person_not_in_organisation': { de: 'Die Person gehört nicht zu dieser Organisation.', en: 'The person does not belong to this organisation.' },
  'membership.organisation_or_person': {
    de: 'Bitte nennen Sie eine Organisation oder eine Person.',
    en: 'Name an organisation or a person (organisationId or personId).',
  },

  // Accounts: what each role is bound to.
  'account.email_taken': { de: 'Ein Konto mit dieser E-Mail-Adresse besteht bereits.', en: 'An account with this e-mail address exists.' },
  'account.programme_required': { de: 'Die Rolle {role} braucht mindestens ein Programm.', en: 'The role {role} needs at least one programme.' },
  'account.organisation_not_allowed': {
    de: 'Die Rolle {role} gehört zu Programmen, nicht zu einer Organisation.',
    en: 'The role {role} belongs to programmes, not to an organisation.',
  },
  'account.organisation_required': { de: 'Die Rolle {role} braucht eine Organisation.', en: 'The role {role} needs an organisation.' },
  'account.programmes_not_allowed': {
    de: 'Die Rolle {role} sieht die Quartiere ihrer Organisation, keine Programme.',
    en: 'The role {role} sees the quarters of its organisation, not programmes.',
  },
  'account.signing_not_allowed': {
    de: 'Nur Konten von Partnerorganisationen und Prozessbegleitung unterzeichnen für eine Organisation.',
    en: 'Only partner and facilitator accounts sign for an organisation.',
  },

  // People.
  'person.account_other_organisation': { de: 'Das Konto muss zur Organisation der Person gehören.', en: "The account must belong to the person's organisation." },
  'person.account_linked': { de: 'Das Konto ist bereits mit einer anderen Person verknüpft.', en: 'The account is linked to another person already.' },

  // The kick-off team.
  'kickoff.lead_not_taking_part': {
    de: '{name} gehört zu {organisation}; diese Organisation ist an diesem Quartier nicht beteiligt.',
    en: '{name} belongs to {organisation}, which does not take part in this quarter.',
  },
  'kickoff.leads_same_organisation': {
    de: 'Die Projektleitungen müssen aus zwei Organisationen kommen (Wohnungsunternehmen und Kommune).',
    en: 'The project leads must come from two organisations (housing company and municipality).',
  },

  // Saved views and the dashboard.
  'saved_view.limit_reached': {
    de: 'Je Liste sind höchstens {max} Ansichten möglich. Bitte löschen Sie zuerst eine.',
    en: 'At most {max} views per list; delete one first.',
  },
  'dashboard.unknown_filter': {
    de: 'Danach filtert die Übersicht nicht; sie filtert nach {fields}.',
    en: 'The dashboard does not filter by this; it filters by {fields}.',
  },
} as const satisfies Record<string, FieldProblemDefinition>;
