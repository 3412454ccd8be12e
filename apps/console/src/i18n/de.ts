import { INTERVENTION_KIND_LABELS, PHASE_LABELS, ROLE_LABELS } from '@genq/contracts';
import type { TranslationMessages } from 'react-admin';
import { analysisGerman } from '../analysis/messages';
import { dashboardGerman } from '../dashboard/messages';
import { agreementsGerman } from '../agreements/messages';
import { amendmentsGerman } from '../agreements/amendmentMessages';
import { quarterDetailsGerman } from '../quarters/messages';
import { quarterImportGerman } from '../quarters/importMessages';
import { cataloguesGerman } from '../catalogues/messages';
import { programmesGerman } from '../programmes/messages';
import { organisationsGerman, organisationsResourceGerman } from '../organisations/messages';
import { accountsGerman, accountsResourceGerman } from '../accounts/messages';
import { peopleGerman, peopleResourceGerman } from '../people/messages';
import { summaryGerman } from '../process/summaryMessages';
import { auditGerman } from '../auditLog/messages';
import { stepsGerman } from '../actors/messages';
import { tasksGerman } from '../tasks/messages';
import { incidentsGerman } from '../incidents/messages';

/**
 * German is the console's first and default language, in formal address ("Sie").
 * `ra` translates react-admin's own UI strings key for key from `ra-language-english`
 * (ra-language-german targets an older react-admin and misses keys).
 */
