/** Kinds of records the audit log names; labels under `app.audit.resource.*`. */
export const resourceTypeChoices = ['quarter', 'programme', 'organisation', 'membership', 'account'].map((id) => ({
  id,
  name: `app.audit.resource.${id}`,
}));
