import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DocumentPatterns, type AnalysisPdfQuery } from '@genq/contracts';
import { invalidFields } from '@genq/service-kit';
import { DocumentsService } from './documents.service';

function checked(q: AnalysisPdfQuery | undefined): AnalysisPdfQuery {
  if (typeof q?.quarterId !== 'string' || q.quarterId === '') throw invalidFields({ field: 'quarterId', code: 'validation.isUuid' });
  return { quarterId: q.quarterId, quarterName: typeof q.quarterName === 'string' ? q.quarterName : '' };
}

/** The analysis's documents; the gateway has checked the caller's scope and names the quarter. */
@Controller()
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @MessagePattern(DocumentPatterns.analysisSummaryPdf)
  summary(@Payload() q: AnalysisPdfQuery) {
    return this.documents.summary(checked(q));
  }

  @MessagePattern(DocumentPatterns.profilePdf)
  profile(@Payload() q: AnalysisPdfQuery) {
    return this.documents.profile(checked(q));
  }
}
