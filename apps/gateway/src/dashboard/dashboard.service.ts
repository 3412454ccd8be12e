import { Injectable } from '@nestjs/common';
import {
  DashboardPatterns,
  type Actor,
  type AgreementsDashboard,
  type DashboardDto,
  type DashboardFacets,
  type DashboardFilter,
  type DashboardQuarterIds,
  type QuarterDashboard,
} from '@genq/contracts';
import { ServiceClients } from '../services/service-clients';

/** Quarter ids per request to the agreements service (it refuses more than 1000). */
export const QUARTER_ID_CHUNK = 500;

/** Adds up the agreements figures of several chunks of quarters. */
export function mergeAgreementFigures(parts: AgreementsDashboard[]): AgreementsDashboard {
  const measures = new Map<string, { actionFieldId: string; status: string; count: number }>();
  let issued = 0;
  let expiring = 0;
  const first: AgreementsDashboard['certificates']['expiring']['first'] = [];
  for (const p of parts) {
    for (const m of p.measures) {
      const key = `${m.actionFieldId}\u0000${m.status}`;
      const seen = measures.get(key);
      if (seen) seen.count += m.count;
      else measures.set(key, { ...m });
    }
    issued += p.certificates.issued;
    expiring += p.certificates.expiring.count;
    first.push(...p.certificates.expiring.first);
  }
  first.sort((a, b) => a.validUntil.localeCompare(b.validUntil) || a.id.localeCompare(b.id));
  return {
    measures: [...measures.values()].sort((a, b) => a.actionFieldId.localeCompare(b.actionFieldId) || a.status.localeCompare(b.status)),
    certificates: { issued, expiring: { count: expiring, first: first.slice(0, 10) } },
  };
}

/**
 * The dashboard in one answer: quarter counts from the actors service's read model,
 * measures and certificates from the agreements service for the same quarters. Never a
 * call per quarter, never Temporal.
 */
@Injectable()
export class DashboardService {
  constructor(private readonly services: ServiceClients) {}

  async get(actor: Actor, filter: Record<string, unknown>): Promise<DashboardDto> {
    // All at once: the round trips overlap instead of adding up. The actors service checks
    // the filter in both requests that take it, so a bad filter is the same 400 either way.
    const [quarters, agreements, facets] = await Promise.all([
      this.services.send<QuarterDashboard>('actors', DashboardPatterns.quarters, { actor, filter }),
      this.agreementFigures(actor, filter),
      this.facets(actor),
    ]);
    return { filter: filter as DashboardFilter, ...quarters, ...agreements, facets };
  }

  facets(actor: Actor): Promise<DashboardFacets> {
    return this.services.send<DashboardFacets>('actors', DashboardPatterns.facets, { actor });
  }

  /** Without a filter and with every quarter in scope, no restriction; otherwise the matching ids, in chunks. */
  private async agreementFigures(actor: Actor, filter: Record<string, unknown>): Promise<AgreementsDashboard> {
    const scope = await this.services.send<DashboardQuarterIds>('actors', DashboardPatterns.quarterIds, { actor, filter });
    if (scope.all) return this.services.send<AgreementsDashboard>('agreements', DashboardPatterns.agreements, {});
    if (scope.ids.length === 0) return mergeAgreementFigures([]);
    const parts: AgreementsDashboard[] = [];
    for (let i = 0; i < scope.ids.length; i += QUARTER_ID_CHUNK) {
      parts.push(await this.services.send<AgreementsDashboard>('agreements', DashboardPatterns.agreements, { quarterIds: scope.ids.slice(i, i + QUARTER_ID_CHUNK) }));
    }
    return mergeAgreementFigures(parts);
  }
}
