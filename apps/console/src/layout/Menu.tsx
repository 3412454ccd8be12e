import { Menu as RaMenu } from 'react-admin';
import { SavedViewsMenuItem } from '../savedViews/MySavedViews';
import { TasksMenuItem } from '../tasks/TasksMenuItem';

/** The start page, "Meine Aufgaben" with its counts, the resources the role may use, then "Meine Ansichten". */
export const Menu = () => (
  <RaMenu>
    <RaMenu.DashboardItem />
    <TasksMenuItem />
    <RaMenu.ResourceItems />
    <SavedViewsMenuItem />
  </RaMenu>
);
