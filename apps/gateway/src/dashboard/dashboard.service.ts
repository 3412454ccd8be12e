import { Injectable } from '@nestjs/common';
import {
  agreementsDashboardOf,
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

/**
 * The dashboard in one answer: quarter counts from the actors service's read model,
 * measures and certificates from the agreements service for the same quarters. Never a
 * call per quarter, never Temporal.
 */
@Injectable()
export class DashboardService {
  constructor(private readonly services: ServiceClients) {}

  async get(actor: Actor, filter: Record<string, unknown>, { facets: withFacets = true }: { facets?: boolean } = {}): Promise<DashboardDto> {
    // All at once: the round trips overlap instead of adding up. The actors service checks
    // the filter in both requests that take it, so a bad filter is the same 400 either way.
    const [quarters, agreements, facets] = await Promise.all([
      this.services.send<QuarterDashboard>('actors', DashboardPatterns.quarters, { actor, filter }),
      this.agreementFigures(actor, filter),
      withFacets ? this.facets(actor) : undefined,
    ]);
    return { filter: filter as DashboardFilter, ...quarters, ...agreements, ...(facets ? { facets } : {}) };
  }

  facets(actor: Actor): Promise<DashboardFacets> {
    return this.services.send<DashboardFacets>('actors', DashboardPatterns.facets, { actor });
  }

  /** Without a filter and with every quarter in scope, no restriction; otherwise the matching ids, in chunks. */
  private async agreementFigures(actor: Actor, filter: Record<string, unknown>): Promise<AgreementsDashboard> {
    const scope = await this.services.send<DashboardQuarterIds>('actors', DashboardPatterns.quarterIds, { actor, filter });
    if (scope.all) return this.services.send<AgreementsDashboard>('agreements', DashboardPatterns.agreements, {});
    return agreementsDashboardOf(scope.ids, (query) => this.services.send<AgreementsDashboard>('agreements', DashboardPatterns.agreements, query));
  }
}
