import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AMENDMENT_STATUSES, type Actor, type ConceptPdfQuery, type PdfDocument, type FieldJustificationDto, GoalDto, HandlungskonzeptDto, MeasureDto } from '@genq/contracts';
import type { ChangeMeasureStatusDto, CreateGoalDto, CreateMeasureDto, SetJustificationDto, UpdateGoalDto, UpdateMeasureDto } from '@genq/dto';
import { invalidFields, problem } from '@genq/service-kit';
import { auditChange } from '../audit';
import { AgreementVersion, FieldJustification, Goal, Measure } from '../entities';
import { agreementsEvents, milestoneKey } from '../events';
import { handlungskonzeptPdf } from '../documents/handlungskonzept';

/** Roles that draft a Handlungskonzept: the partners, their facilitator and the programme office. */
const DRAFTING_ROLES = ['partner', 'facilitator', 'programme_admin'];

/** What a refusal says someone may not (or no longer) do: the `action` words of the problem catalogue. */
export type AgreementsAction =
  | 'sign_agreements'
  | 'submit_concept'
  | 'review_agreements'
  | 'draft_goals'
  | 'draft_measures'
  | 'change_measure_status'
  | 'report_milestones'
  | 'justify_action_fields'
  | 'record_goals_workshop'
  | 'write_annual_reports'
  | 'submit_annual_reports'
  | 'review_annual_reports'
  | 'file_annual_report'
  | 'submit_annual_report'
  | 'propose_amendments'
  | 'accept_amendments'
  | 'reject_amendments'
  | 'amend_agreement';

export function requireRole(actor: Actor, roles: readonly string[], action: AgreementsAction): void {
  if (!roles.includes(actor.role)) throw problem('agreements.role_may_not', { role: actor.role, action });
}

export const toGoalDto = (g: Goal): GoalDto => ({
  id: g.id,
  quarterId: g.quarterId,
  actionFieldId: g.actionFieldId,
  title: g.title,
  criterionIds: g.criterionIds,
  indicator: g.indicator,
  baseline: g.baseline,
  targetValue: g.targetValue,
  targetDate: g.targetDate,
  targetGroups: g.targetGroups,
  createdAt: g.createdAt.toISOString(),
});

export const toMeasureDto = (m: Measure): MeasureDto => ({
  id: m.id,
  quarterId: m.quarterId,
  goalId: m.goalId,
  title: m.title,
  description: m.description,
  ownerOrganisationId: m.ownerOrganisationId,
  partnerOrganisationIds: m.partnerOrganisationIds,
  kind: m.kind,
  targetGroups: m.targetGroups,
  start: m.start,
  end: m.end,
  milestones: m.milestones,
  cost: m.cost === null ? null : Number(m.cost),
  funding: m.funding,
  status: m.status,
  statusHistory: m.statusHistory,
  createdAt: m.createdAt.toISOString(),
});

/** Versions that hold the drafted concept: once one is submitted (or binding, approved), goals and measures stay as they are. */
const LOCKING_STATUSES = ['submitted', 'binding', 'approved'];

/**
 * Refuses a change of goals or measures once the agreement containing them is submitted:
 * the submitted version is what the partners sign. A version sent back opens the draft again.
 */
export async function refuseWhenSubmitted(em: EntityManager, quarterId: string): Promise<void> {
  const locking = await em.getRepository(AgreementVersion).findOne({ where: { quarterId, status: In(LOCKING_STATUSES) }, order: { number: 'DESC' } });
  if (locking) throw problem('concept.locked', { number: locking.number, status: locking.status });
}

const toJustificationDto = (j: FieldJustification): FieldJustificationDto => ({ id: j.id, quarterId: j.quarterId, actionFieldId: j.actionFieldId, text: j.text });

