import type { FieldProblemDefinition, ProblemDefinition } from './types';

/**
 * Problems every route may answer: the request as a whole, sign-in and access, limits and
 * outages. The contexts' own refusals live in their catalogues beside this one.
 */
export const commonProblems = {
  'request.invalid': { status: 400, de: 'Die Eingaben sind nicht gültig.', en: 'The request is not valid.' },
  'request.body_not_json': { status: 400, de: 'Der Inhalt der Anfrage ist kein gültiges JSON.', en: 'The request body is not valid JSON.' },
  'request.body_missing': { status: 400, de: 'Die Anfrage braucht einen Inhalt (JSON).', en: 'The request needs a body (JSON).' },
  'request.body_too_complex': {
    status: 400,
    de: 'Der Inhalt der Anfrage ist zu tief verschachtelt oder hat zu viele Einträge (höchstens {maxDepth} Ebenen, {maxKeys} Einträge).',
    en: 'The request body is nested too deeply or has too many entries (at most {maxDepth} levels, {maxKeys} entries).',
  },
  'request.body_too_large': { status: 413, de: 'Der Inhalt der Anfrage ist zu groß.', en: 'The request body is too large.' },
  'request.unsupported_media_type': { status: 415, de: 'Dieses Format nimmt die Schnittstelle nicht an.', en: 'This media type is not accepted here.' },
  'request.too_many': {
    status: 429,
    de: 'Zu viele Anfragen. Bitte versuchen Sie es in {retryAfter} Sekunden erneut.',
    en: 'Too many requests. Please try again in {retryAfter} seconds.',
  },
  'route.not_found': { status: 404, de: 'Diese Adresse gibt es nicht.', en: 'There is no such route.' },
  'method.not_allowed': { status: 405, de: 'Diese Methode ist hier nicht erlaubt.', en: 'This method is not allowed here.' },
  /** A list's filter, sort or range is not one the list understands; `errors` says which and why. */
  'list.invalid': { status: 400, de: 'Die Listenabfrage ist nicht gültig.', en: 'The list query is not valid.' },
  'record.exists': { status: 409, de: 'Ein Eintrag mit diesen Werten besteht bereits.', en: 'A record with these values already exists.' },
  'service.unavailable': {
    status: 503,
    de: 'Ein Dienst ist vorübergehend nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.',
    en: 'A service is temporarily unavailable; please try again shortly.',
  },
  'internal.error': {
    status: 500,
    de: 'Interner Fehler. Bitte versuchen Sie es später erneut und nennen Sie dem Support die Anfrage-ID.',
    en: 'Internal error. Please try again later and give support the request id.',
  },
  /** A refusal a service raised before it had a code of its own: its text is shown as it is. */
  'legacy.bad_request': { status: 400, de: '{message}', en: '{message}' },
  'legacy.unauthorized': { status: 401, de: '{message}', en: '{message}' },
  'legacy.forbidden': { status: 403, de: '{message}', en: '{message}' },
  'legacy.not_found': { status: 404, de: '{message}', en: '{message}' },
  'legacy.conflict': { status: 409, de: '{message}', en: '{message}' },
  'legacy.unprocessable': { status: 422, de: '{message}', en: '{message}' },
  'legacy.error': { status: 500, de: '{message}', en: '{message}' },
} satisfies Record<string, ProblemDefinition>;

/**
 * Field problems of the request validation: one per bad field, named after the class-validator
 * constraint that failed (`validation.maxLength`), with the constraint's parameters. Messages
 * do not name the field: forms show them beside it, clients read `field`.
 */
