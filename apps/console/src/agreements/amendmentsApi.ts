import type { MeasureKind } from '@genq/contracts';
import { api, data } from '../providers/apiClient';

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

const Q = (quarterId: string) => ({ params: { path: { quarterId } } });
const A = (quarterId: string, amendmentId: string) => ({ params: { path: { quarterId, amendmentId } } });

/** Änderungen der Zielvereinbarung (GET/POST /api/quarters/:id/amendments and their signatures, acceptance and rejection). */
export const amendmentsApi = {
  list: (quarterId: string) => data(api.GET('/api/quarters/{quarterId}/amendments', Q(quarterId))),
  /** Versions with their snapshot: the approved one names the measures an amendment may change. */
  versions: (quarterId: string) => data(api.GET('/api/quarters/{quarterId}/agreement/versions', Q(quarterId))),
  memberships: (quarterId: string) => data(api.GET('/api/quarters/{quarterId}/memberships', Q(quarterId))),
  /** 400 with every field problem under `errors` (`changes.0.measure.title`); 409 when another amendment is open. */
  propose: (quarterId: string, proposal: AmendmentProposal) => data(api.POST('/api/quarters/{quarterId}/amendments', { ...Q(quarterId), body: proposal })),
  /** Confirms for the signer's organisation; 403 without signing authority. */
  confirm: (quarterId: string, amendmentId: string) => data(api.POST('/api/quarters/{quarterId}/amendments/{amendmentId}/signatures', A(quarterId, amendmentId))),
  accept: (quarterId: string, amendmentId: string) => data(api.POST('/api/quarters/{quarterId}/amendments/{amendmentId}/acceptance', A(quarterId, amendmentId))),
  /** Rejects an open amendment; 400 without a reason, 409 once accepted or rejected. */
  reject: (quarterId: string, amendmentId: string, reason: string) =>
    data(api.POST('/api/quarters/{quarterId}/amendments/{amendmentId}/rejection', { ...A(quarterId, amendmentId), body: { reason } })),
};
