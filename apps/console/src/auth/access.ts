import type { Role } from './session';

const ALL: Role[] = ['programme_admin', 'operator', 'facilitator', 'partner', 'viewer'];
const PROGRAMME_OFFICE: Role[] = ['programme_admin', 'operator', 'viewer'];

/**
 * What the console offers each role: menu entries, buttons, pages. A convenience only:
 * the gateway decides every request on its own, and answers 403 or 404 whatever the
 * console shows. Partners and facilitators see their quarters, not the programme admin.
 */
const ACCESS: Record<string, Partial<Record<string, Role[]>>> = {
  quarters: { list: ALL, show: ALL, create: ['programme_admin'], intervene: ['programme_admin', 'operator'] },
  notifications: { list: ['programme_admin', 'operator'] },
  programmes: { list: PROGRAMME_OFFICE, show: PROGRAMME_OFFICE },
  'audit-log': { list: ['programme_admin'], show: ['programme_admin'], export: ['programme_admin'] },
};

export function canAccess(role: Role | undefined, resource: string, action: string): boolean {
  if (!role) return false;
  const rules = ACCESS[resource];
  // Pages that are not resources (the dashboard) are open to every signed-in user.
  if (!rules) return true;
  return rules[action]?.includes(role) ?? false;
}
