import type {
  AnalysisDto,
  CloseParticipationCommand,
  IndicatorValueDto,
  KickoffRecordDto,
  MembershipDto,
  ParticipationEventDto,
  ParticipationRecordDto,
  PersonDto,
  ProfileDto,
  RatingDto,
  RecordKickoffCommand,
} from '@genq/contracts';
import { api, data, listQuery, type FilePath, type Schemas } from '../providers/apiClient';

/**
 * Shapes of the gateway's analysis and actors answers, typed from `@genq/contracts` as far as
 * the console reads them; the calls go through the typed client of the OpenAPI document.
 */
type ProfileField = ProfileDto['actionFields'][number];
export type IndicatorValue = Pick<IndicatorValueDto, 'id' | 'indicatorId' | 'referenceDate' | 'value' | 'unit' | 'kind' | 'source'>;
export type Rating = Pick<RatingDto, 'criterionId' | 'actionFieldId' | 'rating' | 'evidence' | 'targetGroups'>;
export type Distribution = Pick<ProfileField['programme'], 'count' | 'median' | 'q1' | 'q3'>;
export type ActionFieldProfile = Pick<ProfileField, 'actionFieldId' | 'name' | 'mean' | 'rated' | 'total' | 'strengths' | 'weaknesses'> & { programme: Distribution };
/** The analysis as the tab reads it: whether and when it was submitted (the Quartiersanalyse), and the strategy workshop's priorities. */
export type Analysis = Pick<AnalysisDto, 'status' | 'submittedAt' | 'priorities' | 'prioritiesRecordedAt'>;
export type Profile = Pick<ProfileDto, 'unrated'> & { actionFields: ActionFieldProfile[] };
export type Membership = Pick<MembershipDto, 'id' | 'organisationId' | 'organisationName' | 'role'> & Partial<Pick<MembershipDto, 'personName'>>;
export type KickoffRecord = KickoffRecordDto;
export type ParticipationRecord = ParticipationRecordDto;
export type Person = Pick<PersonDto, 'id' | 'name' | 'organisationId' | 'role'>;
export type ParticipationEvent = Pick<ParticipationEventDto, 'id' | 'type' | 'date' | 'participants' | 'participantsTotal' | 'outcome'>;

export interface IndicatorChoice {
  id: string;
  name: string;
  unit: string;
  group: string;
}

const Q = (id: string) => ({ params: { path: { id } } });

/** The catalogue version the quarter's analysis pins. */
const pinnedCatalogue = async (quarterId: string) => {
  const analysis = await data(api.GET('/api/quarters/{id}/analysis', Q(quarterId)));
  return data(api.GET('/api/catalogues/{id}', Q(analysis.catalogueVersionId ?? 'genq-default@1.0.0')));
};
const QID = (quarterId: string) => ({ params: { path: { quarterId } } });
const upTo500 = { range: JSON.stringify([0, 499]) };

