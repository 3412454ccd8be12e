import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, type Repository } from 'typeorm';
import type { Actor, ListQuery, Page, ProgrammeDto } from '@genq/contracts';
import type { UpsertProgrammeDto } from '@genq/dto';
import { calendarFieldProblems } from '@genq/domain';
import { invalidFields, pageOf, problem } from '@genq/service-kit';
import { AuditService } from '../audit/audit.service';
import { AccountsService } from '../identity/accounts.service';
import { requireRole } from '../scope/actor';
import { ScopeService } from '../scope/scope.service';
import { Programme } from './entities/programme.entity';

export function toProgrammeDto(p: Programme): ProgrammeDto {
  return { id: p.id, name: p.name, catalogueId: p.catalogueId, catalogueVersion: p.catalogueVersion, calendar: p.calendar };
}

@Injectable()
export class ProgrammesService {
  constructor(
    @InjectRepository(Programme) private readonly programmes: Repository<Programme>,
    private readonly dataSource: DataSource,
    private readonly accounts: AccountsService,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
  ) {}

  /**
   * A programme admin changes its own programmes; a new programme id creates the programme
   * and puts it into the creator's scope (the programme office that sets it up runs it).
   * Someone else's programme answers 404, as if it did not exist.
   */
  async upsert(actor: Actor, dto: UpsertProgrammeDto): Promise<ProgrammeDto> {
    requireRole(actor, ['programme_admin']);
    // Every problem of the calendar at once, each at its field (`calendar.developmentPhase.steps.1.key`).
    const problems = calendarFieldProblems(dto.calendar, 'calendar');
    if (problems.length > 0) throw invalidFields(...problems.map(({ field, code, params }) => ({ field, code, ...(params ? { params } : {}) })));
    return this.dataSource.transaction(async (m) => {
      const repo = m.getRepository(Programme);
      const existing = await repo.findOneBy({ id: dto.id });
      if (existing && !actor.programmeIds.includes(dto.id)) throw problem('programme.not_found', { id: dto.id });
      const before = existing ? toProgrammeDto(existing) : null;
      const saved = await repo.save(repo.merge(existing ?? repo.create(), dto));
      if (!existing) await this.accounts.grantProgramme(actor.userId, saved.id, m);
      const after = toProgrammeDto(saved);
      await this.audit.recordChange(m, { action: before ? 'programme.update' : 'programme.create', resourceType: 'programme', resourceId: saved.id, programmeId: saved.id, before, after });
      return after;
    });
  }

  async getScoped(actor: Actor, id: string): Promise<ProgrammeDto> {
    await this.scope.requireVisible(actor, 'programme', id);
    return this.get(id);
  }

  async get(id: string): Promise<ProgrammeDto> {
    const p = await this.programmes.findOneBy({ id });
    if (!p) throw problem('programme.not_found', { id });
    return toProgrammeDto(p);
  }

  /** The programme, or null where there is none. */
  async find(id: string): Promise<ProgrammeDto | null> {
    const p = await this.programmes.findOneBy({ id });
    return p ? toProgrammeDto(p) : null;
  }

  async exists(id: string): Promise<boolean> {
    return this.programmes.existsBy({ id });
  }

  async list(actor: Actor, query: ListQuery): Promise<Page<ProgrammeDto>> {
    const page = await pageOf(this.scope.restrictProgrammes(this.programmes.createQueryBuilder('p'), actor), query, {
      sortable: ['name', 'createdAt'],
      filterable: ['catalogueId'],
      searchable: ['name'],
      defaultSort: { field: 'name', order: 'ASC' },
    });
    return { data: page.data.map(toProgrammeDto), total: page.total };
  }
}
