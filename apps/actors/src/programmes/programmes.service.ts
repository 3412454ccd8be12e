import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { ListQuery, Page, ProgrammeDto } from '@genq/contracts';
import type { UpsertProgrammeDto } from '@genq/dto';
import { pageOf, rpcError } from '@genq/service-kit';
import { Programme } from './entities/programme.entity';

export function toProgrammeDto(p: Programme): ProgrammeDto {
  return { id: p.id, name: p.name, catalogueId: p.catalogueId, catalogueVersion: p.catalogueVersion, calendar: p.calendar };
}

@Injectable()
export class ProgrammesService {
  constructor(@InjectRepository(Programme) private readonly programmes: Repository<Programme>) {}

  async upsert(dto: UpsertProgrammeDto): Promise<ProgrammeDto> {
    const existing = await this.programmes.findOneBy({ id: dto.id });
    const saved = await this.programmes.save(this.programmes.merge(existing ?? this.programmes.create(), dto));
    return toProgrammeDto(saved);
  }

  async get(id: string): Promise<ProgrammeDto> {
    const p = await this.programmes.findOneBy({ id });
    if (!p) throw rpcError(404, `Programme ${id} not found`);
    return toProgrammeDto(p);
  }

  async exists(id: string): Promise<boolean> {
    return this.programmes.existsBy({ id });
  }

  async list(query: ListQuery): Promise<Page<ProgrammeDto>> {
    const page = await pageOf(this.programmes.createQueryBuilder('p'), query, {
      sortable: ['name', 'createdAt'],
      filterable: ['catalogueId'],
      searchable: ['name'],
      defaultSort: { field: 'name', order: 'ASC' },
    });
    return { data: page.data.map(toProgrammeDto), total: page.total };
  }
}
