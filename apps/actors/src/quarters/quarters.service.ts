import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, LessThan, IsNull, type EntityManager, type Repository } from 'typeorm';
import type {
  Actor,
  CreateQuarterResult,
  ListQuery,
  NewDomainEvent,
  Page,
  ProgrammeDto,
  ProjectProcessStateCommand,
  QuarterDto,
  UpdateQuarterDetailsCommand,
} from '@genq/contracts';
import { boundaryProblem, type FieldProblemInput } from '@genq/contracts';
import type { CreateQuarterDto } from '@genq/dto';
import { invalidFields, isUniqueViolation, listProblem, pageOf, problem, recordEvent, recordEventsOnce } from '@genq/service-kit';
import { AuditService } from '../audit/audit.service';
import { QuarterOrganisationNames, type QuarterOrganisationIds } from '../organisations/organisation-names';
import { ProgrammesService } from '../programmes/programmes.service';
import { requireRole } from '../scope/actor';
import { ScopeService } from '../scope/scope.service';
import { Quarter } from './entities/quarter.entity';

export function toQuarterDto(q: Quarter): QuarterDto {
  return {
    id: q.id,
    name: q.name,
    municipality: q.municipality,
    municipalityId: q.municipalityId ?? null,
    kreis: q.kreis,
    land: q.land,
    housingCompany: q.housingCompany,
    housingCompanyId: q.housingCompanyId ?? null,
    programmeId: q.programmeId,
    startedAt: q.startedAt.toISOString(),
    startAt: q.startAt,
    workflowStartedAt: q.workflowStartedAt ? q.workflowStartedAt.toISOString() : null,
    phase: q.phase,
    currentStep: q.currentStep,
    stalled: q.stalled,
    stalledReason: q.stalledReason,
    stalledSince: q.stalledSince ? q.stalledSince.toISOString() : null,
    paused: q.paused,
    nextDueAt: q.nextDueAt ? q.nextDueAt.toISOString() : null,
    overdueSince: q.overdueSince ? q.overdueSince.toISOString() : null,
    processVersion: q.processVersion,
    createdAt: q.createdAt.toISOString(),
    flats: q.flats ?? null,
    residents: q.residents ?? null,
    areaHa: q.areaSqm === null || q.areaSqm === undefined ? null : q.areaSqm / 10_000,
    boundary: q.boundary ?? null,
  };
}

const normalise = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();

export function naturalKeyOf(c: Pick<CreateQuarterDto, 'programmeId' | 'municipality' | 'name'>): string {
  return [c.programmeId, c.municipality, c.name].map(normalise).join('|');
}

/** Whether a registration repeats the stored quarter of its natural key (else it is a conflict under its name). */
export function sameRegistration(existing: Quarter, dto: CreateQuarterDto): boolean {
  return (
    existing.land === dto.land &&
    normalise(existing.housingCompany) === normalise(dto.housingCompany) &&
    (existing.kreis ?? '') === (dto.kreis?.trim() ?? '')
  );
}

/** The fact a registration records: the worker starts the quarter's lifecycle workflow from it. */
export function registeredEvent(q: Quarter, programme: ProgrammeDto): NewDomainEvent<'quarter.registered'> {
  return {
    id: `quarter-registered:${q.id}`,
    type: 'quarter.registered',
    quarterId: q.id,
    payload: {
      programmeId: q.programmeId,
      calendar: programme.calendar,
      startedAt: q.startedAt.toISOString(),
      ...(q.startAt ? { startAt: q.startAt } : {}),
      quarter: { name: q.name, land: q.land, municipality: q.municipality, housingCompany: q.housingCompany },
    },
  };
}

@Injectable()
export class QuartersService {

  constructor(
    @InjectRepository(Quarter) private readonly quarters: Repository<Quarter>,
    private readonly programmes: ProgrammesService,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
  ) {}

