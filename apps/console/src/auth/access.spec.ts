import { describe, expect, it } from '@jest/globals';
import { canAccess } from './access';

describe('what the console offers each role', () => {
  it('shows partners and facilitators their quarters, not the programme administration', () => {
    for (const role of ['partner', 'facilitator'] as const) {
      expect(canAccess(role, 'quarters', 'list')).toBe(true);
      expect(canAccess(role, 'quarters', 'show')).toBe(true);
      expect(canAccess(role, 'quarters', 'create')).toBe(false);
      expect(canAccess(role, 'programmes', 'list')).toBe(false);
      expect(canAccess(role, 'audit-log', 'list')).toBe(false);
    }
  });

  it('gives the audit log and quarter registration to programme admins only', () => {
    expect(canAccess('programme_admin', 'audit-log', 'list')).toBe(true);
    expect(canAccess('programme_admin', 'audit-log', 'export')).toBe(true);
    expect(canAccess('programme_admin', 'quarters', 'create')).toBe(true);
    for (const role of ['operator', 'viewer'] as const) {
      expect(canAccess(role, 'programmes', 'list')).toBe(true);
      expect(canAccess(role, 'audit-log', 'list')).toBe(false);
      expect(canAccess(role, 'quarters', 'create')).toBe(false);
    }
  });

  it('offers interventions and the notification outbox to the programme office only', () => {
    for (const role of ['programme_admin', 'operator'] as const) {
      expect(canAccess(role, 'quarters', 'intervene')).toBe(true);
      expect(canAccess(role, 'notifications', 'list')).toBe(true);
    }
    for (const role of ['viewer', 'partner', 'facilitator'] as const) {
      expect(canAccess(role, 'quarters', 'intervene')).toBe(false);
      expect(canAccess(role, 'notifications', 'list')).toBe(false);
    }
  });

  it('offers nothing to someone not signed in, and never an action it does not know', () => {
    expect(canAccess(undefined, 'quarters', 'list')).toBe(false);
    expect(canAccess('programme_admin', 'audit-log', 'delete')).toBe(false);
    expect(canAccess('programme_admin', 'audit-log', 'edit')).toBe(false);
  });
});
