import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DocumentPatterns, type ProgrammeReportQuery } from '@genq/contracts';
import { invalidFields } from '@genq/service-kit';
import { requireActor } from '../../scope/actor';
import { ProgrammeReportService } from './programme-report.service';

/** The programme report as PDF, always on behalf of a user: only the quarters in their scope count. */
@Controller()
export class ProgrammeReportController {
  constructor(private readonly report: ProgrammeReportService) {}

  @MessagePattern(DocumentPatterns.programmeReportPdf)
  pdf(@Payload() q: ProgrammeReportQuery) {
    const actor = requireActor(q?.actor);
    if (typeof q.programmeId !== 'string' || q.programmeId === '') throw invalidFields({ field: 'programmeId', code: 'validation.isString' });
    return this.report.pdf(actor, q.programmeId);
  }
}
