import type { MembershipRole, OrganisationType } from '@genq/contracts';

/**
 * Organisation types of `ORGANISATION_TYPES` in `@genq/contracts`, labelled in the console's
 * language. A runtime value, so the console keeps its copy (the contracts' entry pulls in
 * Temporal), checked against the contracts' type.
 */
export const ORGANISATION_TYPES = [
  'housing_company',
  'municipality',
  'welfare_organisation',
  'private_owner',
  'local_business',
  'initiative',
  'facilitation',
  'programme_office',
] as const satisfies readonly OrganisationType[];

export const organisationTypeChoices = ORGANISATION_TYPES.map((id) => ({ id, name: `genq_organisations.types.${id}` }));

/** Membership roles of `MEMBERSHIP_ROLES` in `@genq/contracts`. */
export const MEMBERSHIP_ROLES = ['lead_partner', 'co_partner', 'cooperation_partner', 'facilitator', 'residents_representation'] as const satisfies readonly MembershipRole[];
