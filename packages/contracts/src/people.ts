/**
 * People (Personen) of organisations (issue 4): the least personal data the process needs
 * to reach someone and to know who may sign for an organisation (Zeichnungsbefugnis).
 * Pure data: importable from services, workflows and the console.
 */

export interface PersonDto {
  id: string;
  organisationId: string;
  name: string;
  /** Role or function in the organisation, free text (e.g. "Geschäftsführerin"). */
  role: string | null;
  email: string | null;
  phone: string | null;
  /** Zeichnungsbefugnis: may sign agreements for the organisation. */
  signingAuthority: boolean;
  /** The login account of this person, if any: its signing authority then comes from here. */
  accountId: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface CreatePersonCommand {
  organisationId: string;
  name: string;
  role?: string;
  email?: string;
  phone?: string;
  signingAuthority?: boolean;
  accountId?: string;
}

/** Replaces the editable fields of a person: a field left out is cleared (signingAuthority: false). */
export type UpdatePersonCommand = CreatePersonCommand;

/** The person a login account is linked to, or null: decides the account's signing authority. */
export interface PersonOfAccount {
  person: PersonDto | null;
}

export const PeoplePatterns = {
  create: 'actors.people.create',
  update: 'actors.people.update',
  get: 'actors.people.get',
  list: 'actors.people.list',
  ofAccount: 'actors.people.of-account',
} as const;
