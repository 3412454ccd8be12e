import type { MembershipDto, OrganisationDto, PersonDto } from '@genq/contracts';
import { apiUrl, httpClient } from '../providers/dataProvider';

/** What the Akteure tab reads of organisations and people (types of `@genq/contracts`), and how it adds a membership. */
export type OrganisationOption = Pick<OrganisationDto, 'id' | 'name'>;
export type PersonOption = Pick<PersonDto, 'id' | 'name' | 'role'>;
export type AddedMembership = Pick<MembershipDto, 'id' | 'organisationName'> & {
  /** Whether the participation indicators were recomputed for the new member. */
  indicators?: { updated: boolean; reason?: string };
};

const listParam = (filter: Record<string, unknown>) =>
  `filter=${encodeURIComponent(JSON.stringify(filter))}&sort=${encodeURIComponent('["name","ASC"]')}&range=${encodeURIComponent('[0,499]')}`;

export const membershipApi = {
  organisations: async (): Promise<OrganisationOption[]> => (await httpClient(`${apiUrl}/organisations?${listParam({})}`)).json,
  peopleOf: async (organisationId: string): Promise<PersonOption[]> => (await httpClient(`${apiUrl}/people?${listParam({ organisationId })}`)).json,
  add: async (quarterId: string, body: { organisationId: string; personId?: string; role: string }): Promise<AddedMembership> =>
    (await httpClient(`${apiUrl}/quarters/${encodeURIComponent(quarterId)}/memberships`, { method: 'POST', body: JSON.stringify(body) })).json,
};
