import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DashboardPatterns, type AgreementsDashboardQuery } from '@genq/contracts';
import { DashboardService } from './dashboard.service';

/** The dashboard's measures and certificates; the gateway names the quarters of the caller's scope and filter. */
@Controller()
export class DashboardController {
  constructor(private readonly dashboard: DashboardService) {}

  @MessagePattern(DashboardPatterns.agreements)
  figures(@Payload() q: AgreementsDashboardQuery) {
    return this.dashboard.figures(q?.quarterIds);
  }
}
