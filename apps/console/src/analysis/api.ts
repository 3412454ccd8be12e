import type {
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
import { apiUrl, httpClient } from '../providers/dataProvider';

/**
 * Shapes of the gateway's analysis and actors answers, typed from `@genq/contracts` (types
 * only: its entry pulls in Temporal) as far as the console reads them.
 */
type ProfileField = ProfileDto['actionFields'][number];
export type IndicatorValue = Pick<IndicatorValueDto, 'id' | 'indicatorId' | 'referenceDate' | 'value' | 'unit' | 'kind' | 'source'>;
export type Rating = Pick<RatingDto, 'criterionId' | 'actionFieldId' | 'rating' | 'evidence' | 'targetGroups'>;
export type Distribution = Pick<ProfileField['programme'], 'count' | 'median' | 'q1' | 'q3'>;
export type ActionFieldProfile = Pick<ProfileField, 'actionFieldId' | 'name' | 'mean' | 'rated' | 'total' | 'strengths' | 'weaknesses'> & { programme: Distribution };
export type Profile = Pick<ProfileDto, 'unrated'> & { actionFields: ActionFieldProfile[] };
export type Membership = Pick<MembershipDto, 'id' | 'organisationId' | 'organisationName' | 'role'> & Partial<Pick<MembershipDto, 'personName'>>;
export type KickoffRecord = KickoffRecordDto;
export type ParticipationRecord = ParticipationRecordDto;
export type Person = Pick<PersonDto, 'id' | 'name' | 'organisationId' | 'role'>;
export type ParticipationEvent = Pick<ParticipationEventDto, 'id' | 'type' | 'date' | 'participants' | 'participantsTotal' | 'outcome'>;

const q = (id: string) => `${apiUrl}/quarters/${encodeURIComponent(id)}`;
const rows = async <T>(url: string): Promise<T[]> => {
  const body = (await httpClient(url)).json as T[] | { data: T[] };
  return Array.isArray(body) ? body : body.data;
};

export const analysisApi = {
  indicators: (quarterId: string) => rows<IndicatorValue>(`${q(quarterId)}/indicators?range=[0,499]`),
  ratings: (quarterId: string) => rows<Rating>(`${q(quarterId)}/ratings?range=[0,499]`),
  profile: async (quarterId: string): Promise<Profile> => (await httpClient(`${q(quarterId)}/profile`)).json,
  /** Criterion names of the catalogue version the quarter's analysis pins. */
  criterionNames: async (quarterId: string): Promise<Record<string, string>> => {
    const analysis = (await httpClient(`${q(quarterId)}/analysis`)).json as { catalogueVersionId?: string };
    const catalogue = (await httpClient(`${apiUrl}/catalogues/${encodeURIComponent(analysis.catalogueVersionId ?? 'genq-default@1.0.0')}`)).json as {
      actionFields: Array<{ criteria: Array<{ id: string; name: string }> }>;
    };
    return Object.fromEntries(catalogue.actionFields.flatMap((af) => af.criteria.map((c) => [c.id, c.name])));
  },
  saveRatings: async (quarterId: string, ratings: Array<Pick<Rating, 'criterionId' | 'rating' | 'evidence'>>) =>
    (await httpClient(`${q(quarterId)}/ratings`, { method: 'PUT', body: JSON.stringify({ ratings }) })).json,
  /** Rejects with an HttpError whose `body.errors.rows` names every bad cell; nothing is written then. */
  importCsv: async (quarterId: string, csv: string): Promise<{ rows: number; created: number; updated: number; unchanged: number }> =>
    (await httpClient(`${q(quarterId)}/indicators/import`, { method: 'POST', body: JSON.stringify({ csv }) })).json,
  templateUrl: `${apiUrl}/analysis/template.csv`,
};

export const actorsApi = {
  memberships: (quarterId: string) => rows<Membership>(`${q(quarterId)}/memberships`),
  events: (quarterId: string) => rows<ParticipationEvent>(`${q(quarterId)}/participation-events`),
  addEvent: async (quarterId: string, event: { type: string; date: string; participants: Record<string, number>; outcome?: string }) =>
    (await httpClient(`${q(quarterId)}/participation-events`, { method: 'POST', body: JSON.stringify(event) })).json as ParticipationEvent,
  /** The kick-off record, or null while the kick-off is not recorded (204). */
  kickoff: async (quarterId: string) => ((await httpClient(`${q(quarterId)}/kickoff`)).json as KickoffRecord | undefined) ?? null,
  /** Rejects with a 400 whose `body.errors` names the problem per field, or 409 when recorded already. */
  recordKickoff: async (quarterId: string, kickoff: RecordKickoffCommand) =>
    (await httpClient(`${q(quarterId)}/kickoff`, { method: 'POST', body: JSON.stringify(kickoff) })).json as KickoffRecord,
  /** The participation record, or null while the participation phase is open (204). */
  participationRecord: async (quarterId: string) => ((await httpClient(`${q(quarterId)}/participation-record`)).json as ParticipationRecord | undefined) ?? null,
  closeParticipation: async (quarterId: string, record: CloseParticipationCommand) =>
    (await httpClient(`${q(quarterId)}/participation-record`, { method: 'POST', body: JSON.stringify(record) })).json as ParticipationRecord,
  /** People of one organisation (GET /people filtered by it), or every person the user may see. */
  people: (organisationId?: string) =>
    rows<Person>(
      `${apiUrl}/people?filter=${encodeURIComponent(JSON.stringify(organisationId ? { organisationId } : {}))}&sort=${encodeURIComponent('["name","ASC"]')}&range=${encodeURIComponent('[0,499]')}`,
    ),
};
