import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, type Repository } from 'typeorm';
import { type Actor, type TaskDto } from '@genq/contracts';
import { invalidFields } from '@genq/service-kit';
import { Quarter } from '../quarters/entities/quarter.entity';
import { ScopeService } from '../scope/scope.service';
import { quarterTasks, STALLED_WATCHERS } from './task-rules';

/** Ids one request may name (the gateway names the quarters of the agreements tasks). */
export const MAX_NAMED_QUARTERS = 1000;

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);

/**
 * The tasks the process read model gives an actor: one SQL query over the quarters in their
 * scope that can give their role a task at all; the rule per quarter is `quarterTasks`.
 */
@Injectable()
export class TasksService {
  constructor(
    @InjectRepository(Quarter) private readonly repo: Repository<Quarter>,
    private readonly scope: ScopeService,
  ) {}

  async forActor(actor: Actor): Promise<TaskDto[]> {
    if (actor.role === 'viewer') return [];
    const qb = this.scope.restrictQuarters(this.repo.createQueryBuilder('q'), actor).andWhere('q.paused = :no', { no: false });
    const watches = STALLED_WATCHERS.includes(actor.role);
    qb.andWhere(
      new Brackets((w) => {
        w.where('q.phase IN (:...acting)', { acting: actor.role === 'programme_admin' ? ['reaudit'] : ['development', 'implementation'] });
        if (watches) w.orWhere('q.stalled = :yes', { yes: true });
      }),
    );
    const rows = await qb.orderBy('q.name', 'ASC').getMany();
    return rows.flatMap((q) =>
      quarterTasks(actor.role, {
        id: q.id,
        name: q.name,
        phase: q.phase,
        currentStep: q.currentStep,
        paused: q.paused,
        stalled: q.stalled,
        stalledReason: q.stalledReason,
        stalledSince: iso(q.stalledSince),
        nextDueAt: iso(q.nextDueAt),
        overdueSince: iso(q.overdueSince),
      }),
    );
  }

  /** Names of the named quarters that lie in the actor's scope (others are left out). */
  async names(actor: Actor, ids: unknown): Promise<Record<string, string>> {
    if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string')) throw invalidFields({ field: 'ids', code: 'validation.isArray' });
    if (ids.length > MAX_NAMED_QUARTERS) throw invalidFields({ field: 'ids', code: 'validation.arrayMaxSize', params: { max: MAX_NAMED_QUARTERS } });
    if (ids.length === 0) return {};
    const rows = await this.scope
      .restrictQuarters(this.repo.createQueryBuilder('q'), actor)
      .andWhere('q.id IN (:...ids)', { ids })
      .select(['q.id', 'q.name'])
      .getMany();
    return Object.fromEntries(rows.map((q) => [q.id, q.name]));
  }
}
