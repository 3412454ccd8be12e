import { api, data, downloadFile, listQuery, type FilePath, type Schemas } from '../providers/apiClient';
import type { AgreementVersion, AnnualReport, AuditEntry, Concept, GoalChange, MeasureChange, NewGoal, NewMeasure, ReportContent } from './types';

const Q = (quarterId: string) => ({ params: { path: { quarterId } } });
/*
 * The forms hold enum fields (target groups, statuses, action fields) as plain strings; the
 * gateway checks them and answers 400 with every bad field, so their bodies are asserted to the
 * request schema here.
 */
const enc = encodeURIComponent;

/** A missing certificate is normal until the programme office approves: 404 becomes null. */
const orNull = async <T>(call: Promise<T>): Promise<T | null> => {
  try {
    return await call;
  } catch (err) {
    if ((err as { status?: number }).status === 404) return null;
    throw err;
  }
};

/** A PDF of the API as a file download, with the user's token. */
export const downloadPdf = (path: FilePath, filename: string): Promise<void> => downloadFile(path, filename, 'application/pdf');

/** The Handlungskonzept, the Zielvereinbarung, reports, amendments and the quarter's audit log (issue 5/6), through the typed client. */
export const agreementsApi = {
  concept: (quarterId: string): Promise<Concept> => data(api.GET('/api/quarters/{quarterId}/handlungskonzept', Q(quarterId))),
  memberships: (quarterId: string) => data(api.GET('/api/quarters/{quarterId}/memberships', Q(quarterId))),
  addGoal: (quarterId: string, goal: NewGoal) => data(api.POST('/api/quarters/{quarterId}/goals', { ...Q(quarterId), body: goal as Schemas['CreateGoalDto'] })),
  addMeasure: (quarterId: string, measure: NewMeasure) => data(api.POST('/api/quarters/{quarterId}/measures', { ...Q(quarterId), body: measure as Schemas['CreateMeasureDto'] })),
  /** Refused with 409 `concept.locked` once the agreement is submitted. */
  updateGoal: (quarterId: string, goalId: string, goal: GoalChange) =>
    data(api.PATCH('/api/quarters/{quarterId}/goals/{goalId}', { params: { path: { quarterId, goalId } }, body: goal as Schemas['UpdateGoalDto'] })),
  deleteGoal: async (quarterId: string, goalId: string): Promise<void> => {
    await data(api.DELETE('/api/quarters/{quarterId}/goals/{goalId}', { params: { path: { quarterId, goalId } } }));
  },
  updateMeasure: (quarterId: string, measureId: string, measure: MeasureChange) =>
    data(api.PATCH('/api/quarters/{quarterId}/measures/{measureId}', { params: { path: { quarterId, measureId } }, body: measure as Schemas['UpdateMeasureDto'] })),
  deleteMeasure: async (quarterId: string, measureId: string): Promise<void> => {
    await data(api.DELETE('/api/quarters/{quarterId}/measures/{measureId}', { params: { path: { quarterId, measureId } } }));
  },
  changeMeasureStatus: (quarterId: string, measureId: string, status: string, reason?: string) =>
    data(
      api.POST('/api/quarters/{quarterId}/measures/{measureId}/status', {
        params: { path: { quarterId, measureId } },
        body: { status, ...(reason ? { reason } : {}) } as Schemas['ChangeMeasureStatusDto'],
      }),
    ),
  justify: (quarterId: string, actionFieldId: string, text: string) =>
    data(api.POST('/api/quarters/{quarterId}/justifications', { ...Q(quarterId), body: { actionFieldId, text } as Schemas['SetJustificationDto'] })),
  /** The goals workshops of the quarter, newest first (the API answers a page `{ data, total }`). */
  goalsWorkshops: async (quarterId: string) => (await data(api.GET('/api/quarters/{quarterId}/goals-workshops', Q(quarterId)))).data,
  /** Rejects with 409 while no goal with a measure is drafted. */
  recordGoalsWorkshop: (quarterId: string, workshop: { date: string; participants: string; notes?: string }) =>
    data(api.POST('/api/quarters/{quarterId}/goals-workshops', { ...Q(quarterId), body: workshop })),

  versions: (quarterId: string): Promise<AgreementVersion[]> => data(api.GET('/api/quarters/{quarterId}/agreement/versions', Q(quarterId))),
  /** Rejects with 409 and `body.errors.gaps` when the concept is incomplete. */
  submitVersion: (quarterId: string, weakActionFields: string[], windowStart?: string) =>
    data(api.POST('/api/quarters/{quarterId}/agreement/versions', { ...Q(quarterId), body: { weakActionFields, ...(windowStart ? { windowStart } : {}) } as Schemas['SubmitConceptDto'] })),
  sign: (quarterId: string, versionId: string) =>
    data(api.POST('/api/quarters/{quarterId}/agreement/versions/{versionId}/signatures', { params: { path: { quarterId, versionId } } })),
  review: (quarterId: string, versionId: string, decision: { decision: 'approved' | 'sent_back'; requiredChanges?: string; loopTo?: string; newDue?: string }) =>
    data(api.POST('/api/quarters/{quarterId}/agreement/versions/{versionId}/review', { params: { path: { quarterId, versionId } }, body: decision as Schemas['ReviewDecisionDto'] })),
  versionPdfPath: (quarterId: string, versionId: string): FilePath => `/api/quarters/${enc(quarterId)}/agreement/versions/${enc(versionId)}/pdf`,
  certificate: (quarterId: string) => orNull(data(api.GET('/api/quarters/{quarterId}/certificate', Q(quarterId)))),
  certificatePdfPath: (quarterId: string): FilePath => `/api/quarters/${enc(quarterId)}/certificate/pdf`,

  reports: (quarterId: string): Promise<AnnualReport[]> => data(api.GET('/api/quarters/{quarterId}/reports', Q(quarterId))),
  createReport: (quarterId: string, year: number, content: ReportContent = {}) =>
    data(api.POST('/api/quarters/{quarterId}/reports', { ...Q(quarterId), body: { year, ...content } as Schemas['CreateAnnualReportDto'] })),
  updateReport: (quarterId: string, reportId: string, content: ReportContent) =>
    data(api.PATCH('/api/quarters/{quarterId}/reports/{reportId}', { params: { path: { quarterId, reportId } }, body: content as Schemas['AnnualReportContentDto'] })),
  submitReport: (quarterId: string, reportId: string) =>
    data(api.POST('/api/quarters/{quarterId}/reports/{reportId}/submission', { params: { path: { quarterId, reportId } } })),
  reviewReport: (quarterId: string, reportId: string, decision: 'accepted' | 'returned', remarks?: string) =>
    data(api.POST('/api/quarters/{quarterId}/reports/{reportId}/review', { params: { path: { quarterId, reportId } }, body: { decision, ...(remarks ? { remarks } : {}) } })),
  reportPdfPath: (quarterId: string, reportId: string): FilePath => `/api/quarters/${enc(quarterId)}/reports/${enc(reportId)}/pdf`,
  amendments: (quarterId: string) => data(api.GET('/api/quarters/{quarterId}/amendments', Q(quarterId))),

  auditLog: (quarterId: string): Promise<AuditEntry[]> => data(api.GET('/api/audit-log', { params: { query: listQuery({ quarterId }, ['at', 'DESC'], [0, 199]) } })),
};
