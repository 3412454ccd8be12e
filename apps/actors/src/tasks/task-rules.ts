import type { Phase } from '@genq/domain';
import type { Role, TaskDto, TaskTab } from '@genq/contracts';

/**
 * Who acts on a quarter's open development step, and in which tab of the quarter the form
 * of its deliverable is. The review step is the programme office's: the agreements service
 * names it (a binding version to review), so it is nobody's step here.
 */
export const STEP_ACTION: Record<string, { roles: readonly Role[]; tab: TaskTab }> = {
  kickoff: { roles: ['partner', 'facilitator'], tab: 'actors' },
  analysis: { roles: ['partner', 'facilitator'], tab: 'analysis' },
  strategy_workshop: { roles: ['facilitator', 'partner'], tab: 'analysis' },
  participation: { roles: ['facilitator', 'partner'], tab: 'actors' },
  goals_workshop: { roles: ['facilitator', 'partner'], tab: 'concept' },
  decision_and_signing: { roles: ['partner', 'facilitator'], tab: 'agreement' },
  review_and_certification: { roles: [], tab: 'agreement' },
};

/** Who acts on the next deadline of a later phase: partners file reports and reach milestones; the programme office holds the Bilanzierung. */
export const PHASE_DEADLINE_ACTION: Partial<Record<Phase, { roles: readonly Role[]; tab: TaskTab }>> = {
  implementation: { roles: ['partner'], tab: 'reports' },
  reaudit: { roles: ['programme_admin'], tab: 'overview' },
};

/** Those who watch the process and intervene in a stalled quarter. */
export const STALLED_WATCHERS: readonly Role[] = ['operator', 'programme_admin'];

/** The slice of the read model that decides a quarter's tasks. */
export interface QuarterTaskState {
  id: string;
  name: string;
  phase: Phase | null;
  currentStep: string | null;
  paused: boolean;
  stalled: boolean;
  stalledReason: string | null;
  stalledSince: string | null;
  nextDueAt: string | null;
  overdueSince: string | null;
}

/** The tasks one quarter gives a person of this role (none while it is paused). */
export function quarterTasks(role: Role, q: QuarterTaskState): TaskDto[] {
  const out: TaskDto[] = [];
  if (q.paused || q.phase === null || q.phase === 'closed' || q.phase === 'withdrawn') return out;
  const base = { quarterId: q.id, quarterName: q.name };
  if (q.phase === 'development' && q.currentStep) {
    const action = STEP_ACTION[q.currentStep];
    // A step the calendar added that nobody was assigned to: the partners own it, as they own the agreement.
    const roles = action?.roles ?? ['partner', 'facilitator'];
    if (roles.includes(role)) {
      out.push({ ...base, id: `step:${q.id}:${q.currentStep}`, kind: 'step', subject: q.currentStep, dueAt: q.nextDueAt, overdueSince: q.overdueSince, since: null, tab: action?.tab ?? 'overview' });
    }
  } else if (q.phase !== 'development' && q.nextDueAt) {
    const action = PHASE_DEADLINE_ACTION[q.phase];
    if (action?.roles.includes(role)) {
      out.push({ ...base, id: `deadline:${q.id}:${q.nextDueAt}`, kind: 'deadline', subject: q.phase, dueAt: q.nextDueAt, overdueSince: q.overdueSince, since: null, tab: action.tab });
    }
  }
  if (q.stalled && STALLED_WATCHERS.includes(role)) {
    out.push({ ...base, id: `stalled:${q.id}`, kind: 'stalled', subject: q.stalledReason, dueAt: null, overdueSince: q.overdueSince, since: q.stalledSince, tab: 'overview' });
  }
  return out;
}
