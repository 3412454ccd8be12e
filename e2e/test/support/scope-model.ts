import type { Role, ScopeKind } from '@genq/contracts';

/**
 * What each user should see, written down independently of the implementation: the
 * route test compares every answer of the running system with this model. It knows every
 * record the test made (the test registers what it creates).
 */
export interface ModelUser {
  key: string;
  email: string;
  id: string;
  role: Role;
  /** Mutable: an admin who creates a programme gains it. */
  programmeIds: string[];
  organisationId: string | null;
}

const PROGRAMME_ROLES: Role[] = ['programme_admin', 'operator', 'viewer'];

export class ScopeModel {
  readonly programmes = new Set<string>();
  readonly quarters = new Map<string, { programmeId: string }>();
  readonly organisations = new Map<string, { programmeId: string }>();
  readonly memberships: Array<{ quarterId: string; organisationId: string }> = [];
  readonly people = new Map<string, { organisationId: string }>();
  readonly accounts = new Map<string, { programmeIds: string[]; organisationId: string | null }>();
  readonly auditEntries = new Map<string, { programmeId: string | null }>();

  knows(kind: ScopeKind, id: string): boolean {
    return this.idsOf(kind).includes(id);
  }

  idsOf(kind: ScopeKind): string[] {
    switch (kind) {
      case 'programme':
        return [...this.programmes];
      case 'quarter':
        return [...this.quarters.keys()];
      case 'organisation':
        return [...this.organisations.keys()];
      case 'person':
        return [...this.people.keys()];
      case 'account':
        return [...this.accounts.keys()];
      case 'audit_entry':
        return [...this.auditEntries.keys()];
    }
  }

  visible(u: ModelUser, kind: ScopeKind, id: string): boolean {
    const byProgramme = PROGRAMME_ROLES.includes(u.role);
    const mine = (programmeId: string | null | undefined) => programmeId != null && u.programmeIds.includes(programmeId);
    switch (kind) {
      case 'quarter': {
        const q = this.quarters.get(id);
        if (!q) return false;
        if (byProgramme) return mine(q.programmeId);
        return this.memberships.some((m) => m.quarterId === id && m.organisationId === u.organisationId);
      }
      case 'programme':
        if (!this.programmes.has(id)) return false;
        if (byProgramme) return mine(id);
        return [...this.quarters].some(([qid, q]) => q.programmeId === id && this.visible(u, 'quarter', qid));
      case 'organisation': {
        const o = this.organisations.get(id);
        if (!o) return false;
        if (byProgramme) {
          return mine(o.programmeId) || this.memberships.some((m) => m.organisationId === id && mine(this.quarters.get(m.quarterId)?.programmeId));
        }
        return id === u.organisationId || this.memberships.some((m) => m.organisationId === id && this.visible(u, 'quarter', m.quarterId));
      }
      case 'person': {
        // Whoever sees the organisation sees its people.
        const p = this.people.get(id);
        return Boolean(p) && this.visible(u, 'organisation', p!.organisationId);
      }
      case 'account': {
        const a = this.accounts.get(id);
        if (!a) return false;
        if (id === u.id) return true;
        if (!byProgramme || u.programmeIds.length === 0) return false;
        return a.programmeIds.some(mine) || (a.organisationId !== null && this.visible(u, 'organisation', a.organisationId));
      }
      case 'audit_entry': {
        const e = this.auditEntries.get(id);
        return Boolean(e) && byProgramme && mine(e!.programmeId);
      }
    }
  }
}
