import type { Locale } from './types';

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
  },
};
