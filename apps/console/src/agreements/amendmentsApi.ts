import type { AgreementVersionDto, AmendmentDto, AmendmentSignResult, MembershipDto, MeasureKind } from '@genq/contracts';
import { apiUrl, httpClient } from '../providers/dataProvider';

/** The new measure of a replacement: owner and schedule are required, it joins a binding agreement. */
export interface NewAmendmentMeasure {
  title: string;
  ownerOrganisationId: string;
  kind: MeasureKind;
  start: string;
  end: string;
  cost?: number;
}

/** One change of a proposal (ProposeAmendmentDto in @genq/dto): replace or drop a measure of the agreement. */
export type AmendmentChange = { action: 'drop'; measureId: string } | { action: 'replace'; measureId: string; measure: NewAmendmentMeasure };

export interface AmendmentProposal {
  description: string;
  reason: string;
  changes: AmendmentChange[];
}

const q = (id: string) => `${apiUrl}/quarters/${encodeURIComponent(id)}`;
const call = async <T>(url: string, method = 'GET', body?: unknown): Promise<T> =>
  (await httpClient(url, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) })).json as T;

/** Änderungen der Zielvereinbarung (GET/POST /api/quarters/:id/amendments and their signatures, acceptance and rejection). */
export const amendmentsApi = {
  list: (quarterId: string) => call<AmendmentDto[]>(`${q(quarterId)}/amendments`),
  /** Versions with their snapshot: the approved one names the measures an amendment may change. */
  versions: (quarterId: string) => call<AgreementVersionDto[]>(`${q(quarterId)}/agreement/versions`),
  memberships: async (quarterId: string) => {
    const body = await call<MembershipDto[] | { data: MembershipDto[] }>(`${q(quarterId)}/memberships`);
    return Array.isArray(body) ? body : body.data;
  },
  /** 400 with `errors` keyed like the body (`changes.0.measure.title`); 409 when another amendment is open. */
  propose: (quarterId: string, proposal: AmendmentProposal) => call<AmendmentDto>(`${q(quarterId)}/amendments`, 'POST', proposal),
  /** Confirms for the signer's organisation; 403 without signing authority. */
  confirm: (quarterId: string, amendmentId: string) =>
    call<AmendmentSignResult>(`${q(quarterId)}/amendments/${encodeURIComponent(amendmentId)}/signatures`, 'POST'),
  accept: (quarterId: string, amendmentId: string) => call<AmendmentDto>(`${q(quarterId)}/amendments/${encodeURIComponent(amendmentId)}/acceptance`, 'POST'),
  /** Rejects an open amendment; 400 with `errors.reason` without a reason, 409 once accepted or rejected. */
  reject: (quarterId: string, amendmentId: string, reason: string) =>
    call<AmendmentDto>(`${q(quarterId)}/amendments/${encodeURIComponent(amendmentId)}/rejection`, 'POST', { reason }),
};
