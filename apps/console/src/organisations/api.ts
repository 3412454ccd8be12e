import type { MembershipDto, OrganisationDto, PersonDto } from '@genq/contracts';
import { api, data, listQuery, type Schemas } from '../providers/apiClient';

/** What the Akteure tab reads of organisations and people (types of `@genq/contracts`), and how it adds a membership. */
export type OrganisationOption = Pick<OrganisationDto, 'id' | 'name'>;
export type PersonOption = Pick<PersonDto, 'id' | 'name' | 'role'>;
export type AddedMembership = Pick<MembershipDto, 'id' | 'organisationName'> & {
  /** Whether the participation indicators were recomputed for the new member. */
  indicators?: { updated: boolean; reason?: string };
};

const options = (filter: Record<string, unknown>) => ({ params: { query: listQuery(filter, ['name', 'ASC'], [0, 499]) } });

export const membershipApi = {
  organisations: (): Promise<OrganisationOption[]> => data(api.GET('/api/organisations', options({}))),
  peopleOf: (organisationId: string): Promise<PersonOption[]> => data(api.GET('/api/people', options({ organisationId }))),
  add: async (quarterId: string, body: { organisationId: string; personId?: string; role: string }): Promise<AddedMembership> =>
    data(api.POST('/api/quarters/{quarterId}/memberships', { params: { path: { quarterId } }, body: body as Schemas['AddMembershipDto'] })),
};