  /**
   * Registers a quarter once. The same registration again returns the stored quarter
   * (`created: false`), so a client retry never makes a second one; a different quarter
   * under the same name in the same municipality and programme is a conflict. A new quarter
   * records `quarter.registered` in the same transaction; a repeat records nothing.
   * A municipality or housing company registered as an organisation of the programme is
   * written in its registered spelling, however it was typed ("dogewo21" becomes "DOGEWO21"),
   * and the quarter holds its id (QuarterOrganisationNames).
   */
  async create(actor: Actor, given: CreateQuarterDto): Promise<CreateQuarterResult> {
    requireRole(actor, ['programme_admin']);
    // Another office's programme reads exactly like one that does not exist.
    const problems: FieldProblemInput[] = [];
    // One read answers both whether the programme exists and its calendar for the event.
    const programme = actor.programmeIds.includes(given.programmeId) ? await this.programmes.find(given.programmeId) : null;
    if (!programme) {
      problems.push({ field: 'programmeId', code: 'programme.unknown', params: { id: given.programmeId } });
    }
    const startedAt = given.startedAt ? new Date(given.startedAt) : new Date();
    if (startedAt.getTime() > Date.now() + 60_000) problems.push({ field: 'startedAt', code: 'date.in_future' });
    if (problems.length > 0 || !programme) throw invalidFields(...problems);
    const dto = (await QuarterOrganisationNames.lookUp(this.quarters.manager, [given])).apply(given);
    const naturalKey = naturalKeyOf(dto);
    const existing = await this.quarters.findOneBy({ naturalKey });
    if (existing) return this.repeatOrConflict(existing, dto);
    const entity = this.quarters.create(newQuarterRow(dto, naturalKey, startedAt));
    try {
      // The quarter, the fact that starts its process and the audit entry commit together: the
      // worker starts the workflow from the event, so no quarter is left without its lifecycle.
      // A repeat records nothing: only the registration that created the quarter is audited.
      return await this.quarters.manager.transaction(async (em) => {
        const q = await em.getRepository(Quarter).save(entity);
        await recordEvent(em, 'actors', registeredEvent(q, programme));
        const quarter = toQuarterDto(q);
        await this.audit.recordChange(em, {
          action: 'quarter.create',
          resourceType: 'quarter',
          resourceId: quarter.id,
          programmeId: quarter.programmeId,
          quarterId: quarter.id,
          before: null,
          after: quarter,
        });
        return { quarter, created: true };
      });
    } catch (err) {
      // Two identical requests raced: the loser answers like a repeat.
      if (!isUniqueViolation(err)) throw err;
      const winner = await this.quarters.findOneByOrFail({ naturalKey });
      return this.repeatOrConflict(winner, dto);
    }
  }

  private repeatOrConflict(existing: Quarter, dto: CreateQuarterDto): CreateQuarterResult {
    if (!sameRegistration(existing, dto)) {
      throw problem('quarter.already_registered', { name: existing.name, municipality: existing.municipality }, [{ field: 'name', code: 'quarter.name_taken' }]);
    }
    return { quarter: toQuarterDto(existing), created: false };
  }

  async get(id: string): Promise<QuarterDto> {
    const q = await this.quarters.findOneBy({ id });
    if (!q) throw problem('quarter.not_found', { id });
    return toQuarterDto(q);
  }

  async getScoped(actor: Actor, id: string): Promise<QuarterDto> {
    await this.scope.requireVisible(actor, 'quarter', id);
    return this.get(id);
  }

  /**
   * Size figures and boundary of a quarter. The programme office and the quarter's own
   * partners and facilitators keep them (they know the figures first); name, municipality
   * and programme are not changed here. Answers the quarter before and after, for the audit log.
   */
  async updateDetails(actor: Actor, id: string, cmd: UpdateQuarterDetailsCommand): Promise<{ before: QuarterDto; after: QuarterDto }> {
    requireRole(actor, ['programme_admin', 'partner', 'facilitator']);
    await this.scope.requireVisible(actor, 'quarter', id);
    if (cmd.boundary !== undefined && cmd.boundary !== null) {
      const bad = boundaryProblem(cmd.boundary);
      if (bad) throw invalidFields(bad);
    }
    return this.quarters.manager.transaction(async (em) => {
      const repo = em.getRepository(Quarter);
      const before = toQuarterDto(await repo.findOneByOrFail({ id }));
      const patch: Partial<Quarter> = {};
      if (cmd.flats !== undefined) patch.flats = cmd.flats;
      if (cmd.residents !== undefined) patch.residents = cmd.residents;
      if (cmd.areaHa !== undefined) patch.areaSqm = cmd.areaHa === null ? null : Math.round(cmd.areaHa * 10_000);
      if (cmd.boundary !== undefined) patch.boundary = cmd.boundary;
      if (Object.keys(patch).length > 0) await repo.update({ id }, patch);
      const after = toQuarterDto(await repo.findOneByOrFail({ id }));
      await this.audit.recordChange(em, { action: 'quarter.update_details', resourceType: 'quarter', resourceId: id, quarterId: id, before, after });
      return { before, after };
    });
  }

