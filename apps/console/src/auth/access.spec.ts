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

  it('lets programme admins edit programme calendars and add catalogue versions; the programme office reads them', () => {
    expect(canAccess('programme_admin', 'programmes', 'edit')).toBe(true);
    expect(canAccess('programme_admin', 'catalogues', 'create')).toBe(true);
    for (const role of ['operator', 'viewer'] as const) {
      expect(canAccess(role, 'catalogues', 'list')).toBe(true);
      expect(canAccess(role, 'catalogues', 'show')).toBe(true);
      expect(canAccess(role, 'programmes', 'edit')).toBe(false);
      expect(canAccess(role, 'catalogues', 'create')).toBe(false);
    }
    for (const role of ['partner', 'facilitator'] as const) expect(canAccess(role, 'catalogues', 'list')).toBe(false);
  });

  it('offers interventions and the notification outbox to the programme office only', () => {
    for (const role of ['programme_admin', 'operator'] as const) {
      expect(canAccess(role, 'quarters', 'intervene')).toBe(true);
      expect(canAccess(role, 'notifications', 'list')).toBe(true);
      expect(canAccess(role, 'dead-letters', 'list')).toBe(true);
    }
    for (const role of ['viewer', 'partner', 'facilitator'] as const) {
      expect(canAccess(role, 'quarters', 'intervene')).toBe(false);
      expect(canAccess(role, 'notifications', 'list')).toBe(false);
      expect(canAccess(role, 'dead-letters', 'list')).toBe(false);
    }
  });

  it('lets partners draft, sign and report, and leaves the reviews to the programme admin', () => {
    expect(['draft', 'sign', 'report'].map((a) => canAccess('partner', 'agreements', a))).toEqual([true, true, true]);
    expect(['review', 'review_report'].map((a) => canAccess('partner', 'agreements', a))).toEqual([false, false]);
    expect(['draft', 'review', 'review_report'].map((a) => canAccess('programme_admin', 'agreements', a))).toEqual([true, true, true]);
    expect(['sign', 'report'].map((a) => canAccess('programme_admin', 'agreements', a))).toEqual([false, false]);
    expect(canAccess('facilitator', 'agreements', 'draft')).toBe(true);
    for (const role of ['operator', 'viewer'] as const) {
      expect(['draft', 'sign', 'review', 'report', 'review_report'].some((a) => canAccess(role, 'agreements', a))).toBe(false);
    }
  });

  it('shows organisations and people to everyone, and lets only the programme admin record them and add memberships', () => {
    for (const role of ['programme_admin', 'operator', 'viewer', 'partner', 'facilitator'] as const) {
      expect([canAccess(role, 'organisations', 'list'), canAccess(role, 'organisations', 'show'), canAccess(role, 'people', 'list')]).toEqual([true, true, true]);
      const admin = role === 'programme_admin';
      expect([canAccess(role, 'organisations', 'create'), canAccess(role, 'people', 'create'), canAccess(role, 'people', 'edit'), canAccess(role, 'quarters', 'add_membership')]).toEqual([admin, admin, admin, admin]);
    }
  });

  it('offers the forms of the step deliverables (kick-off, participation record, goals workshop) to those who may write them', () => {
    for (const role of ['programme_admin', 'partner', 'facilitator'] as const) expect(canAccess(role, 'quarters', 'record_steps')).toBe(true);
    for (const role of ['operator', 'viewer'] as const) expect(canAccess(role, 'quarters', 'record_steps')).toBe(false);
  });

  it('offers nothing to someone not signed in, and never an action it does not know', () => {
    expect(canAccess(undefined, 'quarters', 'list')).toBe(false);
    expect(canAccess('programme_admin', 'audit-log', 'delete')).toBe(false);
    expect(canAccess('programme_admin', 'audit-log', 'edit')).toBe(false);
  });
});