const reactAdminGerman: TranslationMessages['ra'] = {
  action: {
    add_filter: 'Filter hinzufügen',
    add: 'Hinzufügen',
    back: 'Zurück',
    bulk_actions: '1 Eintrag ausgewählt |||| %{smart_count} Einträge ausgewählt',
    cancel: 'Abbrechen',
    clear_array_input: 'Liste leeren',
    clear_input_value: 'Eingabe löschen',
    clone: 'Duplizieren',
    confirm: 'Bestätigen',
    create: 'Anlegen',
    create_item: '%{item} anlegen',
    delete: 'Löschen',
    edit: 'Bearbeiten',
    export: 'Exportieren',
    list: 'Liste',
    refresh: 'Aktualisieren',
    remove_filter: 'Diesen Filter entfernen',
    remove_all_filters: 'Alle Filter entfernen',
    remove: 'Entfernen',
    reset: 'Zurücksetzen',
    save: 'Speichern',
    search: 'Suchen',
    search_columns: 'Spalten durchsuchen',
    select_all: 'Alle auswählen',
    select_all_button: 'Alle auswählen',
    select_row: 'Diese Zeile auswählen',
    show: 'Anzeigen',
    sort: 'Sortieren',
    undo: 'Rückgängig',
    unselect: 'Auswahl aufheben',
    expand: 'Aufklappen',
    close: 'Schließen',
    open_menu: 'Menü öffnen',
    close_menu: 'Menü schließen',
    update: 'Aktualisieren',
    move_up: 'Nach oben verschieben',
    move_down: 'Nach unten verschieben',
    open: 'Öffnen',
    toggle_theme: 'Helles/dunkles Design umschalten',
    select_columns: 'Spalten',
    update_application: 'Anwendung neu laden',
  },
  boolean: {
    true: 'Ja',
    false: 'Nein',
    null: ' ',
  },
  page: {
    create: '%{name} anlegen',
    dashboard: 'Übersicht',
    edit: '%{name} %{recordRepresentation}',
    error: 'Etwas ist schiefgelaufen',
    list: '%{name}',
    loading: 'Wird geladen',
    not_found: 'Nicht gefunden',
    show: '%{name} %{recordRepresentation}',
    empty: 'Noch keine %{name} vorhanden.',
    invite: 'Möchten Sie einen Eintrag anlegen?',
    access_denied: 'Zugriff verweigert',
    authentication_error: 'Fehler bei der Anmeldung',
  },
  input: {
    file: {
      upload_several: 'Legen Sie Dateien hier ab oder klicken Sie, um eine auszuwählen.',
      upload_single: 'Legen Sie eine Datei hier ab oder klicken Sie, um sie auszuwählen.',
    },
    image: {
      upload_several: 'Legen Sie Bilder hier ab oder klicken Sie, um eines auszuwählen.',
      upload_single: 'Legen Sie ein Bild hier ab oder klicken Sie, um es auszuwählen.',
    },
    references: {
      all_missing: 'Die verknüpften Daten wurden nicht gefunden.',
      many_missing: 'Mindestens einer der verknüpften Einträge ist nicht mehr verfügbar.',
      single_missing: 'Der verknüpfte Eintrag ist nicht mehr verfügbar.',
    },
    password: {
      toggle_visible: 'Passwort verbergen',
      toggle_hidden: 'Passwort anzeigen',
    },
  },
  message: {
    about: 'Über',
    access_denied: 'Sie haben keine Berechtigung, diese Seite aufzurufen.',
    are_you_sure: 'Sind Sie sicher?',
    authentication_error:
      'Der Anmeldeserver hat einen Fehler gemeldet; Ihre Anmeldedaten konnten nicht geprüft werden.',
    auth_error: 'Beim Prüfen des Anmeldetokens ist ein Fehler aufgetreten.',
    bulk_delete_content:
      'Möchten Sie diesen Eintrag (%{name}) wirklich löschen? |||| Möchten Sie diese %{smart_count} Einträge wirklich löschen?',
    bulk_delete_title: '%{name} löschen |||| %{smart_count} %{name} löschen',
    bulk_update_content:
      'Möchten Sie %{name} %{recordRepresentation} wirklich aktualisieren? |||| Möchten Sie diese %{smart_count} Einträge wirklich aktualisieren?',
    bulk_update_title:
      '%{name} %{recordRepresentation} aktualisieren |||| %{smart_count} %{name} aktualisieren',
    clear_array_input: 'Möchten Sie wirklich die gesamte Liste leeren?',
    delete_content: 'Möchten Sie diesen Eintrag (%{name}) wirklich löschen?',
    delete_title: '%{name} %{recordRepresentation} löschen',
    details: 'Details',
    error: 'Es ist ein Fehler in der Anwendung aufgetreten; Ihre Anfrage konnte nicht abgeschlossen werden.',
    invalid_form: 'Das Formular ist nicht gültig. Bitte prüfen Sie Ihre Eingaben.',
    loading: 'Bitte warten Sie',
    no: 'Nein',
    not_found: 'Die Adresse ist falsch eingegeben oder der Link ist fehlerhaft.',
    select_all_limit_reached:
      'Es gibt zu viele Einträge, um alle auszuwählen. Nur die ersten %{max} Einträge wurden ausgewählt.',
    unsaved_changes: 'Einige Ihrer Änderungen wurden nicht gespeichert. Möchten Sie sie wirklich verwerfen?',
    yes: 'Ja',
    placeholder_data_warning: 'Netzwerkproblem: Die Daten konnten nicht aktualisiert werden.',
  },
  navigation: {
    clear_filters: 'Filter zurücksetzen',
    no_filtered_results: 'Mit den aktuellen Filtern wurden keine %{name} gefunden.',
    no_results: 'Keine %{name} gefunden',
    no_more_results: 'Die Seite %{page} existiert nicht. Bitte gehen Sie zur vorherigen Seite.',
    page_out_of_boundaries: 'Seite %{page} existiert nicht',
    page_out_from_end: 'Dies ist bereits die letzte Seite',
    page_out_from_begin: 'Dies ist bereits die erste Seite',
    page_range_info: '%{offsetBegin}–%{offsetEnd} von %{total}',
    partial_page_range_info: '%{offsetBegin}–%{offsetEnd} von mehr als %{offsetEnd}',
    current_page: 'Seite %{page}',
    page: 'Zu Seite %{page}',
    first: 'Zur ersten Seite',
    last: 'Zur letzten Seite',
    next: 'Zur nächsten Seite',
    previous: 'Zur vorherigen Seite',
    page_rows_per_page: 'Zeilen pro Seite:',
    skip_nav: 'Zum Inhalt springen',
  },
  sort: {
    // German nouns keep their capital letter, so the label uses `field`, not `field_lower_first`.
    sort_by: 'Nach %{field} sortieren (%{order})',
    ASC: 'aufsteigend',
    DESC: 'absteigend',
  },
  auth: {
    auth_check_error: 'Bitte melden Sie sich an, um fortzufahren.',
    user_menu: 'Profil',
    username: 'Benutzername',
    password: 'Passwort',
    email: 'E-Mail',
    sign_in: 'Anmelden',
    sign_in_error: 'Die Anmeldung ist fehlgeschlagen. Bitte versuchen Sie es erneut.',
    logout: 'Abmelden',
  },
  notification: {
    updated: 'Eintrag aktualisiert |||| %{smart_count} Einträge aktualisiert',
    created: 'Eintrag angelegt',
    deleted: 'Eintrag gelöscht |||| %{smart_count} Einträge gelöscht',
    bad_item: 'Fehlerhafter Eintrag',
    item_doesnt_exist: 'Der Eintrag existiert nicht',
    http_error: 'Fehler bei der Kommunikation mit dem Server',
    data_provider_error: 'Fehler im Datenprovider. Details finden Sie in der Browser-Konsole.',
    i18n_error: 'Die Übersetzungen für die gewählte Sprache konnten nicht geladen werden.',
    canceled: 'Aktion abgebrochen',
    logged_out: 'Ihre Sitzung ist abgelaufen. Bitte melden Sie sich erneut an.',
    not_authorized: 'Sie sind nicht berechtigt, auf diesen Inhalt zuzugreifen.',
    application_update_available: 'Eine neue Version ist verfügbar.',
    offline: 'Keine Verbindung. Die Daten konnten nicht geladen werden.',
  },
  validation: {
    required: 'Pflichtfeld',
    minLength: 'Bitte geben Sie mindestens %{min} Zeichen ein',
    maxLength: 'Bitte geben Sie höchstens %{max} Zeichen ein',
    minValue: 'Der Wert muss mindestens %{min} betragen',
    maxValue: 'Der Wert darf höchstens %{max} betragen',
    number: 'Bitte geben Sie eine Zahl ein',
    email: 'Bitte geben Sie eine gültige E-Mail-Adresse ein',
    oneOf: 'Bitte wählen Sie einen der folgenden Werte: %{options}',
    regex: 'Die Eingabe muss einem bestimmten Format entsprechen (regulärer Ausdruck): %{pattern}',
    unique: 'Dieser Wert ist bereits vergeben',
  },
  saved_queries: {
    label: 'Gespeicherte Abfragen',
    query_name: 'Name der Abfrage',
    new_label: 'Aktuelle Abfrage speichern …',
    new_dialog_title: 'Aktuelle Abfrage speichern unter',
    remove_label: 'Gespeicherte Abfrage entfernen',
    remove_label_with_name: 'Abfrage „%{name}“ entfernen',
    remove_dialog_title: 'Gespeicherte Abfrage entfernen?',
    remove_message: 'Möchten Sie diese Abfrage wirklich aus Ihren gespeicherten Abfragen entfernen?',
    help: 'Filtern Sie die Liste und speichern Sie die Abfrage für später',
  },
  guesser: {
    empty: {
      title: 'Keine Daten vorhanden',
      message: 'Bitte prüfen Sie Ihren Datenprovider',
    },
  },
  configurable: {
    customize: 'Anpassen',
    configureMode: 'Diese Seite anpassen',
    inspector: {
      title: 'Inspektor',
      content: 'Bewegen Sie den Mauszeiger über die Elemente der Oberfläche, um sie anzupassen',
      reset: 'Einstellungen zurücksetzen',
      hideAll: 'Alle ausblenden',
      showAll: 'Alle einblenden',
    },
    Datagrid: {
      title: 'Tabelle',
      unlabeled: 'Spalte #%{column} ohne Bezeichnung',
    },
    SimpleForm: {
      title: 'Formular',
      unlabeled: 'Eingabefeld #%{input} ohne Bezeichnung',
    },
    SimpleList: {
      title: 'Liste',
      primaryText: 'Haupttext',
      secondaryText: 'Zweiter Text',
      tertiaryText: 'Dritter Text',
    },
  },
};

