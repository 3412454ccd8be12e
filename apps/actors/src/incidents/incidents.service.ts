import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, IsNull, LessThan, type Repository, type SelectQueryBuilder } from 'typeorm';
import {
  INCIDENT_KINDS,
  isProgrammeRole,
  type Actor,
  type IncidentCounts,
  type IncidentDto,
  type IncidentObservation,
  type IncidentRepairRecord,
  type IncidentScanReport,
  type IncidentScanResult,
  type ListQuery,
  type Page,
} from '@genq/contracts';
import { isUniqueViolation, MAX_PAGE_SIZE, pageOf, ProcessedEventRow, problem } from '@genq/service-kit';
import { AuditService } from '../audit/audit.service';
import { Incident } from './entities/incident.entity';

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export const toIncidentDto = (i: Incident): IncidentDto => ({
  id: i.id,
  key: i.key,
  kind: i.kind,
  status: i.status,
  workflowId: i.workflowId,
  runId: i.runId,
  workflowType: i.workflowType,
  quarterId: i.quarterId,
  programmeId: i.programmeId,
  activityId: i.activityId,
  activityType: i.activityType,
  attempts: i.attempts,
  errorType: i.errorType,
  message: i.message,
  since: i.since.toISOString(),
  lastFailureAt: iso(i.lastFailureAt),
  nextRetryAt: iso(i.nextRetryAt),
  paused: i.paused,
  openedAt: i.openedAt.toISOString(),
  updatedAt: i.updatedAt.toISOString(),
  resolvedAt: iso(i.resolvedAt),
  resolution: i.resolution,
  resolvedBy: i.resolvedBy,
  lastRepair: i.lastRepair,
  notifiedAt: iso(i.notifiedAt),
});

/** The most incidents one batch repair may touch. */
export const MAX_REPAIR_BATCH = 500;

const LIST_SPEC = {
  sortable: ['since', 'openedAt', 'updatedAt', 'resolvedAt', 'attempts', 'kind', 'workflowType', 'activityType', 'nextRetryAt'],
  filterable: ['status', 'kind', 'workflowType', 'activityType', 'quarterId', 'programmeId', 'workflowId', 'resolution', 'paused'],
  searchable: ['message', 'workflowId', 'activityType', 'errorType'],
  dateBounds: { sinceBefore: { field: 'since', op: '<' as const }, sinceAfter: { field: 'since', op: '>=' as const } },
  defaultSort: { field: 'since', order: 'ASC' as const },
};

/**
 * The programme-wide incident list (issue 18). The worker's scanner reports every complete
 * scan; an observation opens or updates its incident, an open incident no longer observed is
 * resolved: `repaired` when an operator's repair was applied since it opened, else `cleared`.
 */
@Injectable()
export class IncidentsService {
  constructor(
    @InjectRepository(Incident) private readonly incidents: Repository<Incident>,
    private readonly audit: AuditService,
  ) {}

  async report(report: IncidentScanReport): Promise<IncidentScanResult> {
    const now = new Date(report.scannedAt);
    let opened = 0;
    let updated = 0;
    let resolved = 0;
    await this.incidents.manager.transaction(async (em) => {
      const repo = em.getRepository(Incident);
      const open = await repo.findBy({ status: 'open' });
      const byKey = new Map(open.map((i) => [i.key, i]));
      const seen = new Set<string>();
      for (const o of report.observations) {
        if (seen.has(o.key)) continue;
        seen.add(o.key);
        const existing = byKey.get(o.key);
        if (existing) {
          Object.assign(existing, this.observed(o), {
            // The earliest failure anyone saw stays the start (a restarted scanner knows less).
            since: new Date(Math.min(existing.since.getTime(), new Date(o.since).getTime())),
            updatedAt: now,
          });
          await repo.save(existing);
          updated++;
        } else {
          await repo.insert({
            id: randomUUID(),
            key: o.key,
            status: 'open',
            ...this.observed(o),
            since: new Date(o.since),
            openedAt: now,
            updatedAt: now,
            resolvedAt: null,
            resolution: null,
            resolvedBy: null,
            lastRepair: null,
            notifiedAt: null,
          });
          opened++;
        }
      }
      for (const i of open) {
        if (seen.has(i.key)) continue;
        const repair = i.lastRepair && i.lastRepair.outcome === 'applied' && new Date(i.lastRepair.at) >= i.openedAt ? i.lastRepair : null;
        await repo.update(
          { id: i.id },
          { status: 'resolved', resolvedAt: now, updatedAt: now, resolution: repair ? 'repaired' : 'cleared', resolvedBy: repair?.byUserId ?? null },
        );
        resolved++;
      }
    });
    const notify = await this.incidents.find({
      where: { status: 'open', notifiedAt: IsNull(), openedAt: LessThan(new Date(now.getTime() - report.notifyAfterMs)) },
      order: { openedAt: 'ASC' },
      take: 100,
    });
    return { opened, updated, resolved, notify: notify.map(toIncidentDto) };
  }

  private observed(o: IncidentObservation) {
    return {
      kind: o.kind,
      workflowId: o.workflowId,
      runId: o.runId,
      workflowType: o.workflowType,
      quarterId: o.quarterId,
      programmeId: o.programmeId,
      activityId: o.activityId,
      activityType: o.activityType,
      attempts: o.attempts,
      errorType: o.errorType?.slice(0, 200) ?? null,
      message: o.message.slice(0, 4000),
      lastFailureAt: o.lastFailureAt ? new Date(o.lastFailureAt) : null,
      nextRetryAt: o.nextRetryAt ? new Date(o.nextRetryAt) : null,
      paused: o.paused,
    };
  }

