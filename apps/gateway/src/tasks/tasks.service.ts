import { Injectable } from '@nestjs/common';
import { compareTasks, DashboardPatterns, QUARTER_ID_CHUNK, TaskPatterns, type AccountDto, type Actor, type DashboardQuarterIds, type TaskDto, type TaskList } from '@genq/contracts';
import { AgreementsGatewayService } from '../agreements/agreements.service';
import { ServiceClients } from '../services/service-clients';

/** Merges tasks of both owners, fills in quarter names, and sorts the most urgent first. */
export function mergeTasks(lists: TaskDto[][], names: Record<string, string>): TaskList {
  const data = lists.flat().map((t) => (t.quarterName ? t : { ...t, quarterName: names[t.quarterId] ?? '' }));
  data.sort(compareTasks);
  return { data, total: data.length, overdue: data.filter((t) => t.overdueSince !== null).length };
}

/**
 * "Meine Aufgaben": the actors service answers from the process read model, the agreements
 * service from its records over the quarters in the caller's scope. What is a task for whom
 * is decided by those two; the gateway only asks, merges and names the quarters.
 */
@Injectable()
export class TasksGatewayService {
  constructor(
    private readonly services: ServiceClients,
    private readonly agreements: AgreementsGatewayService,
  ) {}

  async list(actor: Actor, principal: AccountDto): Promise<TaskList> {
    const [own, scope, signer] = await Promise.all([
      this.services.send<TaskDto[]>('actors', TaskPatterns.actors, { actor }),
      this.services.send<DashboardQuarterIds>('actors', DashboardPatterns.quarterIds, { actor, filter: {} }),
      actor.role === 'partner' ? this.agreements.signerOf(actor, principal) : Promise.resolve(undefined),
    ]);
    const decisions: TaskDto[] = [];
    if (scope.all) {
      decisions.push(...(await this.services.send<TaskDto[]>('agreements', TaskPatterns.agreements, { actor, signer })));
    } else {
      for (let i = 0; i < scope.ids.length; i += QUARTER_ID_CHUNK) {
        decisions.push(...(await this.services.send<TaskDto[]>('agreements', TaskPatterns.agreements, { actor, signer, quarterIds: scope.ids.slice(i, i + QUARTER_ID_CHUNK) })));
      }
    }
    const unnamed = [...new Set(decisions.map((t) => t.quarterId))];
    const names: Record<string, string> = {};
    for (let i = 0; i < unnamed.length; i += QUARTER_ID_CHUNK) {
      Object.assign(names, await this.services.send<Record<string, string>>('actors', TaskPatterns.quarterNames, { actor, ids: unnamed.slice(i, i + QUARTER_ID_CHUNK) }));
    }
    return mergeTasks([own, decisions], names);
  }
}
