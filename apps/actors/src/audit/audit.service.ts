import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type EntityManager, type Repository, type SelectQueryBuilder } from 'typeorm';
import type { Actor, AuditEntryDto, AuditRecordCommand, AuditRecordResult, DomainEvent, FieldProblemInput, ListQuery, Page } from '@genq/contracts';
import { MAX_PAGE_SIZE, ProcessedEventRow, auditEntry, auditSnapshot, invalidFields, isUniqueViolation, listProblem, pageOf, type AuditEntryInput } from '@genq/service-kit';
import { ScopeService } from '../scope/scope.service';
import { Quarter } from '../quarters/entities/quarter.entity';
import { Programme } from '../programmes/entities/programme.entity';
import { Organisation } from '../organisations/entities/organisation.entity';
import { Person } from '../people/entities/person.entity';
import { Account } from '../identity/entities/account.entity';
import { AuditEntry } from './entities/audit-entry.entity';

export function toAuditEntryDto(e: AuditEntry): AuditEntryDto {
  return {
    id: e.id,
    at: e.at.toISOString(),
    actorId: e.actorId,
    actorEmail: e.actorEmail,
    actorRole: e.actorRole,
    action: e.action,
    resourceType: e.resourceType,
    resourceId: e.resourceId,
    programmeId: e.programmeId,
    quarterId: e.quarterId,
    reason: e.reason,
    before: e.before ?? null,
    after: e.after ?? null,
    requestId: e.requestId,
    names: {},
  };
}

/** The ids an entry mentions: its own, and those its snapshots hold under an id key (`organisationId`, `partnerOrganisationIds`). */
function mentionedIds(e: AuditEntryDto): string[] {
  const ids = [e.quarterId, e.programmeId, e.resourceId];
  const visit = (value: unknown, depth: number) => {
    if (!value || typeof value !== 'object' || depth > 2) return;
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      if (/Ids?$/.test(key)) {
        if (typeof v === 'string') ids.push(v);
        else if (Array.isArray(v)) ids.push(...v.filter((x): x is string => typeof x === 'string'));
      } else if (typeof v === 'object') visit(v, depth + 1);
    }
  };
  visit(e.before, 0);
  visit(e.after, 0);
  return ids.filter((id): id is string => typeof id === 'string' && id.length > 0 && id.length <= 100);
}

const LIST_SPEC = {
  sortable: ['at', 'action', 'resourceType', 'actorEmail', 'programmeId'],
  filterable: ['action', 'resourceType', 'resourceId', 'actorId', 'actorEmail', 'actorRole', 'programmeId', 'quarterId', 'requestId'],
  searchable: ['action', 'actorEmail', 'resourceId', 'reason'],
  defaultSort: { field: 'id', order: 'DESC' as const },
};

/**
 * Writes and reads the audit log. There is deliberately no update or delete here; the
 * database refuses them as well.
 */
