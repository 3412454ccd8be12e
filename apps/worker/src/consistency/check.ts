import type { ClientProxy } from '@nestjs/microservices';
import type { Client } from '@temporalio/client';
import { AgreementsMessagePatterns as P, AnalysisPatterns, KickoffPatterns, QUARTER_LIFECYCLE_WORKFLOW, quarterIdFromWorkflowId, quarterWorkflowId, type AgreementVersionDto, type AmendmentDto, type AnnualReportDto, type ActorsDeliverables, type AnalysisDto, type CertificateDto, type GoalsWorkshopDto, type Page } from '@genq/contracts';
import { processStateQuery } from '@genq/contracts/temporal';
import { ServiceError, request } from '@genq/service-kit';
import { compareDeliverables, compareQuarter, type AgreementsFacts, type DeliverableFacts, type Mismatch } from './compare';

/** Clients of the services whose facts the process reflects. */
export interface ServiceClientsForCheck {
  actors: ClientProxy;
  analysis: ClientProxy;
  agreements: ClientProxy;
}

export interface ConsistencyReport {
  checkedAt: string;
  quarters: number;
  mismatches: Mismatch[];
  /** Quarters whose process could not be asked (e.g. no worker running for a closed one). */
  unreadable: Array<{ quarterId: string; error: string }>;
}

/** What the agreements service holds about one quarter, through its ordinary read patterns. */
export async function agreementsFacts(agreements: ClientProxy, quarterId: string): Promise<AgreementsFacts> {
  const ask = <T>(pattern: string) => request<T>(agreements, 'agreements', pattern, { quarterId });
  const [versions, reports, amendments, certificate] = await Promise.all([
    ask<AgreementVersionDto[]>(P.listVersions),
    ask<AnnualReportDto[]>(P.listReports),
    ask<AmendmentDto[]>(P.listAmendments),
    ask<CertificateDto>(P.getCertificate).catch((err: unknown) => {
      if (err instanceof ServiceError && err.payload.status === 404) return null;
      throw err;
    }),
  ]);
  return { versions, reports, amendments, certificate };
}

/** The development steps' deliverables, from the services that own them. */
export async function deliverableFacts(clients: ServiceClientsForCheck, quarterId: string): Promise<DeliverableFacts> {
  const [actors, analysis, workshops] = await Promise.all([
    request<ActorsDeliverables>(clients.actors, 'actors', KickoffPatterns.deliverables, { quarterId }),
    request<AnalysisDto>(clients.analysis, 'analysis', AnalysisPatterns.getAnalysis, quarterId).catch((err: unknown) => {
      if (err instanceof ServiceError && err.payload.status === 404) return null;
      throw err;
    }),
    request<Page<GoalsWorkshopDto>>(clients.agreements, 'agreements', P.listGoalsWorkshops, { quarterId }),
  ]);
  return {
    ...actors,
    analysisSubmitted: analysis?.status === 'submitted',
    prioritiesRecorded: (analysis?.priorities?.length ?? 0) > 0,
    goalsWorkshops: workshops.total,
  };
}

/**
 * Compares every quarter's process (its workflow, running or closed) with the services'
 * data (agreements, certificate and reports; the deliverables of the development steps) and lists each fact they disagree on. Read-only; run it when the event
 * stream is quiet (a fact still on its way shows as a mismatch until it arrives).
 */
export async function checkConsistency(temporal: Client, clients: ServiceClientsForCheck, { quarterIds }: { quarterIds?: string[] } = {}): Promise<ConsistencyReport> {
  const ids: string[] = quarterIds ?? [];
  if (!quarterIds) {
    for await (const wf of temporal.workflow.list({ query: `WorkflowType = '${QUARTER_LIFECYCLE_WORKFLOW}'` })) {
      const id = quarterIdFromWorkflowId(wf.workflowId);
      if (id && !ids.includes(id)) ids.push(id);
    }
  }
  const report: ConsistencyReport = { checkedAt: new Date().toISOString(), quarters: ids.length, mismatches: [], unreadable: [] };
  for (const quarterId of ids) {
    try {
      const process = await temporal.workflow.getHandle(quarterWorkflowId(quarterId)).query(processStateQuery);
      const agreements = await agreementsFacts(clients.agreements, quarterId);
      report.mismatches.push(...compareQuarter(quarterId, process, agreements), ...compareDeliverables(quarterId, process, await deliverableFacts(clients, quarterId), agreements));
    } catch (err) {
      report.unreadable.push({ quarterId, error: (err as Error).message });
    }
  }
  return report;
}
