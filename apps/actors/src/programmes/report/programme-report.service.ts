import { Inject, Injectable, type OnModuleDestroy } from '@nestjs/common';
import { RpcException } from '@nestjs/microservices';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { ClientProxy } from '@nestjs/microservices';
import {
  agreementsDashboardOf,
  AnalysisPatterns,
  DASHBOARD_EXPIRING_DAYS,
  DashboardPatterns,
  type Actor,
  type AgreementsDashboard,
  type PdfDocument,
  type ProgrammeDistributionDto,
} from '@genq/contracts';
import type { Catalogue } from '@genq/domain';
import { NATS_CONFIG, ServiceError, natsClient, problem, request, type NatsConfig } from '@genq/service-kit';
import { Quarter } from '../../quarters/entities/quarter.entity';
import { ScopeService } from '../../scope/scope.service';
import { ProgrammesService } from '../programmes.service';
import { programmeReportPdf, type ProgrammeReportInput } from './programme-report-pdf';

/**
 * The programme report. The actors service owns programmes and quarters (phases, stalled,
 * overdue), so it composes the report and asks the owners of the other facts over NATS:
 * the agreements service for measures and certificates of exactly these quarters, the
 * analysis service for the catalogue's names and the programme's profile. No service's
 * rule moves: each answers with its own figures.
 */
@Injectable()
export class ProgrammeReportService implements OnModuleDestroy {
  private client: ClientProxy | null = null;

  constructor(
    @InjectRepository(Quarter) private readonly quarters: Repository<Quarter>,
    @Inject(NATS_CONFIG) private readonly nats: NatsConfig | null,
    private readonly programmes: ProgrammesService,
    private readonly scope: ScopeService,
  ) {}

  async onModuleDestroy(): Promise<void> {
    await this.client?.close();
  }

  private ask<T>(service: string, pattern: string, payload: unknown): Promise<T> {
    if (!this.nats) throw problem('service.unavailable');
    this.client ??= natsClient(this.nats, 'actors-documents');
    return request<T>(this.client, service, pattern, payload).catch((err: unknown) => {
      // The other service's refusal travels on as it came; anything else says the part is unavailable.
      if (err instanceof ServiceError) throw new RpcException(err.payload);
      throw new RpcException({ status: 503, code: 'service.unavailable', message: err instanceof Error ? err.message : String(err) });
    });
  }

  async pdf(actor: Actor, programmeId: string, at = new Date()): Promise<PdfDocument> {
    const input = await this.input(actor, programmeId, at);
    const pdf = await programmeReportPdf(input);
    return { filename: `programmbericht-${programmeId}-${at.toISOString().slice(0, 10)}.pdf`, content: pdf.toString('base64') };
  }

  async input(actor: Actor, programmeId: string, at: Date): Promise<ProgrammeReportInput> {
    const programme = await this.programmes.getScoped(actor, programmeId);
    const rows = await this.scope
      .restrictQuarters(this.quarters.createQueryBuilder('q'), actor)
      .andWhere('q.programmeId = :programmeId', { programmeId })
      .orderBy('q.name', 'ASC')
      .getMany();
    const versionId = `${programme.catalogueId}@${programme.catalogueVersion}`;
    const agreements = await agreementsDashboardOf(
      rows.map((r) => r.id),
      (query) => this.ask<AgreementsDashboard>('agreements', DashboardPatterns.agreements, query),
    );
    const [catalogue, distribution] = await Promise.all([
      this.ask<Catalogue>('analysis', AnalysisPatterns.getCatalogue, versionId),
      this.ask<ProgrammeDistributionDto>('analysis', AnalysisPatterns.programmeDistribution, { programmeId, catalogueVersionId: versionId }),
    ]);
    const iso = (d: Date | null) => (d ? d.toISOString() : null);
    return {
      programmeName: programme.name,
      catalogueVersion: `${catalogue.title}, Version ${catalogue.version}`,
      stepNames: Object.fromEntries(programme.calendar.developmentPhase.steps.map((s) => [s.key, s.name])),
      actionFieldNames: Object.fromEntries(catalogue.actionFields.map((f) => [f.id, f.name])),
      quarters: rows.map((r) => ({
        name: r.name,
        municipality: r.municipality,
        housingCompany: r.housingCompany,
        phase: r.phase,
        currentStep: r.currentStep,
        stalledSince: r.stalled ? (iso(r.stalledSince) ?? at.toISOString()) : null,
        stalledReason: r.stalled ? r.stalledReason : null,
        overdueSince: iso(r.overdueSince),
        paused: r.paused,
      })),
      agreements,
      expiringDays: DASHBOARD_EXPIRING_DAYS,
      actionFieldMedians: catalogue.actionFields.map((f) => ({
        actionFieldId: f.id,
        median: distribution.actionFields[f.id]?.median ?? null,
        count: distribution.actionFields[f.id]?.count ?? 0,
      })),
      maxRating: Math.max(...catalogue.ratingScale.map((l) => l.value)),
      at,
    };
  }
}
