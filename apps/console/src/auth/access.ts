import type { Role } from '@genq/contracts';

const ALL: Role[] = ['programme_admin', 'operator', 'facilitator', 'partner', 'viewer'];
const PROGRAMME_OFFICE: Role[] = ['programme_admin', 'operator', 'viewer'];

/**
 * What the console offers each role: menu entries, buttons, pages. A convenience only:
 * the gateway decides every request on its own, and answers 403 or 404 whatever the
 * console shows. Partners and facilitators see their quarters, not the programme admin.
 */
const ACCESS: Record<string, Partial<Record<string, Role[]>>> = {
  quarters: {
    list: ALL,
    show: ALL,
    create: ['programme_admin'],
    // Bulk admission from a file (POST /api/quarters/import).
    import: ['programme_admin'],
    intervene: ['programme_admin', 'operator'],
    add_membership: ['programme_admin'],
    // Size figures and boundary: the quarter's own partners and facilitators know them first (PATCH /api/quarters/:id).
    edit_details: ['programme_admin', 'partner', 'facilitator'],
    // The deliverables that complete a development step (kick-off, participation record, goals workshop).
    record_steps: ['programme_admin', 'partner', 'facilitator'],
  },
  // Who sees an organisation sees its people; only the programme office writes them (gateway policies).
  // Merging a duplicate into the organisation kept (POST /api/organisations/:id/merge).
  organisations: { list: ALL, show: ALL, create: ['programme_admin'], merge: ['programme_admin'] },
  people: { list: ALL, create: ['programme_admin'], edit: ['programme_admin'] },
  // Accounts (GET/PATCH /api/accounts): the programme office alone.
  accounts: { list: ['programme_admin'], edit: ['programme_admin'] },
  notifications: { list: ['programme_admin', 'operator'] },
  // Events a consumer gave up on (GET /api/dead-letters): for those who operate the quarters.
  'dead-letters': { list: ['programme_admin', 'operator'] },
  // Technical incidents (GET /api/incidents) and their repair (issue 18).
  incidents: { list: ['programme_admin', 'operator'] },
  programmes: { list: PROGRAMME_OFFICE, show: PROGRAMME_OFFICE, edit: ['programme_admin'] },
  catalogues: { list: PROGRAMME_OFFICE, show: PROGRAMME_OFFICE, create: ['programme_admin'] },
  'audit-log': { list: ['programme_admin'], show: ['programme_admin'], export: ['programme_admin'] },
  // The quarter's Handlungskonzept, Zielvereinbarung and reports (tabs of the quarter); the
  // gateway's policies of the same routes, so no button is offered that is always refused.
  agreements: {
    draft: ['partner', 'facilitator', 'programme_admin'],
    sign: ['partner'],
    review: ['programme_admin'],
    report: ['partner'],
    review_report: ['programme_admin'],
    // Änderungen der Zielvereinbarung: partners propose and confirm, the programme office accepts or rejects.
    amend: ['partner'],
    confirm_amendment: ['partner'],
    accept_amendment: ['programme_admin'],
    reject_amendment: ['programme_admin'],
  },
};

export function canAccess(role: Role | undefined, resource: string, action: string): boolean {
  if (!role) return false;
  const rules = ACCESS[resource];
  // Pages that are not resources (the dashboard) are open to every signed-in user.
  if (!rules) return true;
  return rules[action]?.includes(role) ?? false;
}