export const analysisApi = {
  analysis: (quarterId: string): Promise<Analysis> => data(api.GET('/api/quarters/{id}/analysis', Q(quarterId))),
  /** Submits the analysis; rejects with a 400 `analysis.ratings_missing` naming each unrated criterion (`ratings.<criterionId>`). A repeat changes nothing. */
  submit: async (quarterId: string): Promise<Analysis> => (await data(api.POST('/api/quarters/{id}/analysis/submit', Q(quarterId)))).analysis,
  /** Records the strategy workshop's priorities (action field or criterion ids); 409 while the analysis is not submitted. */
  recordPriorities: async (quarterId: string, priorities: string[]): Promise<Analysis> =>
    (await data(api.POST('/api/quarters/{id}/analysis/priorities', { ...Q(quarterId), body: { priorities } }))).analysis,
  indicators: (quarterId: string): Promise<IndicatorValue[]> => data(api.GET('/api/quarters/{id}/indicators', { params: { path: { id: quarterId }, query: upTo500 } })),
  ratings: (quarterId: string): Promise<Rating[]> => data(api.GET('/api/quarters/{id}/ratings', { params: { path: { id: quarterId }, query: upTo500 } })),
  profile: (quarterId: string): Promise<Profile> => data(api.GET('/api/quarters/{id}/profile', Q(quarterId))),
  /** Criterion names of the catalogue version the quarter's analysis pins. */
  criterionNames: async (quarterId: string): Promise<Record<string, string>> => {
    const catalogue = await pinnedCatalogue(quarterId);
    // Criteria (HF1.1) and indicators (flats_total) by their catalogue names: the ids never reach the screen.
    return Object.fromEntries([...catalogue.actionFields.flatMap((af) => af.criteria.map((c) => [c.id, c.name])), ...(catalogue.indicators ?? []).map((i) => [i.id, i.name])]);
  },
  saveRatings: (quarterId: string, ratings: Array<Pick<Rating, 'criterionId' | 'rating' | 'evidence'>>) =>
    data(api.PUT('/api/quarters/{id}/ratings', { ...Q(quarterId), body: { ratings } as Schemas['UpsertRatingsDto'] })),
  /** The indicators of the catalogue version the quarter's analysis pins, with their German names and units, for the entry form. */
  indicatorChoices: async (quarterId: string): Promise<IndicatorChoice[]> =>
    ((await pinnedCatalogue(quarterId)).indicators ?? []).map((i) => ({ id: i.id, name: i.name, unit: i.unit, group: i.group })),
  /** Upserts values by indicator and reference date; rejects with a 400 listing every field problem (`values.<index>.<field>`), nothing written then. */
  saveIndicators: (quarterId: string, values: Array<{ indicatorId: string; referenceDate: string; value: number; source?: string }>) =>
    data(api.PUT('/api/quarters/{id}/indicators', { ...Q(quarterId), body: { values } as Schemas['UpsertIndicatorValuesDto'] })),
  /** Rejects with an HttpError whose body lists every bad cell; nothing is written then. */
  importCsv: (quarterId: string, csv: string) => data(api.POST('/api/quarters/{id}/indicators/import', { ...Q(quarterId), body: { csv } })),
  templatePath: '/api/analysis/template.csv' as FilePath,
};

export const actorsApi = {
  memberships: (quarterId: string): Promise<Membership[]> => data(api.GET('/api/quarters/{quarterId}/memberships', QID(quarterId))),
  events: (quarterId: string): Promise<ParticipationEvent[]> => data(api.GET('/api/quarters/{quarterId}/participation-events', QID(quarterId))),
  addEvent: (quarterId: string, event: { type: string; date: string; participants: Record<string, number>; outcome?: string }) =>
    data(api.POST('/api/quarters/{quarterId}/participation-events', { ...QID(quarterId), body: event as Schemas['CreateParticipationEventDto'] })),
  /** The kick-off record, or null while the kick-off is not recorded (204). */
  kickoff: async (quarterId: string): Promise<KickoffRecord | null> => (await data(api.GET('/api/quarters/{quarterId}/kickoff', QID(quarterId)))) ?? null,
  /** Rejects with a 400 listing every field problem, or 409 when recorded already. */
  recordKickoff: (quarterId: string, kickoff: RecordKickoffCommand): Promise<KickoffRecord> => data(api.POST('/api/quarters/{quarterId}/kickoff', { ...QID(quarterId), body: kickoff })),
  /** The participation record, or null while the participation phase is open (204). */
  participationRecord: async (quarterId: string): Promise<ParticipationRecord | null> =>
    (await data(api.GET('/api/quarters/{quarterId}/participation-record', QID(quarterId)))) ?? null,
  closeParticipation: (quarterId: string, record: CloseParticipationCommand): Promise<ParticipationRecord> =>
    data(api.POST('/api/quarters/{quarterId}/participation-record', { ...QID(quarterId), body: record as Schemas['CloseParticipationDto'] })),
  /** People of one organisation (GET /people filtered by it), or every person the user may see. */
  people: (organisationId?: string): Promise<Person[]> =>
    data(api.GET('/api/people', { params: { query: listQuery(organisationId ? { organisationId } : {}, ['name', 'ASC'], [0, 499]) } })),
};