@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>,
    private readonly scope: ScopeService,
  ) {}

  /**
   * The audit entry of a change of the actors service itself, written into the log in the
   * transaction of the change: the log lives in this database, so no event is needed (the
   * other services record `audit.recorded` with `recordAudit` instead). Who and which
   * request come from the command's audit context, as in `recordAudit`.
   */
  recordChange(em: EntityManager, input: AuditEntryInput): Promise<AuditEntryDto> {
    return this.record(auditEntry(input), em);
  }

  /**
   * The audit entries of many changes of one request (a bulk import), in the transaction of
   * the changes, inserted in chunks instead of one round trip each. Each input names its
   * programme and quarter.
   */
  async recordChanges(em: EntityManager, inputs: AuditEntryInput[], chunk = 200): Promise<void> {
    const at = new Date();
    const repo = em.getRepository(AuditEntry);
    const rows = inputs.map((input) => {
      const cmd = auditEntry(input);
      return repo.create({
        at,
        actorId: cmd.actor.userId,
        actorEmail: cmd.actor.email,
        actorRole: cmd.actor.role,
        action: cmd.action,
        resourceType: cmd.resourceType,
        resourceId: cmd.resourceId,
        programmeId: cmd.programmeId ?? null,
        quarterId: cmd.quarterId ?? null,
        reason: cmd.reason ?? null,
        before: cmd.before,
        after: cmd.after,
        requestId: cmd.requestId ?? null,
      });
    });
    // The snapshots are `unknown` to the compiler; values() wants them spelled out as columns.
    // Nothing is read back (the generated ids are not needed), so no entity is updated.
    for (let i = 0; i < rows.length; i += chunk) {
      await repo.createQueryBuilder().insert().values(rows.slice(i, i + chunk) as Parameters<typeof repo.insert>[0] & object[]).updateEntity(false).execute();
    }
  }

  /**
   * Appends the entry another service recorded (`audit.recorded`), in the consumer's inbox
   * transaction, so a redelivered event appends nothing. Its time is when the change
   * happened, not when it arrived here.
   */
  async append(em: EntityManager, event: DomainEvent): Promise<void> {
    if (event.type !== 'audit.recorded') return;
    await this.record(event.payload as AuditRecordCommand, em, new Date(event.occurredAt));
  }

  /** Where the keys of keyed entries are kept (the inbox table: one row per key, written with the entry). */
  static readonly KEYED_ENTRIES = 'audit-log';

  /**
   * The `actors.audit.record` pattern: appends one entry; an entry with a `key` (a workflow's
   * activity, which Temporal may retry) only once, in one transaction with the key.
   */
  async recordOnce(cmd: AuditRecordCommand): Promise<AuditRecordResult> {
    const key = cmd.key;
    if (!key) return this.record(cmd);
    const duplicate = { duplicate: true as const, key };
    try {
      return await this.entries.manager.transaction(async (em) => {
        const keys = em.getRepository(ProcessedEventRow);
        if (await keys.existsBy({ consumer: AuditService.KEYED_ENTRIES, eventId: key })) return duplicate;
        await keys.insert({ consumer: AuditService.KEYED_ENTRIES, eventId: key, processedAt: new Date() });
        return this.record(cmd, em);
      });
    } catch (err) {
      if (isUniqueViolation(err)) return duplicate;
      throw err;
    }
  }

  /** Appends one entry; pass `manager` to write it in the same transaction as the change it records. */
  async record(cmd: AuditRecordCommand, manager?: EntityManager, at = new Date()): Promise<AuditEntryDto> {
    const repo = manager ? manager.getRepository(AuditEntry) : this.entries;
    // An entry about a quarter is filed under its programme, so that programme's admins see it
    // even when the caller (a worker running a batch) did not say which programme that is.
    let programmeId = cmd.programmeId ?? null;
    if (!programmeId && cmd.quarterId) {
      const quarter = await (manager ?? repo.manager).getRepository(Quarter).findOne({ where: { id: cmd.quarterId }, select: { programmeId: true } });
      programmeId = quarter?.programmeId ?? null;
    }
    const saved = await repo.save(
      repo.create({
        at,
        actorId: cmd.actor.userId,
        actorEmail: cmd.actor.email,
        actorRole: cmd.actor.role,
        action: cmd.action,
        resourceType: cmd.resourceType,
        resourceId: cmd.resourceId,
        programmeId,
        quarterId: cmd.quarterId ?? null,
        reason: cmd.reason ?? null,
        before: auditSnapshot(cmd.before),
        after: auditSnapshot(cmd.after),
        requestId: cmd.requestId ?? null,
      }),
    );
    return toAuditEntryDto(saved);
  }

  async list(actor: Actor, query: ListQuery): Promise<Page<AuditEntryDto>> {
    const qb = this.scope.restrictAuditEntries(this.entries.createQueryBuilder('e'), actor);
    const filter = this.withPeriod(qb, query.filter ?? {});
    const page = await pageOf(qb, { ...query, filter }, LIST_SPEC);
    return { data: await this.withNames(page.data.map(toAuditEntryDto)), total: page.total };
  }

  async get(actor: Actor, id: string): Promise<AuditEntryDto> {
    await this.scope.requireVisible(actor, 'audit_entry', id);
    const [entry] = await this.withNames([toAuditEntryDto(await this.entries.findOneByOrFail({ id: Number(id) }))]);
    return entry!;
  }

  /**
   * The entries with the names of the quarters, programmes, organisations, people and
   * accounts they mention, read from this service's tables (their owner) in one query per
   * kind: a name is kept once, where its record is, and reads as it is today.
   */
  private async withNames(entries: AuditEntryDto[]): Promise<AuditEntryDto[]> {
    const ids = [...new Set(entries.flatMap(mentionedIds))];
    if (ids.length === 0) return entries;
    const m = this.entries.manager;
    const names = new Map<string, string>();
    const add = (rows: Array<{ id: string; name: string }>) => rows.forEach((r) => names.set(r.id, r.name));
    add(await m.find(Programme, { where: { id: In(ids) }, select: { id: true, name: true } }));
    add(await m.find(Quarter, { where: { id: In(ids) }, select: { id: true, name: true } }));
    add(await m.find(Organisation, { where: { id: In(ids) }, select: { id: true, name: true } }));
    add(await m.find(Person, { where: { id: In(ids) }, select: { id: true, name: true } }));
    add((await m.find(Account, { where: { id: In(ids) }, select: { id: true, displayName: true } })).map((a) => ({ id: a.id, name: a.displayName })));
    return entries.map((e) => ({ ...e, names: Object.fromEntries(mentionedIds(e).filter((id) => names.has(id)).map((id) => [id, names.get(id)!])) }));
  }

  /**
   * One batch of the CSV export, oldest first, after entry `afterId`, with the names of the
   * records the entries mention: the gateway streams
   * batch after batch, so an export of any size never sits in memory or in one message.
   */
  async exportBatch(actor: Actor, filter: Record<string, unknown>, afterId: number): Promise<AuditEntryDto[]> {
    if (!Number.isSafeInteger(afterId) || afterId < 0) throw invalidFields({ field: 'afterId', code: 'validation.isInt' });
    const qb = this.scope.restrictAuditEntries(this.entries.createQueryBuilder('e'), actor).andWhere('e.id > :afterId', { afterId });
    const rest = this.withPeriod(qb, filter);
    const page = await pageOf(qb, { filter: rest, sort: { field: 'id', order: 'ASC' }, range: { start: 0, end: MAX_PAGE_SIZE - 1 } }, LIST_SPEC);
    // With names, like the list: the export says records by name, not by id.
    return this.withNames(page.data.map(toAuditEntryDto));
  }

  /** `at_gte` / `at_lte` (ISO dates) bound the period; the other filters go to `pageOf`. */
  private withPeriod(qb: SelectQueryBuilder<AuditEntry>, filter: Record<string, unknown>): Record<string, unknown> {
    const { at_gte, at_lte, ...rest } = filter;
    const problems: FieldProblemInput[] = [];
    for (const [key, value, op] of [
      ['at_gte', at_gte, '>='],
      ['at_lte', at_lte, '<='],
    ] as const) {
      if (value === undefined || value === null || value === '') continue;
      const d = typeof value === 'string' ? new Date(value) : new Date(NaN);
      if (Number.isNaN(d.getTime())) problems.push({ field: `filter.${key}`, code: 'validation.isIso8601' });
      else qb.andWhere(`e.at ${op} :${key}`, { [key]: d });
    }
    if (problems.length > 0) throw listProblem(...problems);
    return rest;
  }
}
