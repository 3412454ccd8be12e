import { api, data, type Schemas } from '../providers/apiClient';

export type IncidentAction = Schemas['IncidentActionDto']['action'];
export type IncidentRepairResult = Schemas['IncidentRepairResult'];
export type IncidentCounts = Schemas['IncidentCounts'];
export type IncidentResetPreview = Schemas['IncidentResetPreview'];

export const INCIDENT_ACTIONS: IncidentAction[] = ['retry', 'pause', 'resume', 'reset', 'cancel'];

export const incidentCounts = (): Promise<IncidentCounts> => data(api.GET('/api/incidents/counts'));

export const resetPreview = (id: string): Promise<IncidentResetPreview> => data(api.GET('/api/incidents/{id}/reset-preview', { params: { path: { id } } }));

/** One incident (`id`) or the open ones a filter matches. */
export const repairIncidents = (target: { id: string } | { filter: Record<string, unknown> }, action: IncidentAction, reason: string): Promise<IncidentRepairResult> =>
  data(api.POST('/api/incidents/actions', { body: { ...target, action, reason } as Schemas['IncidentActionDto'] }));
