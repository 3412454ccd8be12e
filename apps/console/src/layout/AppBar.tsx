import { ORGANISATION_ROLES, type Role } from '@genq/contracts';
import { Typography } from '@mui/material';
import { AppBar as RaAppBar, LoadingIndicator, LocalesMenuButton, TitlePortal, UserMenu, useGetIdentity, usePermissions, useTranslate } from 'react-admin';

/** Which role the signed-in user acts in: what they see follows from it. */
const RoleLabel = () => {
  const { permissions: role } = usePermissions<string | undefined>();
  const translate = useTranslate();
  if (!role) return null;
  return (
    <Typography variant="body2" component="span" sx={{ ml: 2, mr: 1, opacity: 0.85, whiteSpace: 'nowrap' }} data-testid="role">
      {translate(`app.roles.${role}`)}
    </Typography>
  );
};

/** The user menu's accessible name contains the name it shows ("Profil: …"), as WCAG 2.5.3 asks. */
const NamedUserMenu = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  return <UserMenu label={identity?.fullName ? `${translate('ra.auth.user_menu')}: ${identity.fullName}` : 'ra.auth.user_menu'} />;
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
    <RaAppBar toolbar={<Toolbar />} userMenu={<NamedUserMenu />}>
      <Typography variant="h6" component="span" sx={{ fontWeight: 600, whiteSpace: 'nowrap', mr: 3 }}>
        {translate(role && ORGANISATION_ROLES.includes(role) ? 'app.title_organisation' : 'app.title')}
      </Typography>
      <TitlePortal variant="subtitle1" />
    </RaAppBar>
  );
};
