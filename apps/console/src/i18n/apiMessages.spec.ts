import { describe, expect, it } from '@jest/globals';
import { apiMessageOf, apiMessagesEnglish, apiMessagesGerman, translateApiErrors, translateApiMessage } from './apiMessages';
import type { ApiMessageKey } from './apiMessages';

/**
 * One real message per shape, as the API writes it (copied from the services, the gateway,
 * the workflow's refusals, the dto package and class-validator's defaults).
 */
const SAMPLES: Record<ApiMessageKey, string> = {
  validation_failed: 'Validation failed',
  invalid_list_query: 'Invalid list query',
  invalid_dashboard_filter: 'Invalid dashboard filter',
  invalid_catalogue: 'Invalid catalogue',
  invalid_login: 'Invalid e-mail address or password',
  session_ended: 'The session has ended; please sign in again',
  sign_in_required: 'Sign in required, or the session has ended',
  no_account: 'No GenQ account for this identity',
  account_exists: 'An account with this e-mail address exists',
  record_exists: 'A record with these values already exists',
  internal_error: 'Internal server error',
  no_policy: 'This route declares no access policy',
  not_open_to_role: 'This is not open to the role viewer',
  role_may_not_this: 'The role viewer may not do this',
  role_may_not: 'The role viewer may not sign agreements',
  oidc_only: 'Sign-in is delegated to the OpenID Connect provider',
  unknown_scope_kind: 'Unknown scope kind planet',
  no_analysis: 'Quarter 0b7e2f3c-1111-4222-8333-944455556666 has no analysis yet',
  no_process: 'Quarter 0b7e2f3c-1111-4222-8333-944455556666 has no process',
  catalogue_version_not_found: 'Catalogue version genq@1.0.0 not found',
  saved_view_not_found: 'Saved view 12 not found',
  audit_entry_not_found: 'Audit entry 7 not found',
  not_found: 'Quarter 0b7e2f3c-1111-4222-8333-944455556666 not found',
  quarter_registered: 'Quarter "Dortmund-Nordstadt" in Dortmund is already registered in this programme',
  saved_view_delete: 'Only the person who saved this view, or the programme office, may delete it',
  organisation_registered: 'This organisation is already registered in the programme',
  organisation_takes_part: 'The organisation already takes part in this quarter',
  only_office_records: 'Only the programme office records review_decided',
  batch_too_broad: 'The filter matches 900 quarters; a batch takes at most 500',
  batch_empty: 'The filter matches no quarter',
  withdrawn_no_longer_now: 'The quarter was withdrawn from the programme: you can no longer file an annual report',
  no_certificate_yet: 'The quarter has no certificate yet: you cannot file an annual report before the certification',
  certificate_expired_no_longer: 'The certificate of cycle 2 has expired: you can no longer amend the Zielvereinbarung',
  report_cycle_exists: 'The annual report for year 1 of cycle 2 exists already: edit it instead',
  report_years_only: 'Cycle 1 has annual reports for the years 1, 2, 3 only',
  report_schedule_unknown: 'The reporting schedule of cycle 1 is not known yet: try again in a moment',
  report_year_not_ended: 'The reporting year 1 of cycle 1 ends on 2027-12-06: the annual report can be submitted from then on',
  report_cycle_ended: 'The annual report 3 belongs to cycle 1, which has ended',
  withdrawn_no_longer: 'The quarter was withdrawn from the programme (Fördermittel entfallen): you can no longer file an annual report',
  sign_self_only: 'A signature is given only by the signed-in person',
  sign_own_organisation: 'You may sign only for your own organisation',
  no_signing_authority: 'Your account has no signing authority (Zeichnungsbefugnis) for your organisation',
  report_exists: 'The annual report for year 2028 exists already: edit it instead',
  report_not_editable: 'The annual report 2028 is submitted: only a draft or a returned report can be edited',
  report_not_submittable: 'The annual report 2028 is accepted: only a draft or a returned report can be submitted',
  report_empty: 'The annual report is empty: give updated indicators, changes or a text before submitting',
  report_not_reviewable: 'The annual report 2028 is draft: only a submitted report can be reviewed',
  no_report: 'No such annual report in this quarter',
  amendment_open: 'Amendment "Spielplatz verschieben" is still open: it must be accepted or rejected before the next one',
  goal_without_measure: 'Goal "Mehr Grün" would have no measure left: replace the measure instead of dropping it',
  amendment_parties: 'An amendment is confirmed by the housing company and the municipality only',
  amendment_no_signatures: 'The amendment is accepted: it takes no more signatures',
  amendment_signed_already: 'Your organisation has already signed this amendment',
  amendment_signed_as: 'Another organisation has already signed this amendment as municipality',
  amendment_not_acceptable: 'The amendment is proposed: only an amendment signed by the housing company and the municipality can be accepted',
  amendment_not_rejectable: 'The amendment is accepted: only an open amendment (proposed or confirmed) can be rejected',
  not_certified: 'The quarter is not certified: you can file an annual report only once the Zielvereinbarung has been approved and certified',
  no_approved_version: 'The quarter has no approved Zielvereinbarung to amend the Zielvereinbarung against',
  no_amendment: 'No such amendment in this quarter',
  version_by_amendment_only: 'Version 2 of the Zielvereinbarung is approved: change it by an amendment, not by a new submission',
  concept_incomplete: 'The Handlungskonzept is not complete: 3 gap(s)',
  version_made_by_amendment: 'Version 3 was made by an amendment: sign it through the amendment',
  version_superseded: 'Version 1 has been superseded by a newer version and can no longer be signed',
  version_not_signable: 'Version 1 is binding: only a submitted version awaiting signatures can be signed',
  not_a_party: 'Your organisation is not a party to this agreement: neither housing company, municipality nor owner of a measure',
  version_signed_already: 'Your organisation has already signed this version',
  version_signed_as: 'Another organisation has already signed this version as housing_company',
  version_not_reviewable: 'Version 1 is submitted: only a binding version signed by both partners can be reviewed',
  no_certificate: 'This quarter has no certificate',
  no_version: 'No such agreement version in this quarter',
  measure_status_by_amendment: 'A measure becomes "entfallen" only by an amendment of the Zielvereinbarung',
  no_measure: 'No such measure in this quarter',
  measure_status_final: 'The measure is ersetzt; its status no longer changes',
  measure_status_same: 'The measure is already "umgesetzt"',
  catalogue_exists: 'Catalogue genq version 1.1.0 exists already; versions are never overwritten',
  ratings_missing: 'Every criterion needs a rating before the analysis is submitted',
  analysis_not_submitted: 'The analysis must be submitted before the strategy workshop records priorities',
  import_refused: 'Import refused: 2 row(s) invalid, nothing was imported',
  iv_reason_required: 'a reason is required',
  iv_operator_required: 'the operator is required',
  iv_quarter_paused: 'the quarter is paused since 2027-03-01T00:00:00.000Z',
  iv_quarter_not_paused: 'the quarter is not paused',
  iv_quarter_finished: 'the quarter is withdrawn',
  iv_which_step: 'say which step or report',
  iv_unknown_step: 'unknown step or report "nonsense"',
  iv_shift_needs_by: 'shifting all remaining deadlines needs a duration ("by")',
  iv_no_remaining: 'there are no remaining deadlines',
  iv_done_reopen_first: '"Quartiersanalyse" is already completed; reopen it first',
  iv_by_or_until: 'give a duration ("by") or a new due date ("until")',
  iv_until_iso: '"until" must be an ISO date',
  iv_until_later: 'the new due date must be later than the current one',
  iv_by_iso: '"by" must be an ISO-8601 duration such as P14D',
  iv_already: '"Auftakt" is already waived',
  iv_not_closed: '"Auftakt" is not closed',
  iv_reopen_development: 'only steps of the development phase can be reopened while it runs',
  iv_name_responsible: 'name the new responsible person',
  iv_nothing_due: 'nothing is due that could be reminded',
  iv_unknown: 'unknown intervention',
  email_exists: 'an account with this e-mail address exists',
  registered_in_programme: 'already registered in this programme',
  takes_part_in_quarter: 'already takes part in this quarter',
  role_needs_programme: 'a operator needs at least one programme',
  role_no_organisation: 'a operator belongs to programmes, not to an organisation',
  only_partners_sign: 'only partner and facilitator accounts sign for an organisation',
  role_needs_organisation: 'a partner needs an organisation',
  role_no_programmes: 'a partner sees the quarters of its organisation, not programmes',
  person_not_in_organisation: 'the person does not belong to this organisation',
  organisation_or_person: 'name an organisation or a person (organisationId or personId)',
  unknown_dashboard_filter: 'unknown filter; the dashboard filters by programmeId, phase, kreis',
  unknown_filter: 'unknown filter',
  account_other_organisation: "the account must belong to the person's organisation",
  account_linked: 'the account is linked to another person already',
  not_measure_of_report: 'not a measure of the agreement this report is measured against',
  named_twice: 'named twice',
  not_goal_of_agreement: 'not a goal of the agreement',
  not_measure_of_agreement: 'not a measure of the agreement',
  measure_already: 'the measure is entfallen already',
  measure_changed_twice: 'the measure is changed twice',
  outside_window: 'runs 2026-01-01 to 2027-12-31, outside the implementation window 2027-01-01 to 2031-12-31',
  unknown_goal: 'unknown goal in this quarter',
  indicator_kind: 'IND-01 is a context indicator, not input',
  indicator_unit: 'IND-01 is measured in %, not m²',
  unknown_target_groups: 'unknown target group "Marsianer"',
  name_priority: 'name at least one priority',
  unknown_priority: 'unknown criterion or action field "X-99"',
  value_in_row: 'IND-01 for 2026-12-31 is already in row 3',
  appears_twice_for_date: 'IND-01 appears twice for this referenceDate',
  appears_twice: 'criteria[2].id "K-1" appears twice',
  views_per_list: 'at most 20 views per list; delete one first',
  ids_per_request: 'at most 500 ids per request',
  values_at_once: 'at most 2000 values at once',
  ratings_at_once: 'at most 2000 ratings at once',
  rows_per_file: 'at most 2000 rows per file',
  file_empty: 'the file is empty',
  not_xlsx: 'not an Excel workbook (.xlsx); start from the template',
  header_lacks: 'the header row lacks the column(s) value, referenceDate; start from the template',
  no_row_value: 'no row has a value',
  too_broad: 'too broad',
  matches_no_quarter: 'matches no quarter',
  cannot_sort: 'cannot sort by "secret"',
  order_asc_desc: 'order must be ASC or DESC',
  range_shape: 'range must be [start, end] with 0 <= start <= end',
  sort_shape: 'sort must be ["field", "ASC" | "DESC"]',
  filter_values: 'filter values must be strings, numbers, booleans or lists of them',
  catalogue_version_id: 'must be <catalogueId>@<version>',
  bare_true_false: 'must be true or false',
  unknown_in_catalogue: 'unknown indicator "IND-99" in this catalogue version',
  unknown_thing: 'unknown programme "nowhere"',
  whitelist: 'property colour should not exist',
  not_empty_when_returned: 'remarks must not be empty when the report is returned',
  not_empty_when_sent_back: 'requiredChanges must not be empty when the concept is sent back',
  not_empty: 'title must not be empty',
  is_required: 'name is required',
  required_for_measure: 'changes.0.measure is required to replace or add a measure',
  string: 'name must be a string',
  uuid_of_measure: 'measureId must be the UUID of a measure of the agreement',
  uuid_of_goal: 'goalId must be the UUID of a goal of the agreement',
  uuid: 'organisationId must be a UUID',
  uuids: 'ownerIds must be UUIDs',
  email: 'email must be an email',
  one_of_values: 'phase must be one of the following values: development, implementation',
  one_of: 'role must be one of lead_partner, co_partner',
  boolean: 'signingAuthority must be true or false',
  either_or: 'decision must be approved or sent_back',
  number_constraints: 'value must be a number conforming to the specified constraints',
  number_hectares: 'areaHa must be a number of hectares',
  number: 'value must be a number',
  integer: 'year must be an integer number',
  whole_number: 'participants.children must be a whole number',
  positive_whole_number: 'id must be a positive whole number',
  iso_date_string: 'start must be a valid ISO 8601 date string',
  iso_date_time: 'at_gte must be an ISO-8601 date',
  iso_date: 'nextDueBefore must be an ISO date (YYYY-MM-DD)',
  date_ymd: 'date must be a date YYYY-MM-DD',
  iso_duration: 'by must be an ISO-8601 duration such as P14D',
  max_length: 'name must be shorter than or equal to 200 characters',
  min_length: 'password must be longer than or equal to 12 characters',
  at_most_characters: 'name must be at most 200 characters',
  text_at_most: 'source must be text of at most 300 characters',
  at_least_characters: 'password must be at least 12 characters long',
  at_most: 'participants.children must be at most 100000',
  at_least: 'days must not be less than 1',
  not_negative: 'areaHa must not be negative',
  array: 'tags must be an array',
  list: 'targetGroups must be a list',
  non_empty_list: 'values must be a non-empty list',
  list_of_ids: 'quarterIds must be a list of ids',
  list_of_names: 'targetGroups must be a list of names',
  programme_ids: 'programmeIds must be programme ids',
  programme_id: 'programmeId must be a programme id',
  object: 'filter must be an object',
  json: 'filter must be JSON',
  min_elements: 'changes must contain at least 1 elements',
  max_elements: 'changes must contain no more than 50 elements',
  matches: 'ags must match /^\\d{8}$/ regular expression',
  phone: 'phone must be a phone number (digits, spaces, + ( ) / -)',
  say_why: 'reason must say why (at least 3 characters)',
  at_least_one_change: 'changes must name at least one change',
  not_in_future: 'startedAt must not be in the future',
  not_before: 'end must not be before start',
  match_url: 'id must match the URL',
  counts_per_age_group: 'participants must be an object of counts per age group',
  geojson: 'boundary must be a GeoJSON Polygon or MultiPolygon object',
  ags: 'ags must be the 8-digit Amtlicher Gemeindeschlüssel',
  land: 'land must be one of the 16 Länder',
  linear_ring: 'boundary.coordinates[0] must be a linear ring of at least 4 positions',
  position: 'boundary.coordinates[0][2] must be a position [longitude, latitude]',
  outside_globe: 'boundary.coordinates[0][1] lies outside longitude -180..180 / latitude -90..90',
  ring_closed: 'boundary.coordinates[0] must be closed (first and last position equal)',
  rings_list: 'boundary.coordinates must be a non-empty array of linear rings',
  polygons_list: 'boundary.coordinates must be a non-empty array of polygons',
  kickoff_recorded: 'The kick-off of this quarter is recorded already',
  participation_closed: 'The participation phase of this quarter is closed already',
  participation_needs_event: 'Record at least one participation event before closing the participation phase',
  goals_workshop_needs_draft: 'The goals workshop agrees the drafted goals and measures: draft at least one goal with a measure first',
  unknown_person: 'unknown person "0b7e2f3c-1111-4222-8333-944455556666"',
  not_taking_part: 'Frauke Peters belongs to Region Hannover, which does not take part in this quarter',
  leads_two_organisations: 'the project leads must come from two organisations (housing company and municipality)',
  each_proposal_text: 'each proposal needs a text',
  each_proposal_text_at_most: 'each proposal needs a text of at most 2000 characters',
  at_least_one_proposal: 'proposals must name at least one proposal',
  list_of_proposals: 'proposals must be a list of proposals',
  names_a_person: 'housingCompanyLeadId must name a person (id)',
  name_who_took_part: 'participants must name who took part',
  action_field_id: 'actionFieldId must be an action field id',
  text: 'notes must be text',
  not_lie_in_future: 'date must not lie in the future',
};