export const validationProblems = {
  'validation.required': { de: 'ist ein Pflichtfeld.', en: 'is required.' },
  'validation.whitelistValidation': { de: 'ist hier nicht vorgesehen.', en: 'is not expected here.' },
  'validation.invalid': { de: 'ist nicht gültig.', en: 'is not valid.' },
  'validation.legacy': { de: '{message}', en: '{message}' },
  'validation.isString': { de: 'muss ein Text sein.', en: 'must be text.' },
  'validation.isNotEmpty': { de: 'darf nicht leer sein.', en: 'must not be empty.' },
  'validation.isDefined': { de: 'ist ein Pflichtfeld.', en: 'is required.' },
  'validation.maxLength': { de: 'darf höchstens {max} Zeichen lang sein.', en: 'must be at most {max} characters long.' },
  'validation.minLength': { de: 'muss mindestens {min} Zeichen lang sein.', en: 'must be at least {min} characters long.' },
  'validation.isLength': { de: 'muss zwischen {min} und {max} Zeichen lang sein.', en: 'must be between {min} and {max} characters long.' },
  'validation.isInt': { de: 'muss eine ganze Zahl sein.', en: 'must be a whole number.' },
  'validation.isNumber': { de: 'muss eine Zahl sein.', en: 'must be a number.' },
  'validation.isPositive': { de: 'muss größer als 0 sein.', en: 'must be greater than 0.' },
  'validation.min': { de: 'darf nicht kleiner als {min} sein.', en: 'must not be less than {min}.' },
  'validation.max': { de: 'darf nicht größer als {max} sein.', en: 'must not be greater than {max}.' },
  'validation.isBoolean': { de: 'muss wahr oder falsch sein.', en: 'must be true or false.' },
  'validation.isEmail': { de: 'muss eine E-Mail-Adresse sein.', en: 'must be an e-mail address.' },
  'validation.isUuid': { de: 'muss eine gültige ID (UUID) sein.', en: 'must be a valid id (UUID).' },
  'validation.isIn': { de: 'muss einer dieser Werte sein: {values}.', en: 'must be one of: {values}.' },
  'validation.isEnum': { de: 'muss einer dieser Werte sein: {values}.', en: 'must be one of: {values}.' },
  'validation.isArray': { de: 'muss eine Liste sein.', en: 'must be a list.' },
  'validation.arrayNotEmpty': { de: 'darf keine leere Liste sein.', en: 'must not be an empty list.' },
  'validation.arrayMinSize': { de: 'muss mindestens {min} Einträge haben.', en: 'must have at least {min} entries.' },
  'validation.arrayMaxSize': { de: 'darf höchstens {max} Einträge haben.', en: 'must have at most {max} entries.' },
  'validation.arrayUnique': { de: 'darf keinen Eintrag doppelt enthalten.', en: 'must not contain an entry twice.' },
  'validation.isObject': { de: 'muss ein Objekt sein.', en: 'must be an object.' },
  'validation.nestedValidation': { de: 'muss ein Objekt oder eine Liste von Objekten sein.', en: 'must be an object or a list of objects.' },
  'validation.isDateString': { de: 'muss ein Datum im Format JJJJ-MM-TT sein.', en: 'must be a date YYYY-MM-DD.' },
  'validation.isIso8601': { de: 'muss ein Datum im Format JJJJ-MM-TT sein.', en: 'must be an ISO 8601 date.' },
  'validation.matches': { de: 'hat nicht das erwartete Format.', en: 'does not have the expected format.' },
  'validation.isUrl': { de: 'muss eine URL sein.', en: 'must be a URL.' },
  'validation.isJson': { de: 'muss JSON sein.', en: 'must be JSON.' },
  /** A date of something that happened (a kick-off, a workshop, a closing) that lies ahead. */
  'date.in_future': { de: 'darf nicht in der Zukunft liegen.', en: 'must not lie in the future.' },
  /** A warning, not a refusal: an imported cell that a spreadsheet would run as a formula (CSV injection). */
  'spreadsheet.formula_cell': {
    de: 'beginnt wie eine Formel (=, +, -, @). Der Text ist gespeichert, wie er ist; in Exporten steht ein Apostroph davor, damit ihn keine Tabellenkalkulation ausführt.',
    en: 'starts like a formula (=, +, -, @). The text is stored as it is; exports put an apostrophe in front so that no spreadsheet runs it.',
  },
} satisfies Record<string, FieldProblemDefinition>;

/**
 * Field problems of a list query (react-admin's `filter`, `sort` and `range`), raised by the
 * gateway's parser and again by the services' pageOf. `field` is `filter`, `filter.<name>`,
 * `sort` or `range`.
 */
export const listFieldProblems = {
  'list.filter_invalid': { de: 'muss ein JSON-Objekt aus Feldern und Werten sein.', en: 'must be a JSON object of fields and values.' },
  'list.filter_unknown': { de: 'ist kein Filter dieser Liste.', en: 'is not a filter of this list.' },
  'list.filter_value_invalid': { de: 'muss ein Text, eine Zahl, wahr/falsch oder eine Liste davon sein.', en: 'must be text, a number, true/false or a list of them.' },
  'list.sort_invalid': { de: 'muss die Form ["Feld", "ASC" | "DESC"] haben.', en: 'must be ["field", "ASC" | "DESC"].' },
  'list.sort_unknown': { de: 'nennt ein Feld, nach dem sich diese Liste nicht sortieren lässt: „{sort}“.', en: 'names a field this list cannot be sorted by: "{sort}".' },
  'list.range_invalid': { de: 'muss die Form [Anfang, Ende] mit ganzen Zahlen 0 ≤ Anfang ≤ Ende haben.', en: 'must be [start, end] with whole numbers 0 ≤ start ≤ end.' },
  'list.range_too_large': { de: 'darf höchstens {max} Einträge auf einmal umfassen.', en: 'must span at most {max} entries at once.' },
} satisfies Record<string, FieldProblemDefinition>;
