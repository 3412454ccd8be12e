import { ORGANISATION_ROLES, type Role } from '@genq/contracts';
import { Typography } from '@mui/material';
import { AppBar as RaAppBar, LoadingIndicator, LocalesMenuButton, TitlePortal, usePermissions, useTranslate } from 'react-admin';

/** Which role the signed-in user acts in: what they see follows from it. */
const RoleLabel = () => {
  const { permissions: role } = usePermissions<string | undefined>();
  const translate = useTranslate();
  if (!role) return null;
  return (
    <Typography variant="body2" component="span" sx={{ mr: 1, opacity: 0.85, whiteSpace: 'nowrap' }} data-testid="role">
      {translate(`app.roles.${role}`)}
    </Typography>
  );
};

const Toolbar = () => (
  <>
    <RoleLabel />
    <LocalesMenuButton />
    <LoadingIndicator />
  </>
);

/** Partners and facilitators work in their quarters, not in the programme office: the title says so. */
export const AppBar = () => {
  const translate = useTranslate();
  const { permissions: role } = usePermissions<Role | undefined>();
  return (
    <RaAppBar toolbar={<Toolbar />}>
      <Typography variant="h6" component="span" sx={{ fontWeight: 600, whiteSpace: 'nowrap', mr: 3 }}>
        {translate(role && ORGANISATION_ROLES.includes(role) ? 'app.title_organisation' : 'app.title')}
      </Typography>
      <TitlePortal variant="subtitle1" />
    </RaAppBar>
  );
};
