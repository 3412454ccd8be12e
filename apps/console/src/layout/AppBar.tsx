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

export const AppBar = () => {
  const translate = useTranslate();
  return (
    <RaAppBar toolbar={<Toolbar />}>
      <Typography variant="h6" component="span" sx={{ fontWeight: 600, whiteSpace: 'nowrap', mr: 3 }}>
        {translate('app.title')}
      </Typography>
      <TitlePortal variant="subtitle1" />
    </RaAppBar>
  );
};