  async list(actor: Actor, query: ListQuery): Promise<Page<QuarterDto>> {
    const qb = this.scope.restrictQuarters(this.quarters.createQueryBuilder('q'), actor);
    // `overdue` is derived from the read model's `overdueSince`, not a column of its own.
    const { overdue, ...filter } = query.filter ?? {};
    if (overdue !== undefined && overdue !== null && overdue !== '') {
      if (typeof overdue !== 'boolean') throw listProblem({ field: 'filter.overdue', code: 'validation.isBoolean' });
      qb.andWhere(overdue ? 'q.overdueSince IS NOT NULL' : 'q.overdueSince IS NULL');
    }
    const page = await pageOf(qb, { ...query, filter }, {
      sortable: ['name', 'municipality', 'kreis', 'land', 'housingCompany', 'programmeId', 'phase', 'currentStep', 'createdAt', 'nextDueAt', 'stalledSince', 'overdueSince'],
      filterable: ['municipality', 'kreis', 'land', 'housingCompany', 'programmeId', 'phase', 'currentStep', 'stalled', 'paused'],
      searchable: ['name', 'municipality', 'housingCompany'],
      // The dashboard's "Fristen in den nächsten 30 Tagen": quarters whose next deadline falls in a window.
      dateBounds: { nextDueBefore: { field: 'nextDueAt', op: '<' }, nextDueAfter: { field: 'nextDueAt', op: '>=' } },
      defaultSort: { field: 'name', order: 'ASC' },
    });
    return { data: page.data.map(toQuarterDto), total: page.total };
  }

  /** Quarters registered longer than `olderThanMs` ago whose workflow start was never confirmed. */
  async awaitingWorkflow(olderThanMs: number): Promise<QuarterDto[]> {
    const rows = await this.quarters.find({
      where: { workflowStartedAt: IsNull(), createdAt: LessThan(new Date(Date.now() - olderThanMs)) },
      order: { createdAt: 'ASC' },
      take: 100,
    });
    return rows.map(toQuarterDto);
  }

  /** Confirms the starts of several quarters in one statement; those confirmed before keep their time. */
  async markWorkflowsStarted(ids: string[]): Promise<{ confirmed: number }> {
    const valid = ids.filter((id) => typeof id === 'string');
    if (valid.length === 0) return { confirmed: 0 };
    const result = await this.quarters.update({ id: In(valid), workflowStartedAt: IsNull() }, { workflowStartedAt: new Date() });
    return { confirmed: result.affected ?? 0 };
  }

  async markWorkflowStarted(id: string): Promise<QuarterDto> {
    await this.quarters.update({ id, workflowStartedAt: IsNull() }, { workflowStartedAt: new Date() });
    return this.get(id);
  }

  /**
   * Projects process state; an older or repeated version changes nothing. The process's
   * facts (certified, renewed, expired, withdrawn) go into the outbox in the same
   * transaction, each once, and travel on as the process's events.
   */
  async projectProcessState(cmd: ProjectProcessStateCommand): Promise<{ applied: boolean }> {
    return this.quarters.manager.transaction(async (em) => {
      const applied = await this.project(em, cmd);
      await recordEventsOnce(em, 'process', (cmd.facts ?? []).filter((f) => f.quarterId === cmd.quarterId));
      return { applied };
    });
  }

  private async project(em: EntityManager, cmd: ProjectProcessStateCommand): Promise<boolean> {
    const result = await em.getRepository(Quarter).update(
      { id: cmd.quarterId, processVersion: LessThan(cmd.version) },
      {
        phase: cmd.phase,
        currentStep: cmd.currentStep,
        processVersion: cmd.version,
        stalled: cmd.stalled ?? false,
        stalledReason: cmd.stalledReason ?? null,
        stalledSince: cmd.stalledSince ? new Date(cmd.stalledSince) : null,
        paused: cmd.paused ?? false,
        nextDueAt: cmd.nextDue ? new Date(cmd.nextDue) : null,
        overdueSince: cmd.overdueSince ? new Date(cmd.overdueSince) : null,
      },
    );
    return (result.affected ?? 0) > 0;
  }
}

/**
 * A registered quarter's row, before its workflow runs: the registration (its organisations as
 * QuarterOrganisationNames found them), an empty process state, no details yet.
 */
export function newQuarterRow(dto: CreateQuarterDto & QuarterOrganisationIds, naturalKey: string, startedAt: Date): Partial<Quarter> {
  return {
    id: randomUUID(),
    naturalKey,
    name: dto.name.trim(),
    municipality: dto.municipality.trim(),
    municipalityId: dto.municipalityId,
    kreis: dto.kreis?.trim() || null,
    land: dto.land,
    housingCompany: dto.housingCompany.trim(),
    housingCompanyId: dto.housingCompanyId,
    programmeId: dto.programmeId,
    startedAt,
    startAt: dto.startAt ? { phase: dto.startAt.phase, ...(dto.startAt.stepKey ? { stepKey: dto.startAt.stepKey } : {}) } : null,
    workflowStartedAt: null,
    phase: null,
    currentStep: null,
    stalled: false,
    stalledReason: null,
    stalledSince: null,
    paused: false,
    nextDueAt: null,
    overdueSince: null,
    processVersion: 0,
    flats: null,
    residents: null,
    areaSqm: null,
    boundary: null,
  };
}
