import { apiUrl, httpClient } from '../providers/dataProvider';

/** Shapes of the gateway's analysis and actors answers, as far as the console reads them. */
export interface IndicatorValue {
  id: string;
  indicatorId: string;
  referenceDate: string;
  value: number;
  unit: string;
  kind: string;
  source: string | null;
}
export interface Rating {
  criterionId: string;
  actionFieldId: string;
  rating: number;
  evidence: string | null;
  targetGroups: string[];
}
export interface Distribution {
  count: number;
  median: number | null;
  q1: number | null;
  q3: number | null;
}
export interface ActionFieldProfile {
  actionFieldId: string;
  name: string;
  mean: number | null;
  rated: number;
  total: number;
  strengths: string[];
  weaknesses: string[];
  programme: Distribution;
}
export interface Profile {
  actionFields: ActionFieldProfile[];
  unrated: string[];
}
export interface Membership {
  id: string;
  organisationName: string;
  personName?: string | null;
  role: string;
}
export interface ParticipationEvent {
  id: string;
  type: string;
  date: string;
  participants: Record<string, number>;
  participantsTotal: number;
  outcome: string | null;
}

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
};
