import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ActorsPatterns, type ListQuery } from '@genq/contracts';
import { UpsertProgrammeDto } from '@genq/dto';
import { ProgrammesService } from './programmes.service';

@Controller()
export class ProgrammesController {
  constructor(private readonly programmes: ProgrammesService) {}

  @MessagePattern(ActorsPatterns.upsertProgramme)
  upsert(@Payload() dto: UpsertProgrammeDto) {
    return this.programmes.upsert(dto);
  }

  @MessagePattern(ActorsPatterns.getProgramme)
  get(@Payload() id: string) {
    return this.programmes.get(id);
  }

  @MessagePattern(ActorsPatterns.listProgrammes)
  list(@Payload() query: ListQuery) {
    return this.programmes.list(query);
  }
}
