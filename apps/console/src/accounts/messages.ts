/** Messages of the account screens (issue 17: accounts edited by the programme office); spread into de.ts and en.ts. */
export const accountsGerman = {
  genq_accounts: {
    active: 'Aktiv',
    deactivated: 'Deaktiviert',
    deactivate: 'Deaktivieren',
    reactivate: 'Wieder aktivieren',
    deactivate_confirm_title: 'Konto „%{name}“ deaktivieren?',
    deactivate_confirm:
      'Die Person wird sofort abgemeldet und kann sich nicht mehr anmelden, bis das Konto wieder aktiviert ist. Die Änderung steht im Protokoll.',
    deactivated_done: 'Das Konto ist deaktiviert; alle Sitzungen sind beendet.',
    reactivated_done: 'Das Konto ist wieder aktiv.',
    reset_password: 'Passwort zurücksetzen',
    reset_confirm_title: 'Passwort von „%{name}“ zurücksetzen?',
    reset_confirm: 'GenQ erzeugt ein neues Einmalpasswort. Das bisherige gilt nicht mehr, und alle Sitzungen des Kontos enden.',
    reset_done_title: 'Neues Passwort',
    reset_done:
      'Geben Sie dieses Passwort der Person auf sicherem Weg weiter. Es wird nur jetzt angezeigt und ist nirgends im Klartext gespeichert.',
    saved: 'Das Konto ist gespeichert.',
    refused: 'Nicht möglich: %{reason}',
    role_help: 'Programmrollen brauchen Programme, Partnerorganisationen und Prozessbegleitung eine Organisation.',
    programmes_help: 'Kennungen der Programme, durch Komma getrennt (nur für Programmrollen).',
  },
};

export const accountsEnglish: typeof accountsGerman = {
  genq_accounts: {
    active: 'Active',
    deactivated: 'Deactivated',
    deactivate: 'Deactivate',
    reactivate: 'Reactivate',
    deactivate_confirm_title: 'Deactivate the account "%{name}"?',
    deactivate_confirm: 'The person is signed out at once and cannot sign in until the account is reactivated. The change is audited.',
    deactivated_done: 'The account is deactivated; every session has ended.',
    reactivated_done: 'The account is active again.',
    reset_password: 'Reset password',
    reset_confirm_title: 'Reset the password of "%{name}"?',
    reset_confirm: 'GenQ creates a new one-time password. The old one stops working and every session of the account ends.',
    reset_done_title: 'New password',
    reset_done: 'Pass this password on to the person by a safe way. It is shown only now and stored nowhere in plain text.',
    saved: 'The account is saved.',
    refused: 'Not possible: %{reason}',
    role_help: 'Programme roles need programmes; partners and facilitators need an organisation.',
    programmes_help: 'Programme ids, separated by commas (programme roles only).',
  },
};

/** `resources.accounts`: react-admin's labels of the resource and its fields. */
export const accountsResourceGerman = {
  accounts: {
    name: 'Benutzerkonto |||| Benutzerkonten',
    fields: {
      id: 'Kennung',
      q: 'Suche',
      email: 'E-Mail-Adresse',
      displayName: 'Anzeigename',
      role: 'Rolle',
      programmeIds: 'Programme',
      organisationId: 'Organisation',
      canSign: 'Zeichnungsbefugnis',
      disabled: 'Status',
      lockedUntil: 'Gesperrt bis',
      createdAt: 'Angelegt am',
    },
  },
};

export const accountsResourceEnglish: typeof accountsResourceGerman = {
  accounts: {
    name: 'Account |||| Accounts',
    fields: {
      id: 'Id',
      q: 'Search',
      email: 'E-mail address',
      displayName: 'Display name',
      role: 'Role',
      programmeIds: 'Programmes',
      organisationId: 'Organisation',
      canSign: 'Signing authority',
      disabled: 'Status',
      lockedUntil: 'Locked until',
      createdAt: 'Created on',
    },
  },
};
