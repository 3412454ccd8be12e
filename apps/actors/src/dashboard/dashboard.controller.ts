import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DashboardPatterns, type Actor, type DashboardQuery } from '@genq/contracts';
import { requireActor } from '../scope/actor';
import { DashboardService } from './dashboard.service';

type Scoped = DashboardQuery & { actor: Actor };

@Controller()
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  /** Always on behalf of a user: only the quarters in their scope count. */
  @MessagePattern(DashboardPatterns.quarters)
  quarters(@Payload() q: Scoped) {
    return this.dashboard.quarters(requireActor(q?.actor), q?.filter);
  }

  @MessagePattern(DashboardPatterns.quarterIds)
  quarterIds(@Payload() q: Scoped) {
    return this.dashboard.quarterIds(requireActor(q?.actor), q?.filter);
  }

  @MessagePattern(DashboardPatterns.facets)
  facets(@Payload() q: Scoped) {
    return this.dashboard.facets(requireActor(q?.actor));
  }
}
