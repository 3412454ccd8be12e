import { RESOURCE_TYPES } from './labels';

/** Kinds of records the audit log names; labels under `genq_audit.resource.*`. */
export const resourceTypeChoices = RESOURCE_TYPES.map((id) => ({
  id,
  name: `genq_audit.resource.${id}`,
}));
