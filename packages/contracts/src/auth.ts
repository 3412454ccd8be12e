/**
 * Who may do what (issue 7): roles, the acting user that every write carries across the
 * wire, scope rules, and the message patterns of identity and organisations in the actors
 * service. Pure data and functions: importable from workflows, services and the console.
 */
import type { ListQuery } from './messages';

/** Roles of a GenQ account. */
export const ROLES = ['programme_admin', 'operator', 'facilitator', 'partner', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Every role: for routes any signed-in user may call. */
export const ALL_ROLES: readonly Role[] = ROLES;

/** Roles whose scope is a set of programmes (the programme office and its service provider). */
export const PROGRAMME_ROLES: readonly Role[] = ['programme_admin', 'operator', 'viewer'];

/** Roles whose scope is the quarters their organisation takes part in. */
export const ORGANISATION_ROLES: readonly Role[] = ['facilitator', 'partner'];

export function isProgrammeRole(role: Role): boolean {
  return PROGRAMME_ROLES.includes(role);
}

/** Actor types of organisations (issue 4); German names in the console. */
export const ORGANISATION_TYPES = [
  'housing_company', // Wohnungsunternehmen
  'municipality', // Kommune
  'welfare_organisation', // Freier Träger
  'private_owner', // private Einzeleigentümer
  'local_business', // lokale Wirtschaft
  'initiative', // Initiative
  'facilitation', // Prozessbegleitung
  'programme_office', // Programmstelle
] as const;
export type OrganisationType = (typeof ORGANISATION_TYPES)[number];

/** Roles of an organisation in a quarter. */
export const MEMBERSHIP_ROLES = ['lead_partner', 'co_partner', 'cooperation_partner', 'facilitator', 'residents_representation'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

/**
 * The signed-in user on whose behalf a service is asked to act. The gateway resolves it
 * fresh for every request; a service checks writes against it again (defence in depth:
 * a gateway route that forgot a check still cannot write outside the caller's scope).
 */
export interface Actor {
  userId: string;
  email: string;
  role: Role;
  /** Scope of programme_admin, operator and viewer. */
  programmeIds: string[];
  /** Scope of partner and facilitator: the quarters this organisation takes part in. */
  organisationId: string | null;
  /** The gateway's X-Request-Id, recorded in the audit log. */
  requestId?: string;
}

/** A list query on behalf of a user: the owning service filters it to the actor's scope in SQL. */
export interface ScopedListQuery extends ListQuery {
  actor: Actor;
}

/** One record on behalf of a user: outside the actor's scope the answer is 404, as if it did not exist. */
export interface ScopedGet {
  actor: Actor;
  id: string;
}

/** Kinds of records whose visibility the actors service decides. */
export const SCOPE_KINDS = ['programme', 'quarter', 'organisation', 'person', 'account', 'audit_entry'] as const;
export type ScopeKind = (typeof SCOPE_KINDS)[number];

export interface VisibilityQuery {
  actor: Actor;
  kind: ScopeKind;
  id: string;
}

export interface Visibility {
  /** The record exists and lies in the actor's scope. */
  visible: boolean;
  /** The record exists at all (only meaningful for creators: see `mayCreate` of a route policy). */
  exists: boolean;
  /** Programme and quarter the record belongs to, when visible: the audit log files entries under them. */
  programmeId?: string | null;
  quarterId?: string | null;
}

export interface AccountDto {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  programmeIds: string[];
  organisationId: string | null;
  /** May sign agreements for its organisation (Zeichnungsbefugnis). */
  canSign: boolean;
  disabled: boolean;
  /** Set while the account is locked after repeated failed logins. */
  lockedUntil: string | null;
  createdAt: string;
}

export interface CreateAccountCommand {
  email: string;
  displayName: string;
  password: string;
  role: Role;
  programmeIds?: string[];
  organisationId?: string;
  canSign?: boolean;
}

/**
 * A programme admin's change of an account: only what is given changes. `disabled` deactivates
 * (every session ends at once) or reactivates (and lifts a lockout). The role's rules of
 * creation hold for the result (programme roles keep programmes, partner roles an organisation).
 */
export interface UpdateAccountCommand {
  displayName?: string;
  role?: Role;
  programmeIds?: string[];
  /** null takes the organisation away (a programme role). */
  organisationId?: string | null;
  canSign?: boolean;
  disabled?: boolean;
}

/** A password reset: the new one-time password, shown once to the admin who passes it on. */
export interface PasswordResetDto {
  account: AccountDto;
  password: string;
}

export interface LoginCommand {
  email: string;
  password: string;
}

export interface RefreshCommand {
  refreshToken: string;
}

/** A session opened or refreshed: the gateway signs the access token for it. */
export interface SessionIssued {
  account: AccountDto;
  sessionId: string;
  /** Opaque; only its hash is stored. Shown once, rotated on every refresh. */
  refreshToken: string;
  refreshExpiresAt: string;
}

export interface ResolvePrincipalQuery {
  accountId: string;
  /** Session of a local login; absent for tokens of an external OpenID Connect provider. */
  sessionId?: string;
}

/** An external (OpenID Connect) identity mapped onto a GenQ account by verified e-mail. */
export interface ResolveExternalPrincipalQuery {
  email: string;
  subject: string;
  issuer: string;
}

export interface OrganisationDto {
  id: string;
  name: string;
  type: OrganisationType;
  /** Amtlicher Gemeindeschlüssel, for municipalities. */
  ags: string | null;
  /** Programme that registered the organisation. */
  programmeId: string;
  createdAt: string;
}

export interface CreateOrganisationCommand {
  name: string;
  type: OrganisationType;
  ags?: string;
  programmeId: string;
}

/**
 * Merges a duplicate organisation into the one kept (the path's organisation is the duplicate):
 * its memberships, people, accounts and the quarters that name it move to `into`, and the
 * duplicate is removed. Both must be of the same kind and programme.
 */
export interface MergeOrganisationCommand {
  /** The organisation kept. */
  into: string;
  /** Why, for the audit log. */
  reason: string;
}

/** What a merge moved from the duplicate to the organisation kept. */
export interface OrganisationMergeResult {
  /** The organisation kept. */
  organisation: OrganisationDto;
  /** The duplicate, as it was before it was removed. */
  merged: OrganisationDto;
  moved: {
    /** Memberships moved; a quarter both took part in keeps the kept organisation's membership. */
    memberships: number;
    people: number;
    accounts: number;
    /** Quarters whose municipality or housing company named the duplicate. */
    quarters: number;
  };
}

export interface MembershipDto {
  id: string;
  quarterId: string;
  organisationId: string;
  organisationName: string;
  /** The person named for the organisation in this quarter, if any. */
  personId: string | null;
  personName: string | null;
  role: MembershipRole;
  createdAt: string;
}

/** Names an organisation, a person (whose organisation then takes part), or both (the person must belong to it). */
export interface AddMembershipCommand {
  organisationId?: string;
  personId?: string;
  role: MembershipRole;
}

export const IdentityPatterns = {
  login: 'actors.identity.login',
  refresh: 'actors.identity.refresh',
  revokeSession: 'actors.identity.revoke-session',
  resolvePrincipal: 'actors.identity.resolve-principal',
  resolveExternalPrincipal: 'actors.identity.resolve-external-principal',
  createAccount: 'actors.accounts.create',
  getAccount: 'actors.accounts.get',
  listAccounts: 'actors.accounts.list',
  updateAccount: 'actors.accounts.update',
  resetPassword: 'actors.accounts.reset-password',
  visible: 'actors.scope.visible',
} as const;

export const OrganisationsPatterns = {
  create: 'actors.organisations.create',
  get: 'actors.organisations.get',
  list: 'actors.organisations.list',
  merge: 'actors.organisations.merge',
  addMembership: 'actors.memberships.add',
  listMemberships: 'actors.memberships.list',
} as const;
