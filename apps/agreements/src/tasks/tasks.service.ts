import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import type { Actor, SignerDto, TaskDto } from '@genq/contracts';
import { signatoryRoleOf } from '../agreement/agreement.service';
import { quarterIdsOf } from '../dashboard/dashboard.service';
import { AgreementVersion, Amendment, AnnualReport, Signature } from '../entities';

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);

/**
 * The decisions the agreements service waits for, as tasks of the actor: the programme
 * office reviews binding versions and submitted reports and accepts confirmed amendments;
 * an organisation signs the submitted version it is a party to and confirms proposed
 * amendments as housing company or municipality. The gateway names the quarters in scope
 * and fills in their names.
 */
@Injectable()
export class TasksService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async forActor(actor: Actor, rawQuarterIds: unknown, signer: SignerDto | undefined): Promise<TaskDto[]> {
    const quarterIds = quarterIdsOf(rawQuarterIds);
    if (quarterIds && quarterIds.length === 0) return [];
    const only = <T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, alias: string) =>
      quarterIds ? qb.andWhere(`${alias}.quarterId IN (:...quarterIds)`, { quarterIds }) : qb;
    const m = this.db.manager;
    const task = (t: Omit<TaskDto, 'quarterName' | 'overdueSince' | 'dueAt'>): TaskDto => ({ ...t, quarterName: '', dueAt: null, overdueSince: null });

    if (actor.role === 'programme_admin') {
      const [versions, reports, amendments] = await Promise.all([
        only(m.createQueryBuilder(AgreementVersion, 'v').where('v.status = :s', { s: 'binding' }), 'v').getMany(),
        only(m.createQueryBuilder(AnnualReport, 'r').where('r.status = :s', { s: 'submitted' }), 'r').getMany(),
        only(m.createQueryBuilder(Amendment, 'a').where('a.status = :s', { s: 'confirmed' }), 'a').getMany(),
      ]);
      return [
        ...versions.map((v) => task({ id: `review_agreement:${v.id}`, kind: 'review_agreement', quarterId: v.quarterId, subject: String(v.number), since: iso(v.bindingAt ?? v.submittedAt), tab: 'agreement' })),
        ...reports.map((r) => task({ id: `review_report:${r.id}`, kind: 'review_report', quarterId: r.quarterId, subject: String(r.year), since: iso(r.submittedAt), tab: 'reports' })),
        ...amendments.map((a) => task({ id: `accept_amendment:${a.id}`, kind: 'accept_amendment', quarterId: a.quarterId, subject: a.description, since: iso(a.proposedAt), tab: 'amendments' })),
      ];
    }

    if (actor.role !== 'partner' || !signer?.organisationId) return [];
    const organisationId = signer.organisationId;
    const notSignedBy = <T extends ObjectLiteral>(qb: SelectQueryBuilder<T>, versionColumn: string) =>
      qb.andWhere(
        // getQuery() of a subquery comes in parentheses already.
        `NOT EXISTS ${qb.subQuery().select('s.id').from(Signature, 's').where(`s.versionId = ${versionColumn}`).andWhere('s.organisationId = :organisationId').getQuery()}`,
        { organisationId },
      );
    const [versions, amendments] = await Promise.all([
      notSignedBy(only(m.createQueryBuilder(AgreementVersion, 'v').where('v.status = :s', { s: 'submitted' }), 'v'), 'v.id').getMany(),
      signer.organisationType === 'housing_company' || signer.organisationType === 'municipality'
        ? notSignedBy(only(m.createQueryBuilder(Amendment, 'a').where('a.status = :s', { s: 'proposed' }), 'a'), 'a.versionId').getMany()
        : Promise.resolve([]),
    ]);
    return [
      ...versions
        .filter((v) => signatoryRoleOf(v.snapshot, signer) !== null)
        .map((v) => task({ id: `sign_agreement:${v.id}`, kind: 'sign_agreement', quarterId: v.quarterId, subject: String(v.number), since: iso(v.submittedAt), tab: 'agreement' })),
      ...amendments.map((a) => task({ id: `confirm_amendment:${a.id}`, kind: 'confirm_amendment', quarterId: a.quarterId, subject: a.description, since: iso(a.proposedAt), tab: 'amendments' })),
    ];
  }
}
