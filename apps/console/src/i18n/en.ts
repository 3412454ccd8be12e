import { INTERVENTION_KIND_LABELS, PHASE_LABELS, ROLE_LABELS } from '@genq/contracts';
import englishMessages from 'ra-language-english';
import type { ConsoleMessages, DomainMessages } from './de';
import { analysisEnglish } from '../analysis/messages';
import { dashboardEnglish } from '../dashboard/messages';
import { agreementsEnglish } from '../agreements/messages';
import { amendmentsEnglish } from '../agreements/amendmentMessages';
import { quarterDetailsEnglish } from '../quarters/messages';
import { quarterImportEnglish } from '../quarters/importMessages';
import { cataloguesEnglish } from '../catalogues/messages';
import { programmesEnglish } from '../programmes/messages';
import { organisationsEnglish, organisationsResourceEnglish } from '../organisations/messages';
import { accountsEnglish, accountsResourceEnglish } from '../accounts/messages';
import { peopleEnglish, peopleResourceEnglish } from '../people/messages';
import { summaryEnglish } from '../process/summaryMessages';
import { auditEnglish } from '../auditLog/messages';
import { stepsEnglish } from '../actors/messages';
import { tasksEnglish } from '../tasks/messages';
import { incidentsEnglish } from '../incidents/messages';

