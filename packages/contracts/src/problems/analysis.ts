import type { FieldProblemDefinition, ProblemDefinition } from './types';

/** Refusals of the analysis context (raised by the analysis service: catalogues, analyses, indicators, ratings). */
export const analysisProblems = {
  'catalogue.invalid': {
    status: 400,
    de: 'Der Katalog ist nicht gültig: {count} Fehler.',
    en: 'The catalogue is not valid: {count} problem(s).',
  },
  'catalogue.version_exists': {
    status: 409,
    de: 'Der Katalog {catalogueId} in Version {version} besteht bereits; Versionen werden nie überschrieben.',
    en: 'Catalogue {catalogueId} version {version} exists already; versions are never overwritten.',
  },
  'catalogue_version.not_found': { status: 404, de: 'Die Katalogversion {id} wurde nicht gefunden.', en: 'Catalogue version {id} not found.' },
  'analysis.not_found': { status: 404, de: 'Das Quartier {quarterId} hat noch keine Quartiersanalyse.', en: 'Quarter {quarterId} has no analysis yet.' },
  'analysis.ratings_missing': {
    status: 400,
    de: 'Vor dem Einreichen der Analyse braucht jedes Kriterium eine Bewertung; noch nicht bewertet: {count}.',
    en: 'Every criterion needs a rating before the analysis is submitted; not rated yet: {count}.',
  },
  'analysis.not_submitted': {
    status: 409,
    de: 'Die Analyse muss eingereicht sein, bevor der Strategieworkshop Prioritäten festhält.',
    en: 'The analysis must be submitted before the strategy workshop records priorities.',
  },
  'import.rows_invalid': {
    status: 400,
    de: 'Import abgelehnt: {count} Zeile(n) ungültig, nichts wurde importiert.',
    en: 'Import refused: {count} row(s) invalid, nothing was imported.',
  },
} as const satisfies Record<string, ProblemDefinition>;

/** Field problems the analysis context writes by hand (beyond the validation constraints of ./common). */
export const analysisFieldProblems = {
  // A catalogue document (packages/domain parseCatalogue), field by field.
  'catalogue.duplicate_id': { de: 'kommt doppelt vor („{id}“).', en: 'appears twice ("{id}").' },
  'catalogue.rating_level_invalid': { de: 'braucht einen Zahlenwert und eine Bezeichnung.', en: 'needs a numeric value and a label.' },
  'catalogue.thresholds_order': {
    de: 'muss unter der Schwelle für Stärken (strengthThreshold) liegen.',
    en: 'must be below the strength threshold (strengthThreshold).',
  },
  'catalogue.criterion_invalid': { de: 'braucht eine ID und einen Namen.', en: 'needs an id and a name.' },
  'catalogue.unknown_indicator': { de: 'verweist auf den unbekannten Indikator „{indicatorId}“.', en: 'refers to the unknown indicator "{indicatorId}".' },
  'catalogue.names_list': { de: 'muss eine nicht leere Liste von Namen sein.', en: 'must be a non-empty list of names.' },
  'calendar.duration_invalid': { de: 'muss eine ISO-8601-Dauer wie P14D sein.', en: 'must be an ISO-8601 duration such as P14D.' },
  'catalogue.version_taken': { de: 'ist bereits vergeben; bitte wählen Sie eine neue Version.', en: 'exists already; choose a new version.' },
  'catalogue_version.unknown': { de: 'ist keine bekannte Katalogversion („{id}“).', en: 'is not a known catalogue version ("{id}").' },
  'catalogue_version.malformed': { de: 'muss die Form <Katalog>@<Version> haben.', en: 'must be <catalogueId>@<version>.' },
  // Indicator values, by list index or import row.
  'indicator.unknown': { de: 'ist kein Indikator dieser Katalogversion („{indicatorId}“).', en: 'is not an indicator of this catalogue version ("{indicatorId}").' },
  'indicator.kind_mismatch': {
    de: 'passt nicht: {indicatorId} ist ein Indikator der Art {kind}, nicht {given}.',
    en: 'does not match: {indicatorId} is a {kind} indicator, not {given}.',
  },
  'indicator.unit_mismatch': {
    de: 'passt nicht: {indicatorId} wird in {unit} gemessen, nicht in {given}.',
    en: 'does not match: {indicatorId} is measured in {unit}, not {given}.',
  },
  'indicator_value.percent_range': { de: 'muss in % zwischen 0 und 100 liegen.', en: 'must be between 0 and 100 (%).' },
  'indicator_value.whole_number': { de: 'muss in {unit} eine ganze Zahl ab 0 sein.', en: 'must be a whole number, 0 or more, in {unit}.' },
  'indicator_value.negative': { de: 'darf in {unit} nicht negativ sein.', en: 'must be 0 or more in {unit}.' },
  'indicator_value.duplicate': {
    de: 'kommt zu diesem Stichtag doppelt vor ({indicatorId}, {referenceDate}).',
    en: 'appears twice for this reference date ({indicatorId}, {referenceDate}).',
  },
  'indicator_value.duplicate_row': {
    de: 'steht zu diesem Stichtag bereits in Zeile {row} ({indicatorId}, {referenceDate}).',
    en: 'is already in row {row} for this reference date ({indicatorId}, {referenceDate}).',
  },
  // The self-assessment.
  'criterion.unknown': { de: 'ist kein Kriterium dieser Katalogversion („{criterionId}“).', en: 'is not a criterion of this catalogue version ("{criterionId}").' },
  'criterion.not_rated': { de: 'ist noch nicht bewertet ({criterionId} {name}).', en: 'is not rated yet ({criterionId} {name}).' },
  'rating.off_scale': { de: 'muss ein Wert der Skala sein: {scale}.', en: 'must be a value of the scale: {scale}.' },
  'rating.duplicate': { de: 'wird doppelt bewertet ({criterionId}).', en: 'is rated twice ({criterionId}).' },
  'target_group.unknown': { de: 'enthält unbekannte Zielgruppen: {groups}.', en: 'contains unknown target groups: {groups}.' },
  'priority.unknown': {
    de: 'ist weder ein Kriterium noch ein Handlungsfeld dieser Katalogversion („{id}“).',
    en: 'is neither a criterion nor an action field of this catalogue version ("{id}").',
  },
  // The indicator import file.
  'import.file_missing': {
    de: 'fehlt: Bitte senden Sie die Datei als text/csv oder als Excel-Arbeitsmappe, oder als JSON mit „csv“ oder „xlsxBase64“.',
    en: 'is missing: send the file as text/csv or an Excel workbook, or as JSON with "csv" or "xlsxBase64".',
  },
  'import.file_empty': { de: 'ist leer.', en: 'is empty.' },
  'import.not_xlsx': { de: 'ist keine Excel-Arbeitsmappe (.xlsx); bitte gehen Sie von der Vorlage aus.', en: 'is not an Excel workbook (.xlsx); start from the template.' },
  'import.columns_missing': {
    de: 'In der Kopfzeile fehlen die Spalte(n) {columns}; bitte gehen Sie von der Vorlage aus.',
    en: 'The header row lacks the column(s) {columns}; start from the template.',
  },
  'import.too_many_rows': { de: 'darf höchstens {max} Zeilen haben.', en: 'must have at most {max} rows.' },
  'import.no_values': { de: 'Keine Zeile enthält einen Wert.', en: 'No row has a value.' },
} as const satisfies Record<string, FieldProblemDefinition>;