/** The console's own keys. German is the reference: every other language must match its shape. */
const domainGerman = {
  // issue 4: the quarter's actors and analysis tabs
  ...analysisGerman,
  // issue 6: dashboard, saved views, XLSX export
  ...dashboardGerman,
  // issue 6: goals and measures, agreement, reports and log of the quarter
  ...agreementsGerman,
  ...amendmentsGerman,
  ...quarterDetailsGerman,
  // issue 16: bulk admission of quarters
  ...quarterImportGerman,
  // issue 6: programme calendars and catalogue versions
  ...programmesGerman,
  // issue 4: organisations and their people
  ...organisationsGerman,
  ...peopleGerman,
  ...accountsGerman,
  ...cataloguesGerman,
  // audit action keys and resource types
  ...auditGerman,
  // the deliverables that complete Auftakt, Beteiligungsphase and Zielvereinbarungsworkshop
  ...stepsGerman,
  // issue 17: "Meine Aufgaben"
  ...tasksGerman,
  // issue 18: technical incidents ("Störungen")
  genq_incidents: incidentsGerman,
  app: {
    title: 'GenQ – Programmstelle',
    title_organisation: 'GenQ – Quartiersportal',
    dashboard: {
      title: 'Übersicht',
      subtitle: 'Quartiere je Phase',
      total: 'Quartiere insgesamt',
      unavailable: 'Die Zahl konnte nicht geladen werden.',
      per_step: 'Quartiere je Schritt (Entwicklungsphase)',
      stalled: 'Stockende Quartiere',
      overdue: 'Überfällige Fristen',
      upcoming: 'Fristen in den nächsten 30 Tagen',
      none: 'Keine.',
      since: 'seit %{date}',
      due: 'fällig am %{date}',
      show_all: 'Alle anzeigen',
    },
    deadline: {
      report: 'Jahresbericht %{year} (Zyklus %{cycle})',
      reaudit: 'Bilanzierung (Zyklus %{cycle})',
      milestone: 'Meilenstein %{n} einer Maßnahme',
    },
    export_values: {
      yes: 'ja',
      no: 'nein',
    },
    retry: {
      busy: 'Der Server ist gerade ausgelastet. Neuer Versuch in %{seconds} s …',
      unavailable: 'Der Dienst ist kurz nicht erreichbar. Neuer Versuch in %{seconds} s …',
    },
    export: {
      csv: 'CSV-Export',
      failed: 'Der Export ist fehlgeschlagen. Bitte versuchen Sie es erneut.',
    },
    validation: {
      blank: 'Bitte geben Sie mehr als nur Leerzeichen ein',
    },
    auth: {
      product: 'GenQ',
      programme: 'Generationengerechtes Wohnen im Quartier',
      title: 'Anmeldung',
      subtitle: 'Bitte melden Sie sich mit Ihrer E-Mail-Adresse und Ihrem Passwort an.',
      email: 'E-Mail-Adresse',
      password: 'Passwort',
      submit: 'Anmelden',
      failed:
        'Die Anmeldung ist fehlgeschlagen. Bitte prüfen Sie E-Mail-Adresse und Passwort. Nach mehreren Fehlversuchen ist das Konto vorübergehend gesperrt.',
      too_many: 'Zu viele Anmeldeversuche. Bitte warten Sie eine Minute und versuchen Sie es dann erneut.',
      unavailable: 'Die Anmeldung ist derzeit nicht möglich. Bitte versuchen Sie es später erneut.',
    },
    roles: ROLE_LABELS.de,
    audit: {
      export: 'Als CSV exportieren',
      export_failed: 'Der Export ist fehlgeschlagen. Bitte versuchen Sie es erneut.',
      before_hint: 'Stand vor und nach der Änderung, geänderte Felder zuerst (vorher leer bei neu angelegten Einträgen)',
      changes: 'Änderungen',
      field: 'Feld',
    },
  },
  process: {
    summary: summaryGerman,
    phase: PHASE_LABELS.de,
    step: {
      kickoff: 'Auftakt',
      analysis: 'Quartiersanalyse',
      strategy_workshop: 'Strategieworkshop',
      participation: 'Beteiligungsphase',
      goals_workshop: 'Zielvereinbarungsworkshop',
      decision_and_signing: 'Abstimmung und Beschluss',
      review_and_certification: 'Prüfung und Zertifizierung',
    },
    status: {
      pending: 'ausstehend',
      active: 'in Bearbeitung',
      completed: 'abgeschlossen',
      waived: 'übersprungen',
    },
    timeline: {
      title: 'Prozessverlauf',
      columns: {
        deadline: 'Frist',
        status: 'Stand',
        due: 'fällig am',
        completed: 'abgeschlossen am',
        reminders: 'Erinnerungen',
      },
      due: 'fällig am %{date}',
      overdue: 'überfällig',
      current: 'aktueller Schritt',
      empty: 'Für dieses Quartier sind noch keine Schritte geplant.',
      starting: 'Der Prozess wird gestartet …',
      unavailable:
        'Der Prozessstand kann derzeit nicht abgefragt werden. Bitte laden Sie die Seite später erneut.',
      stalled: 'Stockt seit %{since}: %{reason}',
      paused: 'Pausiert seit %{since}: %{reason}',
      paused_chip: 'pausiert',
      withdrawn: 'Zurückgezogen am %{date}: %{reason}',
      waived: 'übersprungen: %{reason}',
      responsible: 'zuständig: %{name}',
      interventions: 'Eingriffe',
      no_interventions: 'Bisher keine Eingriffe.',
      intervention_by: '%{at}, %{who}: %{reason}',
    },
    intervention: {
      kind: INTERVENTION_KIND_LABELS.de,
      mode: {
        days: 'um Tage',
        until: 'bis Datum',
        shift_all: 'alle offenen Fristen',
        current: 'die laufende Frist jedes Quartiers',
      },
      fields: {
        key: 'Frist',
        key_optional: 'Frist (optional)',
        no_key: 'Keine bestimmte Frist',
        days: 'Tage',
        until: 'Neues Fälligkeitsdatum',
        until_optional: 'Neues Fälligkeitsdatum (optional)',
        responsible_name: 'Name der zuständigen Person',
        responsible_email: 'E-Mail-Adresse (optional)',
        reason: 'Begründung',
        reason_help: 'Die Begründung wird im Audit-Log gespeichert.',
      },
      errors: {
        reason: 'Bitte geben Sie eine Begründung mit mindestens 3 Zeichen an.',
        reason_long: 'Die Begründung darf höchstens 1000 Zeichen lang sein.',
        key: 'Bitte wählen Sie eine Frist.',
        days: 'Bitte geben Sie eine ganze Zahl von Tagen (mindestens 1) an.',
        until: 'Bitte wählen Sie ein Datum.',
        responsible: 'Bitte geben Sie einen Namen an.',
        email: 'Bitte geben Sie eine gültige E-Mail-Adresse an.',
      },
      still_overdue: 'Die neue Frist liegt in der Vergangenheit: Das Quartier bleibt überfällig und stockend.',
      preview: {
        extend_dates: '„%{step}“ wird statt am %{from} am %{to} fällig. Erinnerungen richten sich nach der neuen Frist.',
        extend_days: '„%{step}“ wird um %{days} Tage verlängert.',
        extend_until: '„%{step}“ wird am %{to} fällig.',
        shift_all: 'Alle noch offenen Fristen werden um %{days} Tage verschoben.',
        extend_current: 'Die laufende Frist jedes Quartiers (ob Schritt, Jahresbericht, Meilenstein oder Bilanzierung) wird um %{days} Tage verlängert.',
        waive_step: '„%{step}“ wird als übersprungen markiert; ist es der aktuelle Schritt, beginnt der nächste.',
        reopen_step: '„%{step}“ wird wieder der aktuelle Schritt; der bisher aktuelle Schritt geht zurück auf ausstehend.',
        reassign: 'Erinnerungen für das Quartier gehen künftig an %{name}.',
        reassign_step: 'Erinnerungen zu „%{step}“ gehen künftig an %{name}.',
        pause: 'Erinnerungen, Eskalationen und die Inaktivitätsfrist ruhen bis zur Fortsetzung.',
        resume: 'Alle offenen Fristen werden um die Dauer der Pause verschoben; Erinnerungen laufen wieder.',
        remind_now: 'Für die erste offene Frist wird sofort eine Erinnerung versandt.',
        remind_now_step: 'Zu „%{step}“ wird sofort eine Erinnerung versandt.',
        withdraw: 'Das Quartier wird zurückgezogen. Der Prozess endet; dies kann nicht rückgängig gemacht werden.',
      },
      apply: 'Ausführen',
      applied: 'Ausgeführt: %{summary}',
      refused: 'Nicht ausgeführt: %{reason}',
    },
    batch: {
      preview_region: 'Vorschau der betroffenen Quartiere',
      button: 'Sammelintervention',
      title: 'Sammelintervention für die gefilterten Quartiere',
      preview: '1 Quartier entspricht dem aktuellen Filter: |||| %{smart_count} Quartiere entsprechen dem aktuellen Filter:',
      kind: 'Eingriff',
      next: 'Weiter',
      start: 'Für 1 Quartier starten |||| Für %{smart_count} Quartiere starten',
      running: '%{done} von %{total} bearbeitet (%{applied} ausgeführt, %{refused} abgelehnt, %{failed} fehlgeschlagen) …',
      finished: 'Abgeschlossen: %{applied} ausgeführt, %{refused} abgelehnt, %{failed} fehlgeschlagen (von %{total}).',
      outcome: 'Ergebnis',
      detail: 'Änderung oder Grund',
      outcomes: {
        applied: 'ausgeführt',
        refused: 'abgelehnt',
        failed: 'fehlgeschlagen',
      },
    },
  },
  resources: {
    ...organisationsResourceGerman,
    ...peopleResourceGerman,
    ...accountsResourceGerman,
    quarters: {
      name: 'Quartier |||| Quartiere',
      fields: {
        id: 'Kennung',
        q: 'Suche',
        name: 'Quartier',
        municipality: 'Kommune',
        kreis: 'Kreis',
        land: 'Land',
        housingCompany: 'Wohnungsunternehmen',
        programmeId: 'Programm',
        phase: 'Phase',
        currentStep: 'Aktueller Schritt',
        workflowStartedAt: 'Prozess gestartet am',
        createdAt: 'Angelegt am',
        stalled: 'Stockend',
        stalledSince: 'Stockend seit',
        stalledReason: 'Grund des Stockens',
        paused: 'Pausiert',
        overdue: 'Überfällig',
        nextDueAt: 'Nächste Frist',
        overdueSince: 'Überfällig seit',
      },
      filters: {
        stalled_only: 'Stockende Quartiere',
        overdue_only: 'Überfällige Quartiere',
      },
      stalled_since: 'stockend seit %{date}',
      overdue_since: 'überfällig seit %{date}',
      helper: {
        kreis: 'Leer lassen bei kreisfreien Städten',
      },
      tabs: {
        overview: 'Übersicht',
      },
    },
    programmes: {
      name: 'Programm |||| Programme',
      fields: {
        id: 'Kennung',
        name: 'Name',
        catalogueVersion: 'Katalogversion',
      },
    },
    notifications: {
      name: 'Benachrichtigung |||| Benachrichtigungen',
      fields: {
        createdAt: 'Erstellt am',
        quarterId: 'Quartier',
        kind: 'Art',
        deadlineKey: 'Frist',
        recipientName: 'Empfänger',
        recipientEmail: 'E-Mail-Adresse',
        subject: 'Betreff',
        status: 'Status',
        sentAt: 'Versandt am',
      },
      kinds: {
        before_due: 'vor Fälligkeit',
        on_due: 'am Fälligkeitstag',
        overdue: 'überfällig',
        escalation: 'Eskalation',
        stalled: 'stockend',
        manual: 'manuell',
      },
      statuses: {
        pending: 'wartet',
        sent: 'versandt',
        not_mailed: 'nicht versandt (keine Adresse)',
      },
    },
    'dead-letters': {
      name: 'Unzustellbares Ereignis |||| Unzustellbare Ereignisse',
      fields: {
        failedAt: 'Aufgegeben am',
        consumer: 'Empfänger',
        eventType: 'Ereignis',
        quarterId: 'Quartier',
        error: 'Fehler',
        deliveries: 'Zustellversuche',
        eventId: 'Ereignis-ID',
      },
      alert: '%{smart_count} Ereignis konnte nicht zugestellt werden: Prozess und Dienste können voneinander abweichen. |||| %{smart_count} Ereignisse konnten nicht zugestellt werden: Prozess und Dienste können voneinander abweichen.',
      alert_open: 'Anzeigen',
    },
    'audit-log': {
      name: 'Protokolleintrag |||| Audit-Log',
      fields: {
        id: 'Nr.',
        q: 'Suche',
        at: 'Zeitpunkt',
        at_gte: 'Ab Datum',
        at_lte: 'Bis Datum',
        actorEmail: 'Wer',
        actorRole: 'Rolle',
        action: 'Aktion',
        resourceType: 'Art des Eintrags',
        resourceId: 'Eintrag',
        programmeId: 'Programm',
        quarterId: 'Quartier',
        reason: 'Begründung',
        requestId: 'Anfrage-Kennung',
        before: 'Vorher',
        after: 'Nachher',
      },
    },
  },
};

/** Same nesting as `T`, every leaf a string: what a translation of `T` must provide. */
type Translation<T> = { [K in keyof T]: T[K] extends string ? string : Translation<T[K]> };

export type DomainMessages = Translation<typeof domainGerman>;
export type ConsoleMessages = TranslationMessages & DomainMessages;

export const germanMessages: ConsoleMessages = {
  ra: reactAdminGerman,
  ...domainGerman,
};
