import { ORGANISATION_TYPE_WORDS_DE } from '@genq/contracts';

/** Messages of the organisation screens and of "Organisation beteiligen" in the quarter's Akteure tab (issue 4); spread into de.ts and en.ts. */
export const organisationsGerman = {
  genq_organisations: {
    types: ORGANISATION_TYPE_WORDS_DE,
    validation: { ags: 'Bitte geben Sie den 8-stelligen Amtlichen Gemeindeschlüssel an' },
    people: 'Personen',
    no_people: 'Für diese Organisation sind noch keine Personen erfasst.',
    add_person: 'Person erfassen',
    pick: {
      helper: 'Aus den Organisationen des Programms wählen oder neu anlegen',
      programme_first: 'Bitte zuerst das Programm wählen',
      none: 'Keine passende Organisation',
      create_item: '„%{item}“ neu anlegen',
      created: 'Organisation „%{name}“ angelegt',
      refused: 'Nicht angelegt: %{reason}',
    },
    merge: {
      action: 'Zusammenführen',
      title: '„%{name}“ zusammenführen',
      intro: 'Ist „%{name}“ doppelt angelegt? Wählen Sie die Organisation, die bleibt. Beteiligungen, Personen, Benutzerkonten und Quartiere gehen auf sie über; „%{name}“ wird entfernt.',
      into: 'Bleibende Organisation',
      reason: 'Begründung (für das Protokoll)',
      none: 'Keine andere Organisation dieser Art im Programm',
      warning: '„%{name}“ wird in „%{into}“ überführt und entfernt. Das lässt sich nicht rückgängig machen.',
      confirm: 'Zusammenführen',
      done: '„%{name}“ ist in „%{into}“ aufgegangen: %{memberships} Beteiligungen, %{people} Personen, %{accounts} Konten, %{quarters} Quartiere übernommen.',
    },
    membership: {
      title: 'Organisation beteiligen',
      organisation: 'Organisation',
      person: 'Ansprechperson (optional)',
      no_person: 'keine',
      role: 'Rolle im Quartier',
      submit: 'Beteiligen',
      saved: 'Die Organisation ist am Quartier beteiligt.',
      indicators_pending: 'Beteiligt. Die Kennzahl „Beteiligte Kooperationspartner“ wird bei der nächsten Erfassung aktualisiert.',
      person_label: 'Ansprechperson: %{name}',
    },
  },
};

export const organisationsEnglish: typeof organisationsGerman = {
  genq_organisations: {
    types: {
      housing_company: 'Housing company',
      municipality: 'Municipality',
      welfare_organisation: 'Welfare organisation',
      private_owner: 'Private owners',
      local_business: 'Local business',
      initiative: 'Initiative',
      facilitation: 'Facilitation',
      programme_office: 'Programme office',
    },
    validation: { ags: 'Please enter the 8-digit official municipality key' },
    people: 'People',
    no_people: 'No people recorded for this organisation yet.',
    add_person: 'Add person',
    pick: {
      helper: "Pick one of the programme's organisations or create one",
      programme_first: 'Please choose the programme first',
      none: 'No matching organisation',
      create_item: 'Create "%{item}"',
      created: 'Organisation "%{name}" created',
      refused: 'Not created: %{reason}',
    },
    merge: {
      action: 'Merge',
      title: 'Merge "%{name}"',
      intro: 'Is "%{name}" a duplicate? Choose the organisation that stays. Memberships, people, accounts and quarters move to it; "%{name}" is removed.',
      into: 'Organisation kept',
      reason: 'Reason (for the audit log)',
      none: 'No other organisation of this kind in the programme',
      warning: '"%{name}" is merged into "%{into}" and removed. This cannot be undone.',
      confirm: 'Merge',
      done: '"%{name}" merged into "%{into}": %{memberships} memberships, %{people} people, %{accounts} accounts, %{quarters} quarters moved.',
    },
    membership: {
      title: 'Add organisation to the quarter',
      organisation: 'Organisation',
      person: 'Contact person (optional)',
      no_person: 'none',
      role: 'Role in the quarter',
      submit: 'Add',
      saved: 'The organisation takes part in the quarter.',
      indicators_pending: 'Added. The indicator "network partners" will be updated with the next recording.',
      person_label: 'Contact: %{name}',
    },
  },
};

/** `resources.organisations`: react-admin's labels of the resource and its fields. */
export const organisationsResourceGerman = {
  organisations: {
    name: 'Organisation |||| Organisationen',
    fields: {
      id: 'Kennung',
      q: 'Suche',
      name: 'Name',
      type: 'Art',
      ags: 'Amtlicher Gemeindeschlüssel (AGS)',
      programmeId: 'Programm',
      createdAt: 'Erfasst am',
    },
  },
};

export const organisationsResourceEnglish: typeof organisationsResourceGerman = {
  organisations: {
    name: 'Organisation |||| Organisations',
    fields: {
      id: 'Id',
      q: 'Search',
      name: 'Name',
      type: 'Type',
      ags: 'Official municipality key (AGS)',
      programmeId: 'Programme',
      createdAt: 'Recorded',
    },
  },
};
