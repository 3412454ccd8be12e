import type { FieldProblemDefinition, ProblemDefinition } from './types';

/** Refusals of the access context (raised by the gateway: sign-in, tokens, roles and scope). */
export const accessProblems = {
  /** No valid access token, or its session has ended (the answer carries WWW-Authenticate). */
  'auth.required': {
    status: 401,
    de: 'Bitte melden Sie sich an. Ihre Sitzung ist beendet oder hat noch nicht begonnen.',
    en: 'Sign in required, or the session has ended.',
  },
  /** The same answer for a wrong password and an unknown, locked or disabled account. */
  'auth.invalid_credentials': { status: 401, de: 'E-Mail-Adresse oder Passwort sind falsch.', en: 'Invalid e-mail address or password.' },
  'auth.session_ended': { status: 401, de: 'Die Sitzung ist beendet. Bitte melden Sie sich erneut an.', en: 'The session has ended; please sign in again.' },
  /** OpenID Connect: the provider knows the person, GenQ has no account for the address. */
  'auth.no_account': { status: 401, de: 'Für diese Identität gibt es kein GenQ-Konto.', en: 'No GenQ account for this identity.' },
  /** Local sign-in routes while the OpenID Connect provider signs people in. */
  'auth.sign_in_delegated': { status: 404, de: 'Die Anmeldung erfolgt über den OpenID-Connect-Anbieter.', en: 'Sign-in is delegated to the OpenID Connect provider.' },
  /** A route without an access policy is refused for everyone (fail closed). */
  'route.no_policy': { status: 403, de: 'Für diese Schnittstelle ist keine Zugriffsregel festgelegt.', en: 'This route declares no access policy.' },
  /** The caller's role may not use this route or do this at all (the services check writes again). */
  'role.not_allowed': { status: 403, de: 'Dies steht der Rolle {role} nicht offen.', en: 'This is not open to the role {role}.' },
} as const satisfies Record<string, ProblemDefinition>;

/** Field problems the access context writes by hand (beyond the validation constraints of ./common). */
export const accessFieldProblems = {
  /** A programme id in the address that cannot be one (the other kinds of id are UUIDs: validation.isUuid). */
  'programme.id_invalid': {
    de: 'muss eine Programmkennung sein (Kleinbuchstaben, Ziffern und Bindestriche).',
    en: 'must be a programme id (lower-case letters, digits and hyphens).',
  },
  'audit_entry.id_invalid': { de: 'muss eine positive ganze Zahl sein.', en: 'must be a positive whole number.' },
} as const satisfies Record<string, FieldProblemDefinition>;
