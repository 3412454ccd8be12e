import { Menu as RaMenu } from 'react-admin';
import { TasksMenuItem } from '../tasks/TasksMenuItem';

/** The start page, "Meine Aufgaben" with its counts, then the resources the role may use. */
export const Menu = () => (
  <RaMenu>
    <RaMenu.DashboardItem />
    <TasksMenuItem />
    <RaMenu.ResourceItems />
  </RaMenu>
);
