import {
  BooleanField,
  Button,
  Datagrid,
  DateField,
  EmailField,
  Link,
  ReferenceField,
  ReferenceManyField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';
import AddIcon from '@mui/icons-material/Add';
import { Typography } from '@mui/material';
import { useDateLocale } from '../i18n/useDateLocale';
import { organisationTypeChoices } from './choices';
import { MergeOrganisationButton } from './MergeOrganisationButton';

/** "Person erfassen" for this organisation: the create form starts with it chosen. */
const AddPersonButton = () => {
  const record = useRecordContext<{ id: string }>();
  const { canAccess } = useCanAccess({ resource: 'people', action: 'create' });
  if (!record || !canAccess) return null;
  return (
    <Button component={Link} to="/people/create" state={{ record: { organisationId: record.id } }} label="genq_organisations.add_person">
      <AddIcon />
    </Button>
  );
};

/** An organisation with its people. */
export const OrganisationShow = () => {
  const dateLocale = useDateLocale();
  const translate = useTranslate();
  return (
    <Show>
      <SimpleShowLayout>
        <TextField source="name" />
        <SelectField source="type" choices={organisationTypeChoices} />
        <TextField source="ags" emptyText="–" />
        <ReferenceField source="programmeId" reference="programmes" link={false} />
        <DateField source="createdAt" locales={dateLocale} />
        <Typography variant="h6" sx={{ mt: 2 }}>
          {translate('genq_organisations.people')}
        </Typography>
        <ReferenceManyField reference="people" target="organisationId" sort={{ field: 'name', order: 'ASC' }} label={false}>
          <Datagrid rowClick={false} bulkActionButtons={false} empty={<Typography color="text.secondary">{translate('genq_organisations.no_people')}</Typography>}>
            <TextField source="name" />
            <TextField source="role" emptyText="–" />
            <EmailField source="email" emptyText="–" />
            <TextField source="phone" emptyText="–" />
            <BooleanField source="signingAuthority" />
          </Datagrid>
        </ReferenceManyField>
        <AddPersonButton />
        <MergeOrganisationButton />
      </SimpleShowLayout>
    </Show>
  );
};