  /** The notice of an incident went out (the worker put it into the outbox). */
  async markNotified(id: string): Promise<IncidentDto> {
    const i = await this.incidents.findOneBy({ id });
    if (!i) throw problem('incident.not_found', { id });
    if (!i.notifiedAt) await this.incidents.update({ id }, { notifiedAt: new Date() });
    return toIncidentDto(await this.incidents.findOneByOrFail({ id }));
  }

  /**
   * Programme roles see the incidents of their programmes' quarters, and the incidents of
   * workflows of no one programme (batches, repairs): those carry no quarter data.
   */
  private scoped(actor: Actor): SelectQueryBuilder<Incident> {
    const qb = this.incidents.createQueryBuilder('i');
    if (!isProgrammeRole(actor.role)) return qb.andWhere('1 = 0');
    if (actor.programmeIds.length === 0) return qb.andWhere('i.programmeId IS NULL');
    return qb.andWhere(
      new Brackets((w) => w.where('i.programmeId IN (:...scope_programmes)', { scope_programmes: actor.programmeIds }).orWhere('i.programmeId IS NULL')),
    );
  }

  async list(actor: Actor, query: ListQuery): Promise<Page<IncidentDto>> {
    const page = await pageOf(this.scoped(actor), query, LIST_SPEC);
    return { data: page.data.map(toIncidentDto), total: page.total };
  }

  async get(actor: Actor, id: string): Promise<IncidentDto> {
    const row = await this.scoped(actor).andWhere('i.id = :id', { id }).getOne();
    if (!row) throw problem('incident.not_found', { id });
    return toIncidentDto(row);
  }

  async counts(actor: Actor): Promise<IncidentCounts> {
    const rows = await this.scoped(actor)
      .andWhere("i.status = 'open'")
      .select('i.kind', 'kind')
      .addSelect('COUNT(*)', 'n')
      .addSelect('SUM(CASE WHEN i.notifiedAt IS NULL THEN 0 ELSE 1 END)', 'notified')
      .groupBy('i.kind')
      .getRawMany<{ kind: string; n: string | number; notified: string | number | null }>();
    const byKind = Object.fromEntries(INCIDENT_KINDS.map((k) => [k, 0])) as IncidentCounts['byKind'];
    let notified = 0;
    for (const r of rows) {
      if ((INCIDENT_KINDS as readonly string[]).includes(r.kind)) byKind[r.kind as keyof typeof byKind] = Number(r.n);
      notified += Number(r.notified ?? 0);
    }
    return { open: Object.values(byKind).reduce((a, b) => a + b, 0), byKind, notified };
  }

  /** The open incidents a list filter matches, for a batch repair; refused when too many. */
  async matching(actor: Actor, filter: Record<string, unknown>): Promise<IncidentDto[]> {
    const page = await pageOf(this.scoped(actor).andWhere("i.status = 'open'"), { filter, range: { start: 0, end: MAX_PAGE_SIZE - 1 } }, LIST_SPEC);
    if (page.total > MAX_REPAIR_BATCH) throw problem('incident.batch_too_broad', { count: page.total, max: MAX_REPAIR_BATCH });
    return page.data.map(toIncidentDto);
  }

  /**
   * A repair action's outcome on one incident, with its audit entry, in one transaction
   * (the repair workflow's activity, which Temporal may retry: once per `key`).
   */
  async recordRepair(cmd: IncidentRepairRecord): Promise<IncidentDto> {
    const i = await this.incidents.findOneBy({ id: cmd.incidentId });
    if (!i) throw problem('incident.not_found', { id: cmd.incidentId });
    try {
      await this.incidents.manager.transaction(async (em) => {
        const keys = em.getRepository(ProcessedEventRow);
        if (await keys.existsBy({ consumer: AuditService.KEYED_ENTRIES, eventId: cmd.key })) return;
        await keys.insert({ consumer: AuditService.KEYED_ENTRIES, eventId: cmd.key, processedAt: new Date() });
        // The scan may see the repair work before its note arrives: an incident resolved since
        // the repair was applied was resolved by it.
        const repairedLate = i.status === 'resolved' && cmd.note.outcome === 'applied' && i.resolvedAt !== null && i.resolvedAt >= new Date(cmd.note.at);
        await em
          .getRepository(Incident)
          .update({ id: i.id }, { lastRepair: cmd.note, ...(repairedLate ? { resolution: 'repaired' as const, resolvedBy: cmd.note.byUserId } : {}) });
        // An incident of no programme (a batch) is filed under each programme the operator
        // acts for: an entry of no programme is in no programme admin's audit log.
        const programmes: Array<string | null> = i.programmeId ? [i.programmeId] : cmd.programmeIds?.length ? [...new Set(cmd.programmeIds)] : [null];
        for (const programmeId of programmes) {
          await this.audit.record(
            {
              actor: cmd.actor,
              action: `incident.${cmd.note.action}`,
              resourceType: 'incident',
              resourceId: i.id,
              programmeId,
              quarterId: i.quarterId,
              reason: cmd.note.reason,
              before: { status: i.status, attempts: i.attempts, paused: i.paused, message: i.message },
              after: { outcome: cmd.note.outcome, reasonCode: cmd.note.reasonCode },
              requestId: cmd.requestId,
            },
            em,
          );
        }
      });
    } catch (err) {
      if (!isUniqueViolation(err)) throw err;
    }
    return toIncidentDto(await this.incidents.findOneByOrFail({ id: i.id }));
  }
}
