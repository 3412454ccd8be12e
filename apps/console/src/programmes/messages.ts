/** Messages of the programme screens with their calendar (issue 6); spread into de.ts and en.ts. */
export const programmesGerman = {
  genq_programmes: {
    report_pdf: 'Programmbericht (PDF) herunterladen',
    report: 'Bericht',
    fields: {
      id: 'Kennung',
      name: 'Name',
      catalogueId: 'Katalog',
      catalogueVersion: 'Katalogversion',
    },
    sections: {
      programme: 'Programm',
      development: 'Entwicklungsphase',
      implementation: 'Umsetzungsphase',
      reminders: 'Erinnerungen',
      certificate: 'Zertifikat',
    },
    steps: {
      title: 'Schritte der Entwicklungsphase',
      key: 'Schlüssel',
      name: 'Bezeichnung',
      dueAfter: 'Fällig nach (ab Beginn der Entwicklungsphase)',
      due: 'Fällig nach',
    },
    implementation: {
      duration: 'Dauer der Umsetzungsphase',
      annualReportEvery: 'Jahresbericht alle',
      reportDueWithin: 'Bericht fällig innerhalb von',
    },
    reminders: {
      before: 'Erinnerung vor Fälligkeit',
      overdueEvery: 'Bei Überfälligkeit erinnern alle',
      escalateAfterOverdue: 'Eskalation nach Überfälligkeit von',
      stalledAfterInactivity: 'Stockend nach Inaktivität von',
    },
    certificateValidity: 'Gültigkeit des Zertifikats',
    duration: {
      months: 'Monate',
      days: 'Tage',
      iso: 'ISO-8601-Dauer mit Zeitanteil (z. B. PT30S); bitte unverändert lassen oder als Dauer angeben',
      month_count: '1 Monat |||| %{smart_count} Monate',
      day_count: '1 Tag |||| %{smart_count} Tage',
      none: 'sofort',
    },
    help: {
      calendar:
        'Kalenderänderungen gelten für Quartiere, die nach dem Speichern starten. Laufende Quartiere behalten die Momentaufnahme des Kalenders, mit der sie gestartet sind: Ihre Fristen und Erinnerungen ändern sich nicht. Fristen eines laufenden Quartiers verschieben Sie im Quartier mit einer Intervention („Frist verlängern“).',
      steps:
        'Die Fristen zählen ab Beginn der Entwicklungsphase. Über den Schlüssel verbindet der Prozess einen Schritt mit den Ereignissen, die ihn abschließen (z. B. „analysis“ mit der eingereichten Analyse); ändern Sie Schlüssel bestehender Schritte daher nicht.',
      catalogue:
        'Eine andere Katalogversion gilt für Analysen, die danach angelegt werden; bestehende Analysen behalten ihre Version.',
    },
    calendar_problem: 'Der Kalender ist ungültig: %{message}',
    saved: 'Programm gespeichert',
  },
};

export const programmesEnglish: typeof programmesGerman = {
  genq_programmes: {
    report_pdf: 'Download programme report (PDF)',
    report: 'Report',
    fields: {
      id: 'Id',
      name: 'Name',
      catalogueId: 'Catalogue',
      catalogueVersion: 'Catalogue version',
    },
    sections: {
      programme: 'Programme',
      development: 'Development phase',
      implementation: 'Implementation phase',
      reminders: 'Reminders',
      certificate: 'Certificate',
    },
    steps: {
      title: 'Steps of the development phase',
      key: 'Key',
      name: 'Name',
      dueAfter: 'Due after (from the start of the development phase)',
      due: 'Due after',
    },
    implementation: {
      duration: 'Duration of the implementation phase',
      annualReportEvery: 'Annual report every',
      reportDueWithin: 'Report due within',
    },
    reminders: {
      before: 'Reminder before the due date',
      overdueEvery: 'When overdue, remind every',
      escalateAfterOverdue: 'Escalate when overdue for',
      stalledAfterInactivity: 'Stalled after inactivity of',
    },
    certificateValidity: 'Certificate validity',
    duration: {
      months: 'Months',
      days: 'Days',
      iso: 'ISO-8601 duration with a time part (e.g. PT30S); leave it as it is or enter a duration',
      month_count: '1 month |||| %{smart_count} months',
      day_count: '1 day |||| %{smart_count} days',
      none: 'immediately',
    },
    help: {
      calendar:
        'Calendar changes apply to quarters that start after you save. Running quarters keep the snapshot of the calendar they started with: their deadlines and reminders do not change. To move a running quarter’s deadlines, use an intervention in the quarter ("Extend deadline").',
      steps:
        'Deadlines count from the start of the development phase. The key ties a step to the events that complete it (e.g. "analysis" to the submitted analysis), so do not change the keys of existing steps.',
      catalogue: 'Another catalogue version applies to analyses created afterwards; existing analyses keep their version.',
    },
    calendar_problem: 'The calendar is invalid: %{message}',
    saved: 'Programme saved',
  },
};
