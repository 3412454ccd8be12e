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
  },
};

export const englishConsoleMessages: ConsoleMessages = {
  ...englishMessages,
  ...domainEnglish,
};
