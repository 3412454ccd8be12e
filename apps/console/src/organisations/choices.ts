import { MEMBERSHIP_ROLES, ORGANISATION_TYPES } from '@genq/contracts';

/** Organisation types and membership roles of `@genq/contracts`, labelled in the console's language. */
export { MEMBERSHIP_ROLES, ORGANISATION_TYPES };

export const organisationTypeChoices = ORGANISATION_TYPES.map((id) => ({ id, name: `genq_organisations.types.${id}` }));

