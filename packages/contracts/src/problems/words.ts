import type { Locale } from './types';

/** The kinds of organisation (OrganisationType) in German: for refusals and the console's screens alike (English differs: lower case inside a sentence). */
export const ORGANISATION_TYPE_WORDS_DE: Record<string, string> = {
  housing_company: 'Wohnungsunternehmen',
  municipality: 'Kommune',
  welfare_organisation: 'Freier Träger',
  private_owner: 'Private Einzeleigentümer',
  local_business: 'Lokale Wirtschaft',
  initiative: 'Initiative',
  facilitation: 'Prozessbegleitung',
  programme_office: 'Programmstelle',
};
const ORGANISATION_TYPE_WORDS_EN: Record<string, string> = {
  housing_company: 'housing company',
  municipality: 'municipality',
  welfare_organisation: 'welfare organisation',
  private_owner: 'private owners',
  local_business: 'local business',
  initiative: 'initiative',
  facilitation: 'facilitation',
  programme_office: 'programme office',
};

/**
 * Parameter values that are themselves codes (a status, a role, an action a refusal names):
 * by parameter name, the words each locale says for them. A value not listed is shown as it is.
 */
export const PROBLEM_WORDS: Record<Locale, Record<string, Record<string, string>>> = {
  de: {
    status: {
      draft: 'ein Entwurf',
      submitted: 'eingereicht',
      accepted: 'angenommen',
      returned: 'zurückgegeben',
      binding: 'verbindlich',
      approved: 'genehmigt',
      sent_back: 'zurückgewiesen',
      superseded: 'ersetzt',
      proposed: 'vorgeschlagen',
      confirmed: 'bestätigt',
      rejected: 'abgelehnt',
      completed: 'abgeschlossen',
      waived: 'übersprungen',
      pending: 'ausstehend',
      active: 'in Bearbeitung',
    },
    phase: { closed: 'abgeschlossen', withdrawn: 'zurückgezogen' },
    role: {
      programme_admin: '„Programmstelle (Administration)“',
      operator: '„Betreuung der Programmstelle“',
      facilitator: '„Prozessbegleitung“',
      partner: '„Partnerorganisation“',
      viewer: '„Lesezugriff“',
    },
    party: { housing_company: 'Wohnungsunternehmen', municipality: 'Kommune', measure_owner: 'Trägerin einer Maßnahme' },
    /** Organisation kinds (a merge across kinds names both). */
    type: ORGANISATION_TYPE_WORDS_DE,
    intoType: ORGANISATION_TYPE_WORDS_DE,
    /** What a refusal says someone may not (or no longer) do: agreements' `action` parameter. */
    action: {
      sign_agreements: 'Zielvereinbarungen unterzeichnen',
      submit_concept: 'das Handlungskonzept einreichen',
      review_agreements: 'Zielvereinbarungen prüfen',
      draft_goals: 'Ziele entwerfen',
      draft_measures: 'Maßnahmen entwerfen',
      change_measure_status: 'den Status von Maßnahmen ändern',
      report_milestones: 'Meilensteine melden',
      justify_action_fields: 'Handlungsfelder begründen',
      record_goals_workshop: 'den Zielvereinbarungsworkshop erfassen',
      write_annual_reports: 'Jahresberichte schreiben',
      submit_annual_reports: 'Jahresberichte einreichen',
      review_annual_reports: 'Jahresberichte prüfen',
      file_annual_report: 'einen Jahresbericht anlegen',
      submit_annual_report: 'einen Jahresbericht einreichen',
      propose_amendments: 'Änderungen vorschlagen',
      accept_amendments: 'Änderungen annehmen',
      reject_amendments: 'Änderungen ablehnen',
      amend_agreement: 'die Zielvereinbarung ändern',
    },
  },
  en: {
    status: { sent_back: 'sent back' },
    role: {
      programme_admin: '"Programme office (administration)"',
      operator: '"Programme office operator"',
      facilitator: '"Facilitator"',
      partner: '"Partner organisation"',
      viewer: '"Read-only"',
    },
    party: { housing_company: 'housing company', municipality: 'municipality', measure_owner: 'owner of a measure' },
    type: ORGANISATION_TYPE_WORDS_EN,
    intoType: ORGANISATION_TYPE_WORDS_EN,
    action: {
      sign_agreements: 'sign agreements',
      submit_concept: 'submit the Handlungskonzept',
      review_agreements: 'review agreements',
      draft_goals: 'draft goals',
      draft_measures: 'draft measures',
      change_measure_status: 'change the status of measures',
      report_milestones: 'report milestones',
      justify_action_fields: 'justify action fields',
      record_goals_workshop: 'record the goals workshop',
      write_annual_reports: 'write annual reports',
      submit_annual_reports: 'submit annual reports',
      review_annual_reports: 'review annual reports',
      file_annual_report: 'file an annual report',
      submit_annual_report: 'submit an annual report',
      propose_amendments: 'propose amendments',
      accept_amendments: 'accept amendments',
      reject_amendments: 'reject amendments',
      amend_agreement: 'amend the Zielvereinbarung',
    },
  },
};
