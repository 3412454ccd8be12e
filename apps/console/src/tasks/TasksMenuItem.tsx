import AssignmentIcon from '@mui/icons-material/AssignmentTurnedIn';
import { Badge, Box } from '@mui/material';
import { MenuItemLink, useTranslate } from 'react-admin';
import { useTasks } from './api';
import { visuallyHidden } from './visuallyHidden';

/** "Meine Aufgaben" in the menu, with the number of open tasks (red while one is overdue). */
export const TasksMenuItem = () => {
  const translate = useTranslate();
  const { list } = useTasks();
  const total = list?.total ?? 0;
  return (
    <MenuItemLink
      to="/tasks"
      data-testid="menu-tasks"
      data-total={list?.total}
      data-overdue={list?.overdue}
      primaryText={
        <>
          {translate('genq_tasks.menu')}
          {list && (
            <Box component="span" sx={visuallyHidden}>
              {` (${translate('genq_tasks.count', { total: list.total, overdue: list.overdue })})`}
            </Box>
          )}
        </>
      }
      leftIcon={
        <Badge badgeContent={total} color={list && list.overdue > 0 ? 'error' : 'primary'} max={999} slotProps={{ badge: { 'aria-hidden': true } }}>
          <AssignmentIcon />
        </Badge>
      }
    />
  );
};
