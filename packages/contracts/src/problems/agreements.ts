import type { FieldProblemDefinition, ProblemDefinition } from './types';

/** Refusals of the agreements context (raised by the agreements service: Handlungskonzept, Zielvereinbarung, signatures, certificate, reports, amendments). */
export const agreementsProblems = {
  /** `action` is a code of words.ts (sign_agreements, write_annual_reports, ...). */
  'agreements.role_may_not': { status: 403, de: 'Die Rolle {role} darf nicht: {action}.', en: 'The role {role} may not {action}.' },
  // Signatures (of a version or an amendment)
  'signature.not_own_person': { status: 403, de: 'Eine Unterschrift leistet nur die angemeldete Person selbst.', en: 'A signature is given only by the signed-in person.' },
  'signature.not_own_organisation': { status: 403, de: 'Sie dürfen nur für Ihre eigene Organisation unterzeichnen.', en: 'You may sign only for your own organisation.' },
  'signature.no_authority': {
    status: 403,
    de: 'Ihr Konto hat keine Zeichnungsbefugnis für Ihre Organisation.',
    en: 'Your account has no signing authority (Zeichnungsbefugnis) for your organisation.',
  },
  // The Handlungskonzept and the Zielvereinbarung
  'concept.incomplete': {
    status: 409,
    de: 'Das Handlungskonzept ist nicht vollständig: {count} Lücke(n).',
    en: 'The Handlungskonzept is not complete: {count} gap(s).',
  },
  'agreement.amend_instead': {
    status: 409,
    de: 'Version {number} der Zielvereinbarung ist {status}: Ändern Sie sie durch eine Änderung, nicht durch eine neue Einreichung.',
    en: 'Version {number} of the Zielvereinbarung is {status}: change it by an amendment, not by a new submission.',
  },
  'agreement.version_not_found': { status: 404, de: 'Diese Version der Zielvereinbarung gibt es in diesem Quartier nicht.', en: 'No such agreement version in this quarter.' },
  'agreement.sign_through_amendment': {
    status: 409,
    de: 'Version {number} ist durch eine Änderung entstanden: Unterzeichnen Sie sie über die Änderung.',
    en: 'Version {number} was made by an amendment: sign it through the amendment.',
  },
  'agreement.accept_through_amendment': {
    status: 409,
    de: 'Version {number} ist durch eine Änderung entstanden: Nehmen Sie sie über die Änderung an.',
    en: 'Version {number} was made by an amendment: accept it through the amendment.',
  },
  'agreement.version_superseded': {
    status: 409,
    de: 'Version {number} wurde durch eine neuere Version ersetzt und kann nicht mehr unterzeichnet werden.',
    en: 'Version {number} has been superseded by a newer version and can no longer be signed.',
  },
  'agreement.version_not_signable': {
    status: 409,
    de: 'Version {number} ist {status}: Unterzeichnet werden kann nur eine eingereichte Version, die auf Unterschriften wartet.',
    en: 'Version {number} is {status}: only a submitted version awaiting signatures can be signed.',
  },
  'agreement.not_a_party': {
    status: 409,
    de: 'Ihre Organisation ist nicht Partei dieser Vereinbarung: weder Wohnungsunternehmen noch Kommune noch Trägerin einer Maßnahme.',
    en: 'Your organisation is not a party to this agreement: neither housing company, municipality nor owner of a measure.',
  },
  'agreement.already_signed': { status: 409, de: 'Ihre Organisation hat diese Version bereits unterzeichnet.', en: 'Your organisation has already signed this version.' },
  'agreement.party_signed': {
    status: 409,
    de: 'Eine andere Organisation hat diese Version bereits als {party} unterzeichnet.',
    en: 'Another organisation has already signed this version as {party}.',
  },
  'agreement.version_not_reviewable': {
    status: 409,
    de: 'Version {number} ist {status}: Geprüft werden kann nur eine verbindliche, von beiden Partnern unterzeichnete Version.',
    en: 'Version {number} is {status}: only a binding version signed by both partners can be reviewed.',
  },
  'agreement.not_certified': {
    status: 409,
    de: 'Das Quartier ist nicht zertifiziert: Sie können erst {action}, wenn die Zielvereinbarung genehmigt und das Quartier zertifiziert ist.',
    en: 'The quarter is not certified: you can {action} only once the Zielvereinbarung has been approved and certified.',
  },
  'agreement.no_approved_version': {
    status: 409,
    de: 'Das Quartier hat keine genehmigte Zielvereinbarung: Ohne sie können Sie nicht {action}.',
    en: 'The quarter has no approved Zielvereinbarung to {action} against.',
  },
  // The certificate
  'certificate.not_found': { status: 404, de: 'Dieses Quartier hat kein Zertifikat.', en: 'This quarter has no certificate.' },
  'certificate.not_yet_issued': {
    status: 409,
    de: 'Das Quartier hat noch kein Zertifikat: Sie können erst nach der Zertifizierung {action}.',
    en: 'The quarter has no certificate yet: you cannot {action} before the certification.',
  },
  'certificate.withdrawn': {
    status: 409,
    de: 'Das Quartier wurde aus dem Programm zurückgezogen: Sie können nicht mehr {action}.',
    en: 'The quarter was withdrawn from the programme: you can no longer {action}.',
  },
  'certificate.expired': {
    status: 409,
    de: 'Das Zertifikat des Zyklus {cycle} ist abgelaufen: Sie können nicht mehr {action}.',
    en: 'The certificate of cycle {cycle} has expired: you can no longer {action}.',
  },
  // Goals and measures while the Handlungskonzept is drafted
  'goal.not_found': { status: 404, de: 'Dieses Ziel gibt es in diesem Quartier nicht.', en: 'No such goal in this quarter.' },
  'concept.locked': {
    status: 409,
    de: 'Version {number} der Zielvereinbarung ist {status}: Ziele und Maßnahmen können nicht mehr angelegt, geändert oder gelöscht werden. Nach der Einreichung ändert sich die Vereinbarung nur durch die Prüfung (Zurückweisung) oder eine Änderung.',
    en: 'Version {number} of the Zielvereinbarung is {status}: goals and measures can no longer be added, edited or deleted. After submission the agreement changes only through the review (sent back) or an amendment.',
  },
  // Measures, milestones, the goals workshop
  'measure.not_found': { status: 404, de: 'Diese Maßnahme gibt es in diesem Quartier nicht.', en: 'No such measure in this quarter.' },
  'measure.status_by_amendment': {
    status: 409,
    de: 'Den Status „{status}“ erhält eine Maßnahme nur durch eine Änderung der Zielvereinbarung.',
    en: 'A measure becomes "{status}" only by an amendment of the Zielvereinbarung.',
  },
  'measure.status_final': { status: 409, de: 'Die Maßnahme ist {status}; ihr Status ändert sich nicht mehr.', en: 'The measure is {status}; its status no longer changes.' },
  'measure.status_unchanged': { status: 409, de: 'Die Maßnahme ist bereits „{status}“.', en: 'The measure is already "{status}".' },
  'milestone.not_found': { status: 404, de: 'Die Maßnahme hat keinen Meilenstein {index}.', en: 'The measure has no milestone {index}.' },
  'milestone.already_reached': { status: 409, de: 'Meilenstein {index} der Maßnahme ist bereits erreicht.', en: 'Milestone {index} of the measure is reached already.' },
  'goals_workshop.nothing_drafted': {
    status: 409,
    de: 'Im Zielvereinbarungsworkshop werden die entworfenen Ziele und Maßnahmen abgestimmt: Entwerfen Sie zuerst mindestens ein Ziel mit einer Maßnahme.',
    en: 'The goals workshop agrees the drafted goals and measures: draft at least one goal with a measure first.',
  },
  // Annual reports
  'report.not_found': { status: 404, de: 'Diesen Jahresbericht gibt es in diesem Quartier nicht.', en: 'No such annual report in this quarter.' },
  'report.exists': {
    status: 409,
    de: 'Der Jahresbericht für das Jahr {year} des Zyklus {cycle} besteht bereits: Bitte bearbeiten Sie ihn.',
    en: 'The annual report for year {year} of cycle {cycle} exists already: edit it instead.',
  },
  'report.not_editable': {
    status: 409,
    de: 'Der Jahresbericht {year} ist {status}: Nur ein Entwurf oder ein zurückgegebener Bericht kann bearbeitet werden.',
    en: 'The annual report {year} is {status}: only a draft or a returned report can be edited.',
  },
  'report.not_submittable': {
    status: 409,
    de: 'Der Jahresbericht {year} ist {status}: Nur ein Entwurf oder ein zurückgegebener Bericht kann eingereicht werden.',
    en: 'The annual report {year} is {status}: only a draft or a returned report can be submitted.',
  },
  'report.cycle_ended': {
    status: 409,
    de: 'Der Jahresbericht {year} gehört zum Zyklus {cycle}, der beendet ist.',
    en: 'The annual report {year} belongs to cycle {cycle}, which has ended.',
  },
  'report.empty': {
    status: 409,
    de: 'Der Jahresbericht ist leer: Bitte geben Sie vor dem Einreichen aktualisierte Indikatoren, Änderungen oder einen Text an.',
    en: 'The annual report is empty: give updated indicators, changes or a text before submitting.',
  },
  'report.not_reviewable': {
    status: 409,
    de: 'Der Jahresbericht {year} ist {status}: Nur ein eingereichter Bericht kann geprüft werden.',
    en: 'The annual report {year} is {status}: only a submitted report can be reviewed.',
  },
  'report.year_outside_cycle': {
    status: 409,
    de: 'Der Zyklus {cycle} hat Jahresberichte nur für die Jahre {years}.',
    en: 'Cycle {cycle} has annual reports for the years {years} only.',
  },
  'report.schedule_unknown': {
    status: 409,
    de: 'Der Berichtsplan des Zyklus {cycle} ist noch nicht bekannt: Bitte versuchen Sie es gleich noch einmal.',
    en: 'The reporting schedule of cycle {cycle} is not known yet: try again in a moment.',
  },
  'report.year_not_ended': {
    status: 409,
    de: 'Das Berichtsjahr {year} des Zyklus {cycle} endet am {date}: Ab dann kann der Jahresbericht eingereicht werden.',
    en: 'The reporting year {year} of cycle {cycle} ends on {date}: the annual report can be submitted from then on.',
  },
  // Amendments
  'amendment.not_found': { status: 404, de: 'Diese Änderung gibt es in diesem Quartier nicht.', en: 'No such amendment in this quarter.' },
  'amendment.still_open': {
    status: 409,
    de: 'Die Änderung „{description}“ ist noch offen: Sie muss angenommen oder abgelehnt sein, bevor die nächste beginnt.',
    en: 'Amendment "{description}" is still open: it must be accepted or rejected before the next one.',
  },
  'amendment.goal_without_measure': {
    status: 409,
    de: 'Dem Ziel „{title}“ bliebe keine Maßnahme: Ersetzen Sie die Maßnahme, statt sie entfallen zu lassen.',
    en: 'Goal "{title}" would have no measure left: replace the measure instead of dropping it.',
  },
  'amendment.parties_only': {
    status: 409,
    de: 'Eine Änderung bestätigen nur das Wohnungsunternehmen und die Kommune.',
    en: 'An amendment is confirmed by the housing company and the municipality only.',
  },
  'amendment.not_signable': { status: 409, de: 'Die Änderung ist {status}: Sie nimmt keine Unterschriften mehr an.', en: 'The amendment is {status}: it takes no more signatures.' },
  'amendment.already_signed': { status: 409, de: 'Ihre Organisation hat diese Änderung bereits unterzeichnet.', en: 'Your organisation has already signed this amendment.' },
  'amendment.party_signed': {
    status: 409,
    de: 'Eine andere Organisation hat diese Änderung bereits als {party} unterzeichnet.',
    en: 'Another organisation has already signed this amendment as {party}.',
  },
  'amendment.not_acceptable': {
    status: 409,
    de: 'Die Änderung ist {status}: Angenommen werden kann nur eine vom Wohnungsunternehmen und der Kommune unterzeichnete Änderung.',
    en: 'The amendment is {status}: only an amendment signed by the housing company and the municipality can be accepted.',
  },
  'amendment.not_rejectable': {
    status: 409,
    de: 'Die Änderung ist {status}: Abgelehnt werden kann nur eine offene (vorgeschlagene oder bestätigte) Änderung.',
    en: 'The amendment is {status}: only an open amendment (proposed or confirmed) can be rejected.',
  },
} as const satisfies Record<string, ProblemDefinition>;