/** English follows the German reference: the type rejects missing and extra keys. */
const domainEnglish: DomainMessages = {
  ...analysisEnglish,
  ...dashboardEnglish,
  ...agreementsEnglish,
  ...amendmentsEnglish,
  ...quarterDetailsEnglish,
  // issue 16: bulk admission of quarters
  ...quarterImportEnglish,
  ...programmesEnglish,
  // issue 4: organisations and their people
  ...organisationsEnglish,
  ...peopleEnglish,
  ...accountsEnglish,
  ...cataloguesEnglish,
  ...auditEnglish,
  ...stepsEnglish,
  ...tasksEnglish,
  genq_incidents: incidentsEnglish,
  app: {
    title: 'GenQ – Programme Office',
    title_organisation: 'GenQ – Quarter portal',
    dashboard: {
      title: 'Overview',
      subtitle: 'Quarters per phase',
      total: 'Quarters in total',
      unavailable: 'The number could not be loaded.',
      per_step: 'Quarters per step (development phase)',
      stalled: 'Stalled quarters',
      overdue: 'Overdue deadlines',
      upcoming: 'Deadlines in the next 30 days',
      none: 'None.',
      since: 'since %{date}',
      due: 'due %{date}',
      show_all: 'Show all',
    },
    deadline: {
      report: 'Annual report %{year} (cycle %{cycle})',
      reaudit: 'Bilanzierung (cycle %{cycle})',
      milestone: 'Milestone %{n} of a measure',
    },
    export_values: {
      yes: 'yes',
      no: 'no',
    },
    retry: {
      busy: 'The server is busy. Trying again in %{seconds} s …',
      unavailable: 'The service is briefly unavailable. Trying again in %{seconds} s …',
    },
    export: {
      csv: 'CSV export',
      failed: 'The export failed. Please try again.',
    },
    validation: {
      blank: 'Please enter more than spaces',
    },
    auth: {
      product: 'GenQ',
      programme: 'Generation-friendly living in the quarter (Generationengerechtes Wohnen im Quartier)',
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
    roles: ROLE_LABELS.en,
    audit: {
      export: 'Export as CSV',
      export_failed: 'The export failed. Please try again.',
      before_hint: 'State before and after the change, changed fields first (before empty for new records)',
      changes: 'Changes',
      field: 'Field',
    },
  },
  process: {
    summary: summaryEnglish,
    phase: PHASE_LABELS.en,
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
      columns: {
        deadline: 'Deadline',
        status: 'Status',
        due: 'due',
        completed: 'completed',
        reminders: 'Reminders',
      },
      due: 'due %{date}',
      overdue: 'overdue',
      current: 'current step',
      empty: 'No steps are scheduled for this quarter yet.',
      starting: 'The process is being started …',
      unavailable: 'The process state cannot be queried right now. Please reload the page later.',
      stalled: 'Stalled since %{since}: %{reason}',
      paused: 'Paused since %{since}: %{reason}',
      paused_chip: 'paused',
      withdrawn: 'Withdrawn on %{date}: %{reason}',
      waived: 'waived: %{reason}',
      responsible: 'responsible: %{name}',
      interventions: 'Interventions',
      no_interventions: 'No interventions so far.',
      intervention_by: '%{at}, %{who}: %{reason}',
    },
    intervention: {
      kind: INTERVENTION_KIND_LABELS.en,
      mode: {
        days: 'by days',
        until: 'to a date',
        shift_all: 'all open deadlines',
        current: "each quarter's current deadline",
      },
      fields: {
        key: 'Deadline',
        key_optional: 'Deadline (optional)',
        no_key: 'No particular deadline',
        days: 'Days',
        until: 'New due date',
        until_optional: 'New due date (optional)',
        responsible_name: 'Name of the responsible person',
        responsible_email: 'E-mail address (optional)',
        reason: 'Reason',
        reason_help: 'The reason is kept in the audit log.',
      },
      errors: {
        reason: 'Please give a reason of at least 3 characters.',
        reason_long: 'The reason may be at most 1000 characters long.',
        key: 'Please choose a deadline.',
        days: 'Please enter a whole number of days (at least 1).',
        until: 'Please choose a date.',
        responsible: 'Please enter a name.',
        email: 'Please enter a valid e-mail address.',
      },
      still_overdue: 'The new deadline lies in the past: the quarter stays overdue and stalled.',
      preview: {
        extend_dates: '"%{step}" will be due on %{to} instead of %{from}. Reminders follow the new deadline.',
        extend_days: '"%{step}" will be extended by %{days} days.',
        extend_until: '"%{step}" will be due on %{to}.',
        shift_all: 'Every open deadline moves by %{days} days.',
        extend_current: "Each quarter's current deadline (a step, an annual report, a milestone or the Bilanzierung) moves by %{days} days.",
        waive_step: '"%{step}" will be marked as waived; if it is the current step, the next one opens.',
        reopen_step: '"%{step}" becomes the current step again; the step that was current goes back to pending.',
        reassign: 'Reminders for the quarter will go to %{name}.',
        reassign_step: 'Reminders about "%{step}" will go to %{name}.',
        pause: 'Reminders, escalation and the inactivity clock stop until the quarter is resumed.',
        resume: 'Every open deadline moves by the time paused; reminders start again.',
        remind_now: 'A reminder for the first open deadline is sent at once.',
        remind_now_step: 'A reminder about "%{step}" is sent at once.',
        withdraw: 'The quarter will be withdrawn. Its process ends; this cannot be undone.',
      },
      apply: 'Apply',
      applied: 'Applied: %{summary}',
      refused: 'Not applied: %{reason}',
    },
    batch: {
      preview_region: 'Preview of the quarters concerned',
      button: 'Batch intervention',
      title: 'Batch intervention for the filtered quarters',
      preview: '1 quarter matches the current filter: |||| %{smart_count} quarters match the current filter:',
      kind: 'Intervention',
      next: 'Next',
      start: 'Start for 1 quarter |||| Start for %{smart_count} quarters',
      running: '%{done} of %{total} processed (%{applied} applied, %{refused} refused, %{failed} failed) …',
      finished: 'Finished: %{applied} applied, %{refused} refused, %{failed} failed (of %{total}).',
      outcome: 'Result',
      detail: 'Change or reason',
      outcomes: {
        applied: 'applied',
        refused: 'refused',
        failed: 'failed',
      },
    },
  },
  resources: {
    ...organisationsResourceEnglish,
    ...peopleResourceEnglish,
    ...accountsResourceEnglish,
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
        stalled: 'Stalled',
        stalledSince: 'Stalled since',
        stalledReason: 'Why stalled',
        paused: 'Paused',
        overdue: 'Overdue',
        nextDueAt: 'Next deadline',
        overdueSince: 'Overdue since',
      },
      filters: {
        stalled_only: 'Stalled quarters',
        overdue_only: 'Overdue quarters',
      },
      stalled_since: 'stalled since %{date}',
      overdue_since: 'overdue since %{date}',
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
    notifications: {
      name: 'Notification |||| Notifications',
      fields: {
        createdAt: 'Created',
        quarterId: 'Quarter',
        kind: 'Kind',
        deadlineKey: 'Deadline',
        recipientName: 'Recipient',
        recipientEmail: 'E-mail address',
        subject: 'Subject',
        status: 'Status',
        sentAt: 'Sent',
      },
      kinds: {
        before_due: 'before due',
        on_due: 'on the due date',
        overdue: 'overdue',
        escalation: 'escalation',
        stalled: 'stalled',
        manual: 'manual',
      },
      statuses: {
        pending: 'waiting',
        sent: 'sent',
        not_mailed: 'not mailed (no address)',
      },
    },
    'dead-letters': {
      name: 'Undeliverable event |||| Undeliverable events',
      fields: {
        failedAt: 'Given up at',
        consumer: 'Consumer',
        eventType: 'Event',
        quarterId: 'Quarter',
        error: 'Error',
        deliveries: 'Deliveries',
        eventId: 'Event id',
      },
      alert: '%{smart_count} event could not be delivered: the process and the services may disagree. |||| %{smart_count} events could not be delivered: the process and the services may disagree.',
      alert_open: 'Show',
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
