import type { GoalsWorkshopDto } from '@genq/contracts';
import { HttpError } from 'react-admin';
import { bearer, session } from '../auth/authProvider';
import { i18nProvider } from '../i18n/i18nProvider';
import { apiUrl, httpClient, inUserLanguage } from '../providers/dataProvider';
import type {
  AgreementVersion,
  Amendment,
  AnnualReport,
  AuditEntry,
  Certificate,
  Concept,
  Goal,
  Measure,
  NewGoal,
  NewMeasure,
  QuarterMembership,
  ReportContent,
} from './types';

const q = (id: string) => `${apiUrl}/quarters/${encodeURIComponent(id)}`;
const enc = encodeURIComponent;
const get = async <T>(url: string): Promise<T> => (await httpClient(url)).json as T;
const send = async <T>(method: string, url: string, body?: unknown): Promise<T> =>
  (await httpClient(url, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })).json as T;

/** A missing certificate is normal until the programme office approves: 404 becomes null. */
const orNull = async <T>(call: Promise<T>): Promise<T | null> => {
  try {
    return await call;
  } catch (err) {
    if ((err as { status?: number }).status === 404) return null;
    throw err;
  }
};

/**
 * A document of the API as a file download. A plain link would not carry the access token
 * (it lives in memory only), so the file is fetched with it and handed to the browser as an
 * object URL; a 401 renews the token once, as every other call does.
 */
export async function downloadPdf(url: string, filename: string): Promise<void> {
  const call = async (token: string) => fetch(url, { headers: { Authorization: `Bearer ${token}`, Accept: 'application/pdf', 'Accept-Language': i18nProvider.getLocale() === 'en' ? 'en' : 'de' } });
  let res = await call(await bearer());
  if (res.status === 401 && session.isSignedIn()) {
    await session.refresh().catch(() => undefined);
    res = await call(await bearer());
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as { detail?: string } | null;
    throw inUserLanguage(new HttpError(body?.detail ?? res.statusText, res.status, body));
  }
  const objectUrl = URL.createObjectURL(await res.blob());
  const a = document.createElement('a');
  a.href = objectUrl;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Revoked a little later: some browsers start reading the URL only after the click returns.
  setTimeout(() => URL.revokeObjectURL(objectUrl), 10_000);
}

/** The Handlungskonzept, the Zielvereinbarung, reports, amendments and the quarter's audit log (issue 5/6). */
export const agreementsApi = {
  concept: (quarterId: string) => get<Concept>(`${q(quarterId)}/handlungskonzept`),
  memberships: async (quarterId: string) => {
    const body = await get<QuarterMembership[] | { data: QuarterMembership[] }>(`${q(quarterId)}/memberships`);
    return Array.isArray(body) ? body : body.data;
  },
  addGoal: (quarterId: string, goal: NewGoal) => send<Goal>('POST', `${q(quarterId)}/goals`, goal),
  addMeasure: (quarterId: string, measure: NewMeasure) => send<Measure>('POST', `${q(quarterId)}/measures`, measure),
  changeMeasureStatus: (quarterId: string, measureId: string, status: string, reason?: string) =>
    send<Measure>('POST', `${q(quarterId)}/measures/${enc(measureId)}/status`, { status, ...(reason ? { reason } : {}) }),
  justify: (quarterId: string, actionFieldId: string, text: string) => send('POST', `${q(quarterId)}/justifications`, { actionFieldId, text }),
  /** The goals workshops of the quarter, newest first (the API answers a page `{ data, total }`). */
  goalsWorkshops: async (quarterId: string) => {
    const body = await get<GoalsWorkshopDto[] | { data: GoalsWorkshopDto[] }>(`${q(quarterId)}/goals-workshops`);
    return Array.isArray(body) ? body : body.data;
  },
  /** Rejects with 409 while no goal with a measure is drafted. */
  recordGoalsWorkshop: (quarterId: string, workshop: { date: string; participants: string; notes?: string }) =>
    send<GoalsWorkshopDto>('POST', `${q(quarterId)}/goals-workshops`, workshop),

  versions: (quarterId: string) => get<AgreementVersion[]>(`${q(quarterId)}/agreement/versions`),
  /** Rejects with 409 and `body.errors.gaps` when the concept is incomplete. */
  submitVersion: (quarterId: string, weakActionFields: string[], windowStart?: string) =>
    send<AgreementVersion>('POST', `${q(quarterId)}/agreement/versions`, { weakActionFields, ...(windowStart ? { windowStart } : {}) }),
  sign: (quarterId: string, versionId: string) =>
    send<{ version: AgreementVersion; becameBinding: boolean }>('POST', `${q(quarterId)}/agreement/versions/${enc(versionId)}/signatures`),
  review: (quarterId: string, versionId: string, decision: { decision: 'approved' | 'sent_back'; requiredChanges?: string; loopTo?: string; newDue?: string }) =>
    send<{ version: AgreementVersion; certificate: Certificate | null }>('POST', `${q(quarterId)}/agreement/versions/${enc(versionId)}/review`, decision),
  versionPdfUrl: (quarterId: string, versionId: string) => `${q(quarterId)}/agreement/versions/${enc(versionId)}/pdf`,
  certificate: (quarterId: string) => orNull(get<Certificate>(`${q(quarterId)}/certificate`)),
  certificatePdfUrl: (quarterId: string) => `${q(quarterId)}/certificate/pdf`,

  reports: (quarterId: string) => get<AnnualReport[]>(`${q(quarterId)}/reports`),
  createReport: (quarterId: string, year: number, content: ReportContent = {}) => send<AnnualReport>('POST', `${q(quarterId)}/reports`, { year, ...content }),
  updateReport: (quarterId: string, reportId: string, content: ReportContent) => send<AnnualReport>('PATCH', `${q(quarterId)}/reports/${enc(reportId)}`, content),
  submitReport: (quarterId: string, reportId: string) => send<AnnualReport>('POST', `${q(quarterId)}/reports/${enc(reportId)}/submission`),
  reviewReport: (quarterId: string, reportId: string, decision: 'accepted' | 'returned', remarks?: string) =>
    send<AnnualReport>('POST', `${q(quarterId)}/reports/${enc(reportId)}/review`, { decision, ...(remarks ? { remarks } : {}) }),
  reportPdfUrl: (quarterId: string, reportId: string) => `${q(quarterId)}/reports/${enc(reportId)}/pdf`,
  amendments: (quarterId: string) => get<Amendment[]>(`${q(quarterId)}/amendments`),

  auditLog: async (quarterId: string) => {
    const filter = enc(JSON.stringify({ quarterId }));
    return get<AuditEntry[]>(`${apiUrl}/audit-log?filter=${filter}&sort=${enc('["at","DESC"]')}&range=${enc('[0,199]')}`);
  },
};
