import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor, GoalsWorkshopDto, Page, RecordGoalsWorkshopCommand } from '@genq/contracts';
import { invalidFields, problem } from '@genq/service-kit';
import { Goal, GoalsWorkshop, Measure } from '../entities';
import { auditChange } from '../audit';
import { agreementsEvents } from '../events';
import { requireRole } from './concept.service';

/** Who records a goals workshop: the partners, their facilitator and the programme office (those who draft the concept). */
const WORKSHOP_ROLES = ['partner', 'facilitator', 'programme_admin'];

const toDto = (w: GoalsWorkshop): GoalsWorkshopDto => ({
  id: w.id,
  quarterId: w.quarterId,
  date: w.date,
  participants: w.participants,
  notes: w.notes,
  goals: w.goals,
  measures: w.measures,
  recordedBy: w.recordedBy,
  recordedAt: w.recordedAt.toISOString(),
});

/**
 * The goals workshop (Zielvereinbarungsworkshop, step 5): the partners agree the drafted goals
 * and measures. Its record completes the step, through `goals_workshop.recorded` in the same
 * transaction; a concept sent back to the workshop is workshopped (and recorded) again.
 */
@Injectable()
export class GoalsWorkshopService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async record(actor: Actor, quarterId: string, cmd: RecordGoalsWorkshopCommand): Promise<GoalsWorkshopDto> {
    requireRole(actor, WORKSHOP_ROLES, 'record_goals_workshop');
    const day = new Date(`${cmd.date}T00:00:00Z`);
    if (Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== cmd.date) throw invalidFields({ field: 'date', code: 'validation.isDateString' });
    if (cmd.date > new Date().toISOString().slice(0, 10)) throw invalidFields({ field: 'date', code: 'date.in_future' });
    return this.db.transaction(async (em) => {
      const goals = await em.getRepository(Goal).countBy({ quarterId });
      const measures = await em.getRepository(Measure).countBy({ quarterId });
      if (goals === 0 || measures === 0) {
        throw problem('goals_workshop.nothing_drafted');
      }
      const repo = em.getRepository(GoalsWorkshop);
      const saved = await repo.save(
        repo.create({ id: randomUUID(), quarterId, date: cmd.date, participants: cmd.participants.trim(), notes: cmd.notes?.trim() || null, goals, measures, recordedBy: actor.userId }),
      );
      await agreementsEvents.goalsWorkshopRecorded(em, quarterId, { workshopId: saved.id, date: saved.date, goals, measures });
      const workshop = toDto(saved);
      await auditChange(em, { action: 'goals_workshop.record', resourceType: 'goals_workshop', resourceId: saved.id, quarterId, before: null, after: workshop });
      return workshop;
    });
  }

  /** The quarter's goals workshops, newest first. */
  async list(quarterId: string): Promise<Page<GoalsWorkshopDto>> {
    const rows = await this.db.getRepository(GoalsWorkshop).find({ where: { quarterId }, order: { date: 'DESC', recordedAt: 'DESC' } });
    return { data: rows.map(toDto), total: rows.length };
  }
}