/** Field problems the agreements context writes by hand (beyond the validation constraints of ./common). */
export const agreementsFieldProblems = {
  'goal.unknown': { de: 'ist kein Ziel dieses Quartiers.', en: 'is not a goal of this quarter.' },
  'measure.end_before_start': { de: 'darf nicht vor dem Beginn liegen.', en: 'must not be before the start.' },
  'report.measure_unknown': {
    de: 'ist keine Maßnahme der Vereinbarung, an der dieser Bericht gemessen wird.',
    en: 'is not a measure of the agreement this report is measured against.',
  },
  'report.measure_twice': { de: 'ist doppelt genannt.', en: 'is named twice.' },
  'amendment.goal_unknown': { de: 'ist kein Ziel der Vereinbarung.', en: 'is not a goal of the agreement.' },
  'amendment.measure_unknown': { de: 'ist keine Maßnahme der Vereinbarung.', en: 'is not a measure of the agreement.' },
  'amendment.measure_inactive': { de: 'Die Maßnahme ist bereits {status}.', en: 'The measure is {status} already.' },
  'amendment.measure_twice': { de: 'Die Maßnahme wird doppelt geändert.', en: 'The measure is changed twice.' },
  'amendment.outside_window': {
    de: 'läuft vom {start} bis {end}, außerhalb des Umsetzungszeitraums vom {windowStart} bis {windowEnd}.',
    en: 'runs {start} to {end}, outside the implementation window {windowStart} to {windowEnd}.',
  },
  // The gaps of an incomplete Handlungskonzept (409 concept.incomplete), one per field.
  'concept.field_without_goal': {
    de: 'Das Handlungsfeld {actionFieldId} hat Schwächen, aber weder ein Ziel noch eine schriftliche Begründung.',
    en: 'Action field {actionFieldId} has weaknesses but neither a goal nor a written justification.',
  },
  'concept.goal_without_measure': { de: 'Das Ziel „{title}“ hat keine Maßnahme.', en: 'Goal "{title}" has no measure.' },
  'concept.measure_without_owner': { de: 'Die Maßnahme „{title}“ hat keine Verantwortlichen.', en: 'Measure "{title}" has no owner.' },
  'concept.measure_without_schedule': { de: 'Die Maßnahme „{title}“ hat keinen Beginn und kein Ende.', en: 'Measure "{title}" has no start and end.' },
  'concept.measure_outside_window': {
    de: 'Die Maßnahme „{title}“ läuft vom {start} bis {end}, außerhalb des Umsetzungszeitraums vom {windowStart} bis {windowEnd}.',
    en: 'Measure "{title}" runs {start} to {end}, outside the implementation window {windowStart} to {windowEnd}.',
  },
} as const satisfies Record<string, FieldProblemDefinition>;
