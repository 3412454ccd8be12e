import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { Actor, CreateSavedViewCommand, SavedViewChange, SavedViewDto } from '@genq/contracts';
import { invalidFields, problem } from '@genq/service-kit';
import { AuditService } from '../audit/audit.service';
import { ScopeService } from '../scope/scope.service';
import { SavedView } from './entities/saved-view.entity';

export function toSavedViewDto(v: SavedView): SavedViewDto {
  return {
    id: v.id,
    resource: v.resource,
    name: v.name,
    filter: v.filter ?? {},
    sort: v.sort ?? null,
    role: v.role,
    createdBy: v.createdBy,
    createdAt: v.createdAt.toISOString(),
  };
}

/** The most views one role keeps per list; beyond that the list is no help any more. */
export const MAX_VIEWS_PER_LIST = 200;

/** Names compared as a person reads them: spacing collapsed, case (umlauts included) ignored. */
export const sameViewName = (a: string, b: string): boolean => a.toLocaleLowerCase('de') === b.toLocaleLowerCase('de');

/**
 * Saved views: anyone may save the filter of a list under a name; everyone of the same role
 * sees it. A person's names are unique per list (another's view may have the same name: the
 * list shows both, each person finds theirs under "Meine Ansichten"). Only its creator or the
 * programme office deletes one.
 */
@Injectable()
export class SavedViewsService {
  constructor(
    @InjectRepository(SavedView) private readonly views: Repository<SavedView>,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
  ) {}

  /** Views of the actor's role (of one list, if given), or only the actor's own (`mine`). */
  async list(actor: Actor, resource?: string, mine = false): Promise<SavedViewDto[]> {
    const rows = await this.views.find({
      where: { role: actor.role, ...(resource ? { resource } : {}), ...(mine ? { createdBy: actor.userId } : {}) },
      order: { name: 'ASC', createdAt: 'ASC' },
      take: MAX_VIEWS_PER_LIST,
    });
    return rows.map(toSavedViewDto);
  }

  async create(actor: Actor, cmd: CreateSavedViewCommand): Promise<SavedViewChange> {
    const name = cmd.name.trim().replace(/\s+/g, ' ');
    if (!name) throw invalidFields({ field: 'name', code: 'validation.required' });
    if ((await this.views.countBy({ role: actor.role, resource: cmd.resource })) >= MAX_VIEWS_PER_LIST) {
      throw invalidFields({ field: 'name', code: 'saved_view.limit_reached', params: { max: MAX_VIEWS_PER_LIST } });
    }
    const programmeId = await this.programmeOf(actor);
    return this.views.manager.transaction(async (em) => {
      const repo = em.getRepository(SavedView);
      const own = await repo.find({ select: { name: true }, where: { createdBy: actor.userId, resource: cmd.resource } });
      if (own.some((v) => sameViewName(v.name, name))) throw problem('saved_view.name_taken', { name });
      const view = toSavedViewDto(
        await repo.save(
          repo.create({
            id: randomUUID(),
            resource: cmd.resource,
            name,
            filter: cmd.filter ?? {},
            sort: cmd.sort ?? null,
            role: actor.role,
            createdBy: actor.userId,
          }),
        ),
      );
      await this.audit.recordChange(em, { action: 'saved_view.create', resourceType: 'saved_view', resourceId: view.id, programmeId, quarterId: null, before: null, after: view });
      return { view, programmeId };
    });
  }

  /** A view of another role reads like one that does not exist (404); another's view of the same role is 403. */
  async remove(actor: Actor, id: string): Promise<SavedViewChange> {
    const view = await this.views.findOneBy({ id });
    const admin = actor.role === 'programme_admin';
    if (!view || (!admin && view.role !== actor.role)) throw problem('saved_view.not_found', { id });
    if (!admin && view.createdBy !== actor.userId) {
      throw problem('saved_view.delete_forbidden');
    }
    const programmeId = await this.programmeOf(actor);
    const before = toSavedViewDto(view);
    await this.views.manager.transaction(async (em) => {
      await em.getRepository(SavedView).delete({ id });
      await this.audit.recordChange(em, { action: 'saved_view.delete', resourceType: 'saved_view', resourceId: before.id, programmeId, quarterId: null, before, after: null });
    });
    return { view: before, programmeId };
  }

  /** The programme a saved view's audit entry is filed under: the actor's first, or their organisation's. */
  private async programmeOf(actor: Actor): Promise<string | null> {
    if (actor.programmeIds.length > 0) return [...actor.programmeIds].sort()[0]!;
    return this.scope.programmeOfAccount({ id: actor.userId, organisationId: actor.organisationId });
  }
}
