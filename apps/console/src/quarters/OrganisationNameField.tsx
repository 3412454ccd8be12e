import { Link, TextField, useCreatePath, useRecordContext } from 'react-admin';
import type { FieldProps } from 'react-admin';
import type { Quarter } from './domain';

interface OrganisationNameFieldProps extends FieldProps<Quarter> {
  source: 'municipality' | 'housingCompany';
  /** The column holding the id of the organisation the name is registered as. */
  idSource: 'municipalityId' | 'housingCompanyId';
}

/**
 * A quarter's municipality or housing company: a link to the organisation's page when the
 * quarter holds its id (the name is registered as an organisation), else the name as typed.
 */
export const OrganisationNameField = ({ source, idSource }: OrganisationNameFieldProps) => {
  const record = useRecordContext<Quarter>();
  const createPath = useCreatePath();
  const id = record?.[idSource];
  if (!id) return <TextField source={source} />;
  return (
    <Link to={createPath({ resource: 'organisations', id, type: 'show' })} data-testid={`quarter-${source}-link`}>
      <TextField source={source} />
    </Link>
  );
};
