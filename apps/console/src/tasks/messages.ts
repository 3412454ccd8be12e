/** Messages of "Meine Aufgaben" (issue 17); spread into de.ts and en.ts. */
export const tasksGerman = {
  genq_tasks: {
    menu: 'Meine Aufgaben',
    title: 'Meine Aufgaben',
    intro: 'Alles, was Sie oder Ihre Organisation jetzt erledigen müssen, das Dringendste zuerst.',
    none: 'Zurzeit steht keine Aufgabe an.',
    loading_failed: 'Die Aufgaben konnten nicht geladen werden. Bitte versuchen Sie es erneut.',
    count: '%{total} offen, davon %{overdue} überfällig',
    count_badge: '%{total} offene Aufgaben, davon %{overdue} überfällig',
    columns: {
      quarter: 'Quartier',
      task: 'Aufgabe',
      due: 'Fällig am',
      state: 'Stand',
      action: 'Aktion',
    },
    overdue_since: 'überfällig seit %{date}',
    waiting_since: 'wartet seit %{date}',
    open: 'Öffnen',
    open_label: '%{task} für %{quarter} öffnen',
    kinds: {
      step: '%{subject} abschließen',
      deadline: 'Nächste Frist der %{subject}',
      stalled: 'Stockendes Quartier prüfen',
      sign_agreement: 'Zielvereinbarung (Version %{subject}) unterzeichnen',
      review_agreement: 'Zielvereinbarung (Version %{subject}) prüfen',
      review_report: 'Jahresbericht %{subject} prüfen',
      confirm_amendment: 'Änderung bestätigen: %{subject}',
      accept_amendment: 'Änderung annehmen: %{subject}',
    },
    home: {
      title: 'Startseite',
      quarters: 'Meine Quartiere',
    },
  },
};

export const tasksEnglish: typeof tasksGerman = {
  genq_tasks: {
    menu: 'My tasks',
    title: 'My tasks',
    intro: 'Everything you or your organisation must do now, the most urgent first.',
    none: 'No task is due at the moment.',
    loading_failed: 'The tasks could not be loaded. Please try again.',
    count: '%{total} open, %{overdue} of them overdue',
    count_badge: '%{total} open tasks, %{overdue} of them overdue',
    columns: {
      quarter: 'Quarter',
      task: 'Task',
      due: 'Due on',
      state: 'State',
      action: 'Action',
    },
    overdue_since: 'overdue since %{date}',
    waiting_since: 'waiting since %{date}',
    open: 'Open',
    open_label: 'Open %{task} for %{quarter}',
    kinds: {
      step: 'Complete %{subject}',
      deadline: 'Next deadline of the %{subject}',
      stalled: 'Check the stalled quarter',
      sign_agreement: 'Sign the agreement (version %{subject})',
      review_agreement: 'Review the agreement (version %{subject})',
      review_report: 'Review annual report %{subject}',
      confirm_amendment: 'Confirm the amendment: %{subject}',
      accept_amendment: 'Accept the amendment: %{subject}',
    },
    home: {
      title: 'Home',
      quarters: 'My quarters',
    },
  },
};
