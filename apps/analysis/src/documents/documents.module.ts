import { Module } from '@nestjs/common';
import { AnalysesModule } from '../analyses/analyses.module';
import { CataloguesModule } from '../catalogues/catalogues.module';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';

/** Documents of the quarter analysis as PDF, drawn from the analysis's own data and its catalogue version. */
@Module({
  imports: [AnalysesModule, CataloguesModule],
  controllers: [DocumentsController],
  providers: [DocumentsService],
})
export class DocumentsModule {}
