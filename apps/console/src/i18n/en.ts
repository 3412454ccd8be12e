import englishMessages from 'ra-language-english';
import type { ConsoleMessages, DomainMessages } from './de';

/** English follows the German reference: the type rejects missing and extra keys. */
const domainEnglish: DomainMessages = {
  app: {
    title: 'GenQ – Programme Office',
    dashboard: {
      title: 'Overview',
      subtitle: 'Quarters per phase',
      total: 'Quarters in total',
      unavailable: 'The number could not be loaded.',
    },
    validation: {
      blank: 'Please enter more than spaces',
    },
    auth: {
      title: 'Sign in',
      subtitle: 'Please sign in with your e-mail address and password.',
      email: 'E-mail address',
      password: 'Password',
      submit: 'Sign in',
      failed:
        'Sign-in failed. Please check your e-mail address and password. After several failed attempts the account is locked for a while.',
      too_many: 'Too many sign-in attempts. Please wait a minute and try again.',
      unavailable: 'Signing in is not possible right now. Please try again later.',
    },
    roles: {
      programme_admin: 'Programme office (administration)',
      operator: 'Programme office operator',
      facilitator: 'Facilitator',
      partner: 'Partner organisation',
      viewer: 'Read-only',
    },
    audit: {
      export: 'Export as CSV',
      export_failed: 'The export failed. Please try again.',
      before_hint: 'State before the change (empty for new records)',
      resource: {
        quarter: 'Quarter',
        programme: 'Programme',
        organisation: 'Organisation',
        membership: 'Membership',
        account: 'User account',
      },
    },
  },
  process: {
    phase: {
      development: 'Development phase',
      implementation: 'Implementation phase',
      reaudit: 'Re-audit',
      closed: 'closed',
      withdrawn: 'withdrawn',
      starting: 'starting',
    },
    step: {
      kickoff: 'Kick-off',
      analysis: 'Quarter analysis',
      strategy_workshop: 'Strategy workshop',
      participation: 'Participation phase',
      goals_workshop: 'Goals agreement workshop',
      decision_and_signing: 'Coordination and decision',
      review_and_certification: 'Review and certification',
    },
    status: {
      pending: 'pending',
      active: 'in progress',
      completed: 'completed',
      waived: 'waived',
    },
    timeline: {
      title: 'Process',
      due: 'due %{date}',
      completed: 'completed %{date}',
      overdue: 'overdue',
      current: 'current step',
      empty: 'No steps are scheduled for this quarter yet.',
      unavailable: 'The process state cannot be queried right now. Please reload the page later.',
    },
  },
  resources: {
    quarters: {
      name: 'Quarter |||| Quarters',
      fields: {
        id: 'Id',
        q: 'Search',
        name: 'Quarter',
        municipality: 'Municipality',
        kreis: 'District (Kreis)',
        land: 'State (Land)',
        housingCompany: 'Housing company',
        programmeId: 'Programme',
        phase: 'Phase',
        currentStep: 'Current step',
        workflowStartedAt: 'Process started',
        createdAt: 'Created',
      },
      helper: {
        kreis: 'Leave empty for district-free cities',
      },
      tabs: {
        overview: 'Overview',
      },
    },
    programmes: {
      name: 'Programme |||| Programmes',
      fields: {
        id: 'Id',
        name: 'Name',
        catalogueVersion: 'Catalogue version',
      },
    },
    'audit-log': {
      name: 'Audit entry |||| Audit log',
      fields: {
        id: 'No.',
        q: 'Search',
        at: 'When',
        at_gte: 'From date',
        at_lte: 'To date',
        actorEmail: 'Who',
        actorRole: 'Role',
        action: 'Action',
        resourceType: 'Kind of record',
        resourceId: 'Record',
        programmeId: 'Programme',
        quarterId: 'Quarter',
        reason: 'Reason',
        requestId: 'Request id',
        before: 'Before',
        after: 'After',
      },
    },
  },
};

export const englishConsoleMessages: ConsoleMessages = {
  ...englishMessages,
  ...domainEnglish,
};
