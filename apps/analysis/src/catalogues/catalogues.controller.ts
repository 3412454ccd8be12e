import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AnalysisPatterns, type ListQuery } from '@genq/contracts';
import { CataloguesService } from './catalogues.service';

@Controller()
export class CataloguesController {
  constructor(private readonly catalogues: CataloguesService) {}

  @MessagePattern(AnalysisPatterns.getCatalogue)
  get(@Payload() id: string) {
    return this.catalogues.get(id);
  }

  @MessagePattern(AnalysisPatterns.createCatalogue)
  create(@Payload() catalogue: unknown) {
    return this.catalogues.create(catalogue);
  }

  @MessagePattern(AnalysisPatterns.listCatalogues)
  list(@Payload() query: ListQuery) {
    return this.catalogues.list(query);
  }
}
