import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ActorsPatterns, type ImportQuartersCommand } from '@genq/contracts';
import { invalidFields } from '@genq/service-kit';
import { quarterImportCsvTemplate, quarterImportWorkbookTemplate } from './quarter-import-template';
import { QuarterImportService } from './quarter-import.service';

/** Bulk admission of quarters from a file, and the file's template. */
@Controller()
export class QuarterImportController {
  constructor(private readonly imports: QuarterImportService) {}

  @MessagePattern(ActorsPatterns.importQuarters)
  import(@Payload() cmd: ImportQuartersCommand) {
    return this.imports.import(cmd ?? ({} as ImportQuartersCommand));
  }

  /** `csv` answers the CSV text, `xlsx` the workbook base64-encoded for the wire. */
  @MessagePattern(ActorsPatterns.quarterImportTemplate)
  async template(@Payload() format: string) {
    if (format === 'csv') return quarterImportCsvTemplate();
    if (format === 'xlsx') return (await quarterImportWorkbookTemplate()).toString('base64');
    throw invalidFields({ field: 'format', code: 'validation.isIn', params: { values: 'csv, xlsx' } });
  }
}