const placeholders = (message: string) => (message.match(/%\{\w+\}/g) ?? []).sort();

describe('API messages in the console', () => {
  it('has an English sentence for every German one, with the same placeholders', () => {
    expect(Object.keys(apiMessagesEnglish).sort()).toEqual(Object.keys(apiMessagesGerman).sort());
    for (const key of Object.keys(apiMessagesGerman) as ApiMessageKey[]) {
      expect([key, placeholders(apiMessagesEnglish[key])]).toEqual([key, placeholders(apiMessagesGerman[key])]);
    }
  });

  it.each(Object.entries(SAMPLES))('recognises %s', (key, sample) => {
    const found = apiMessageOf(sample);
    expect(found?.key).toBe(key);
    // Every placeholder of both tables is filled from the sample.
    const german = translateApiMessage(sample, 'de');
    const english = translateApiMessage(sample, 'en');
    expect(german).not.toMatch(/%\{/);
    expect(english).not.toMatch(/%\{/);
    expect(german).not.toBe(sample);
  });

  it('says real server sentences in German', () => {
    expect(translateApiMessage('Your account has no signing authority (Zeichnungsbefugnis) for your organisation', 'de')).toBe(
      'Ihr Konto hat keine Zeichnungsbefugnis für Ihre Organisation.',
    );
    expect(translateApiMessage('title must not be empty', 'de')).toBe('„title“ darf nicht leer sein');
    expect(translateApiMessage('name must be a string', 'de')).toBe('„name“ muss ein Text sein');
    expect(translateApiMessage('The annual report 2028 is submitted: only a draft or a returned report can be edited', 'de')).toBe(
      'Der Jahresbericht 2028 ist eingereicht: Nur ein Entwurf oder ein zurückgegebener Bericht kann bearbeitet werden.',
    );
    expect(translateApiMessage('The role viewer may not sign agreements', 'de')).toBe('Die Rolle „Lesezugriff“ darf nicht: Zielvereinbarungen unterzeichnen.');
    expect(translateApiMessage('Quarter abc not found', 'de')).toBe('Quartier abc wurde nicht gefunden.');
    expect(translateApiMessage('boundary.type must be Polygon or MultiPolygon', 'de')).toBe('„boundary.type“ muss Polygon oder MultiPolygon sein');
    expect(translateApiMessage('"Auftakt" is already waived', 'de')).toBe('„Auftakt“ ist bereits übersprungen.');
    expect(translateApiMessage('at_gte must be an ISO-8601 date', 'de')).toBe('„at_gte“ muss ein Datum im Format ISO 8601 sein');
    expect(translateApiMessage('unknown filter; the dashboard filters by programmeId, phase', 'de')).toBe(
      'Unbekannter Filter; die Übersicht filtert nach programmeId, phase',
    );
    // The deliverables of the development steps: fields named as the forms label them.
    expect(translateApiMessage('housingCompanyLeadId must name a person (id)', 'de')).toBe('„Projektleitung Wohnungsunternehmen“: Bitte wählen Sie eine Person aus');
    expect(translateApiMessage('declarationSignedOn must not lie in the future', 'de')).toBe('„Teilnahmeerklärung unterzeichnet am“ darf nicht in der Zukunft liegen');
    expect(translateApiMessage('Record at least one participation event before closing the participation phase', 'de')).toBe(
      'Erfassen Sie mindestens ein Beteiligungsformat, bevor Sie die Beteiligungsphase abschließen.',
    );
    expect(translateApiMessage('Tobias Wagner belongs to Quartiersbegleitung Ruhr, which does not take part in this quarter', 'de')).toBe(
      'Tobias Wagner gehört zu Quartiersbegleitung Ruhr; diese Organisation ist an diesem Quartier nicht beteiligt',
    );
  });

  it('keeps the API wording in English, capitalised', () => {
    expect(translateApiMessage('You may sign only for your own organisation', 'en')).toBe('You may sign only for your own organisation.');
    expect(translateApiMessage('title must not be empty', 'en')).toBe('title must not be empty');
  });

  it('translates several field messages joined with "; " one by one', () => {
    expect(translateApiMessage('name must be a string; name must not be empty', 'de')).toBe('„name“ muss ein Text sein; „name“ darf nicht leer sein');
    expect(translateApiMessage('name must be a string; something odd', 'de')).toBe('„name“ muss ein Text sein; something odd');
  });

  it('shows text of unknown shape as it is', () => {
    expect(translateApiMessage('weaknessThreshold must be below strengthThreshold', 'de')).toBe('weaknessThreshold must be below strengthThreshold');
    expect(translateApiMessage('Irgendetwas; noch etwas', 'de')).toBe('Irgendetwas; noch etwas');
    expect(apiMessageOf('The quarter is on fire')).toBeNull();
  });

  it('translates every string of a field-error tree and keeps its shape', () => {
    const errors = { name: 'name must be a string', rows: { '2': { value: 'value must be a number' } }, catalogue: ['must be true or false', 'odd'], n: 3 };
    expect(translateApiErrors(errors, 'de')).toEqual({
      name: '„name“ muss ein Text sein',
      rows: { '2': { value: '„value“ muss eine Zahl sein' } },
      catalogue: ['Muss wahr oder falsch sein', 'odd'],
      n: 3,
    });
  });
});