/** The Handlungskonzept while it is drafted: goals, measures and justifications of a quarter. */
@Injectable()
export class ConceptService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Drafts a goal; refused once the agreement is submitted, like every other change of the concept. */
  async createGoal(actor: Actor, quarterId: string, dto: CreateGoalDto): Promise<GoalDto> {
    requireRole(actor, DRAFTING_ROLES, 'draft_goals');
    const goal = this.db.getRepository(Goal).create({
      id: randomUUID(),
      quarterId,
      actionFieldId: dto.actionFieldId,
      title: dto.title.trim(),
      criterionIds: dto.criterionIds ?? [],
      indicator: dto.indicator.trim(),
      baseline: dto.baseline ?? null,
      targetValue: dto.targetValue,
      targetDate: dto.targetDate,
      targetGroups: dto.targetGroups ?? [],
    });
    return this.db.transaction(async (em) => {
      await refuseWhenSubmitted(em, quarterId);
      const created = toGoalDto(await em.getRepository(Goal).save(goal));
      await auditChange(em, { action: 'goal.create', resourceType: 'goal', resourceId: created.id, quarterId, before: null, after: created });
      return created;
    });
  }

  /** Drafts a measure of a goal of the quarter; refused once the agreement is submitted (a new measure then comes by amendment). */
  async createMeasure(actor: Actor, quarterId: string, dto: CreateMeasureDto): Promise<MeasureDto> {
    requireRole(actor, DRAFTING_ROLES, 'draft_measures');
    const goal = await this.db.getRepository(Goal).findOneBy({ id: dto.goalId, quarterId });
    if (!goal) throw invalidFields({ field: 'goalId', code: 'goal.unknown' });
    if (dto.start && dto.end && dto.start > dto.end) throw invalidFields({ field: 'end', code: 'measure.end_before_start' });
    const status = dto.status ?? 'geplant';
    const measure = this.db.getRepository(Measure).create({
      id: randomUUID(),
      quarterId,
      goalId: goal.id,
      title: dto.title.trim(),
      description: dto.description ?? '',
      ownerOrganisationId: dto.ownerOrganisationId ?? null,
      partnerOrganisationIds: dto.partnerOrganisationIds ?? [],
      kind: dto.kind,
      targetGroups: dto.targetGroups ?? [],
      start: dto.start ?? null,
      end: dto.end ?? null,
      milestones: (dto.milestones ?? []).map((m) => ({ title: m.title, due: m.due })),
      cost: dto.cost === undefined ? null : String(dto.cost),
      funding: (dto.funding ?? []).map((f) => ({ source: f.source, amount: f.amount })),
      status,
      statusHistory: [{ status, at: new Date().toISOString(), by: actor.userId, reason: null }],
    });
    return this.db.transaction(async (em) => {
      await refuseWhenSubmitted(em, quarterId);
      const created = toMeasureDto(await em.getRepository(Measure).save(measure));
      await auditChange(em, { action: 'measure.create', resourceType: 'measure', resourceId: created.id, quarterId, before: null, after: created });
      return created;
    });
  }

  /** Changes the given fields of a drafted goal; refused once the agreement is submitted. */
  async updateGoal(actor: Actor, quarterId: string, goalId: string, dto: UpdateGoalDto): Promise<GoalDto> {
    requireRole(actor, DRAFTING_ROLES, 'draft_goals');
    return this.db.transaction(async (em) => {
      const repo = em.getRepository(Goal);
      const goal = await repo.findOneBy({ id: goalId, quarterId });
      if (!goal) throw problem('goal.not_found', { goalId });
      await refuseWhenSubmitted(em, quarterId);
      const before = toGoalDto(goal);
      if (dto.actionFieldId !== undefined) goal.actionFieldId = dto.actionFieldId;
      if (dto.title !== undefined) goal.title = dto.title.trim();
      if (dto.criterionIds !== undefined) goal.criterionIds = dto.criterionIds;
      if (dto.indicator !== undefined) goal.indicator = dto.indicator.trim();
      if (dto.baseline !== undefined) goal.baseline = dto.baseline;
      if (dto.targetValue !== undefined) goal.targetValue = dto.targetValue;
      if (dto.targetDate !== undefined) goal.targetDate = dto.targetDate;
      if (dto.targetGroups !== undefined) goal.targetGroups = dto.targetGroups;
      const after = toGoalDto(await repo.save(goal));
      await auditChange(em, { action: 'goal.update', resourceType: 'goal', resourceId: goalId, quarterId, before, after });
      return after;
    });
  }

  /** Deletes a drafted goal with its measures; refused once the agreement is submitted. */
  async deleteGoal(actor: Actor, quarterId: string, goalId: string): Promise<void> {
    requireRole(actor, DRAFTING_ROLES, 'draft_goals');
    await this.db.transaction(async (em) => {
      const goal = await em.getRepository(Goal).findOneBy({ id: goalId, quarterId });
      if (!goal) throw problem('goal.not_found', { goalId });
      await refuseWhenSubmitted(em, quarterId);
      const measures = await em.getRepository(Measure).find({ where: { goalId, quarterId }, order: { createdAt: 'ASC', id: 'ASC' } });
      for (const m of measures) {
        await auditChange(em, { action: 'measure.delete', resourceType: 'measure', resourceId: m.id, quarterId, before: toMeasureDto(m), after: null });
      }
      if (measures.length > 0) await em.getRepository(Measure).delete({ id: In(measures.map((m) => m.id)) });
      await em.getRepository(Goal).delete({ id: goalId });
      await auditChange(em, { action: 'goal.delete', resourceType: 'goal', resourceId: goalId, quarterId, before: toGoalDto(goal), after: null });
    });
  }

  /** Changes the given fields of a drafted measure (not its status); refused once the agreement is submitted. */
  async updateMeasure(actor: Actor, quarterId: string, measureId: string, dto: UpdateMeasureDto): Promise<MeasureDto> {
    requireRole(actor, DRAFTING_ROLES, 'draft_measures');
    return this.db.transaction(async (em) => {
      const repo = em.getRepository(Measure);
      const measure = await repo.findOneBy({ id: measureId, quarterId });
      if (!measure) throw problem('measure.not_found', { measureId });
      await refuseWhenSubmitted(em, quarterId);
      if (dto.goalId !== undefined && dto.goalId !== measure.goalId && !(await em.getRepository(Goal).existsBy({ id: dto.goalId, quarterId }))) {
        throw invalidFields({ field: 'goalId', code: 'goal.unknown' });
      }
      const start = dto.start === undefined ? measure.start : dto.start;
      const end = dto.end === undefined ? measure.end : dto.end;
      if (start && end && start > end) throw invalidFields({ field: 'end', code: 'measure.end_before_start' });
      const before = toMeasureDto(measure);
      if (dto.goalId !== undefined) measure.goalId = dto.goalId;
      if (dto.title !== undefined) measure.title = dto.title.trim();
      if (dto.description !== undefined) measure.description = dto.description ?? '';
      if (dto.ownerOrganisationId !== undefined) measure.ownerOrganisationId = dto.ownerOrganisationId;
      if (dto.partnerOrganisationIds !== undefined) measure.partnerOrganisationIds = dto.partnerOrganisationIds;
      if (dto.kind !== undefined) measure.kind = dto.kind;
      if (dto.targetGroups !== undefined) measure.targetGroups = dto.targetGroups;
      measure.start = start;
      measure.end = end;
      if (dto.milestones !== undefined) {
        // A milestone left as it was keeps its report of being reached.
        const saved = measure.milestones;
        measure.milestones = dto.milestones.map((m, i) => {
          const prev = saved[i];
          return prev && prev.title === m.title && prev.due === m.due ? { ...prev } : { title: m.title, due: m.due };
        });
      }
      if (dto.cost !== undefined) measure.cost = dto.cost === null ? null : String(dto.cost);
      if (dto.funding !== undefined) measure.funding = dto.funding.map((f) => ({ source: f.source, amount: f.amount }));
      const after = toMeasureDto(await repo.save(measure));
      await auditChange(em, { action: 'measure.update', resourceType: 'measure', resourceId: measureId, quarterId, before, after });
      return after;
    });
  }

  /** Deletes a drafted measure; refused once the agreement is submitted. */
  async deleteMeasure(actor: Actor, quarterId: string, measureId: string): Promise<void> {
    requireRole(actor, DRAFTING_ROLES, 'draft_measures');
    await this.db.transaction(async (em) => {
      const measure = await em.getRepository(Measure).findOneBy({ id: measureId, quarterId });
      if (!measure) throw problem('measure.not_found', { measureId });
      await refuseWhenSubmitted(em, quarterId);
      await em.getRepository(Measure).delete({ id: measureId });
      await auditChange(em, { action: 'measure.delete', resourceType: 'measure', resourceId: measureId, quarterId, before: toMeasureDto(measure), after: null });
    });
  }

  /**
   * Records a measure's progress in its status history. Replacing or dropping a measure
   * changes the agreement itself: that is an amendment, not a status change.
   */
  async changeMeasureStatus(actor: Actor, quarterId: string, measureId: string, dto: ChangeMeasureStatusDto): Promise<{ before: MeasureDto; after: MeasureDto }> {
    requireRole(actor, DRAFTING_ROLES, 'change_measure_status');
    if ((AMENDMENT_STATUSES as readonly string[]).includes(dto.status)) {
      throw problem('measure.status_by_amendment', { status: dto.status });
    }
    return this.db.transaction(async (em) => {
      const repo = em.getRepository(Measure);
      const measure = await repo.findOneBy({ id: measureId, quarterId });
      if (!measure) throw problem('measure.not_found', { measureId });
      if ((AMENDMENT_STATUSES as readonly string[]).includes(measure.status)) throw problem('measure.status_final', { status: measure.status });
      if (measure.status === dto.status) throw problem('measure.status_unchanged', { status: dto.status });
      const before = toMeasureDto(measure);
      measure.status = dto.status;
      measure.statusHistory = [...measure.statusHistory, { status: dto.status, at: new Date().toISOString(), by: actor.userId, reason: dto.reason ?? null }];
      const after = toMeasureDto(await repo.save(measure));
      await agreementsEvents.measureStatusChanged(em, quarterId, { measureId, status: dto.status, revision: measure.statusHistory.length });
      await auditChange(em, { action: 'measure.status', resourceType: 'measure', resourceId: measureId, quarterId, reason: dto.reason ?? null, before, after });
      return { before, after };
    });
  }

  /**
   * Reports a measure's milestone reached (the process stops chasing it). Once: reaching it
   * again is refused, so the date it was reached stays the first report.
   */
  async reachMilestone(actor: Actor, quarterId: string, measureId: string, index: number): Promise<{ before: MeasureDto; after: MeasureDto }> {
    requireRole(actor, DRAFTING_ROLES, 'report_milestones');
    return this.db.transaction(async (em) => {
      const repo = em.getRepository(Measure);
      const measure = await repo.findOneBy({ id: measureId, quarterId });
      if (!measure) throw problem('measure.not_found', { measureId });
      const milestone = measure.milestones[index - 1];
      if (!milestone) throw problem('milestone.not_found', { measureId, index });
      if (milestone.reachedAt) throw problem('milestone.already_reached', { measureId, index });
      const before = toMeasureDto(measure);
      measure.milestones = measure.milestones.map((m, i) => (i === index - 1 ? { ...m, reachedAt: new Date().toISOString() } : m));
      const after = toMeasureDto(await repo.save(measure));
      await agreementsEvents.milestoneReached(em, quarterId, { measureId, index, key: milestoneKey(measureId, index) });
      await auditChange(em, { action: 'measure.milestone_reached', resourceType: 'measure', resourceId: measureId, quarterId, before, after });
      return { before, after };
    });
  }

  /** Sets (or replaces) the written justification of one action field. */
  async setJustification(actor: Actor, quarterId: string, dto: SetJustificationDto): Promise<FieldJustificationDto> {
    requireRole(actor, DRAFTING_ROLES, 'justify_action_fields');
    return this.db.transaction(async (em) => {
      const repo = em.getRepository(FieldJustification);
      const existing = await repo.findOneBy({ quarterId, actionFieldId: dto.actionFieldId });
      const before = existing ? toJustificationDto(existing) : null;
      const row = existing ?? repo.create({ id: randomUUID(), quarterId, actionFieldId: dto.actionFieldId });
      row.text = dto.text.trim();
      const after = toJustificationDto(await repo.save(row));
      await auditChange(em, { action: 'justification.set', resourceType: 'field_justification', resourceId: after.id, quarterId, before, after });
      return after;
    });
  }

  get(quarterId: string): Promise<HandlungskonzeptDto> {
    return this.read(this.db.manager, quarterId);
  }

  /** The Handlungskonzept as it is drafted now, as a PDF; the names come with the request. */
  async pdf(q: ConceptPdfQuery, at = new Date()): Promise<PdfDocument> {
    const concept = await this.get(q.quarterId);
    const pdf = await handlungskonzeptPdf({ ...q, quarterName: q.quarterName || 'Quartier', concept, at });
    return { filename: `handlungskonzept-${at.toISOString().slice(0, 10)}.pdf`, content: pdf.toString('base64') };
  }

  /** Reads the concept inside the caller's transaction (submission snapshots it). */
  async read(em: EntityManager, quarterId: string): Promise<HandlungskonzeptDto> {
    const goals = await em.getRepository(Goal).find({ where: { quarterId }, order: { actionFieldId: 'ASC', createdAt: 'ASC', id: 'ASC' } });
    const measures = await em.getRepository(Measure).find({ where: { quarterId }, order: { createdAt: 'ASC', id: 'ASC' } });
    const justifications = await em.getRepository(FieldJustification).find({ where: { quarterId }, order: { actionFieldId: 'ASC' } });
    return {
      quarterId,
      goals: goals.map((g) => ({ ...toGoalDto(g), measures: measures.filter((m) => m.goalId === g.id).map(toMeasureDto) })),
      justifications: justifications.map(toJustificationDto),
    };
  }
}
