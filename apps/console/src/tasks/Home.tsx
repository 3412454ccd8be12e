import { Box } from '@mui/material';
import { Title, usePermissions } from 'react-admin';
import { ORGANISATION_ROLES, type Role } from '@genq/contracts';
import { Dashboard } from '../dashboard/Dashboard';
import { TasksPage } from './TasksPage';

/**
 * The start page. Partners and facilitators start with what they must do, then the figures of
 * their own quarters; the programme office and operators start with the programme dashboard
 * ("Meine Aufgaben" is one click away in the menu, with its counts).
 */
export const Home = () => {
  const { permissions: role, isPending } = usePermissions<Role | undefined>();
  if (isPending) return null;
  if (role && ORGANISATION_ROLES.includes(role)) {
    return (
      <Box>
        <Title title="genq_tasks.home.title" />
        <TasksPage embedded />
        <Box sx={{ mt: 4 }}>
          <Dashboard organisation />
        </Box>
      </Box>
    );
  }
  return <Dashboard />;
};
