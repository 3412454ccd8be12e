/** Messages of the people screens (issue 4); spread into de.ts and en.ts. */
export const peopleGerman = {
  genq_people: {
    signing_help:
      'Zeichnungsbefugnis: Die Person darf Zielvereinbarungen für ihre Organisation unterzeichnen. Ist ihr ein Benutzerkonto zugeordnet, gilt für dieses Konto allein diese Angabe.',
    account_help: 'Optional: Kennung eines Benutzerkontos derselben Organisation, mit dem sich die Person anmeldet.',
    validation: {
      phone: 'Bitte geben Sie eine Telefonnummer an (Ziffern, Leerzeichen, + ( ) / -)',
    },
  },
};

export const peopleEnglish: typeof peopleGerman = {
  genq_people: {
    signing_help:
      'Signing authority: the person may sign agreements for their organisation. If a user account is linked to the person, this setting alone applies to that account.',
    account_help: 'Optional: id of a user account of the same organisation with which the person signs in.',
    validation: {
      phone: 'Please enter a phone number (digits, spaces, + ( ) / -)',
    },
  },
};

/** `resources.people`: react-admin's labels of the resource and its fields. */
export const peopleResourceGerman = {
  people: {
    name: 'Person |||| Personen',
    fields: {
      id: 'Kennung',
      q: 'Suche',
      organisationId: 'Organisation',
      name: 'Name',
      role: 'Funktion',
      email: 'E-Mail-Adresse',
      phone: 'Telefon',
      signingAuthority: 'Zeichnungsbefugnis',
      accountId: 'Benutzerkonto',
      createdAt: 'Erfasst am',
      updatedAt: 'Geändert am',
    },
  },
};

export const peopleResourceEnglish: typeof peopleResourceGerman = {
  people: {
    name: 'Person |||| People',
    fields: {
      id: 'Id',
      q: 'Search',
      organisationId: 'Organisation',
      name: 'Name',
      role: 'Function',
      email: 'E-mail address',
      phone: 'Phone',
      signingAuthority: 'Signing authority',
      accountId: 'User account',
      createdAt: 'Recorded',
      updatedAt: 'Changed',
    },
  },
};
