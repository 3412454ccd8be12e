import { readFile } from 'node:fs/promises';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { CatalogueError, parseCatalogue, type Catalogue } from '@genq/domain';
import type { CatalogueVersionDto, ListQuery, Page } from '@genq/contracts';
import { SERVICE_CONFIG, currentAuditContext, isUniqueViolation, pageOf, problem, recordAudit } from '@genq/service-kit';
import type { AnalysisConfig } from '../config';
import { CatalogueVersion } from './entities/catalogue-version.entity';

/** The list entry of a version: its counts tell versions apart without loading each document. */
const toDto = (c: CatalogueVersion): CatalogueVersionDto => ({
  id: c.id,
  catalogueId: c.catalogueId,
  version: c.version,
  title: c.title,
  createdAt: c.createdAt.toISOString(),
  actionFields: c.document.actionFields.length,
  criteria: c.document.actionFields.reduce((n, af) => n + af.criteria.length, 0),
  indicators: c.document.indicators.length,
});

@Injectable()
export class CataloguesService implements OnApplicationBootstrap {
  private readonly logger = new Logger(CataloguesService.name);

  constructor(
    @InjectRepository(CatalogueVersion) private readonly versions: Repository<CatalogueVersion>,
    @Inject(SERVICE_CONFIG) private readonly config: AnalysisConfig,
  ) {}

  /** The default catalogue is imported at start, once: a stored version is never overwritten. */
  async onApplicationBootstrap(): Promise<void> {
    const catalogue = parseCatalogue(JSON.parse(await readFile(this.config.catalogueSeedPath, 'utf8')));
    const created = await this.importVersion(catalogue);
    if (created) this.logger.log(`imported catalogue ${catalogue.id}@${catalogue.version}`);
  }

  /** Stores a new catalogue version; returns false when that version exists already. */
  async importVersion(catalogue: Catalogue): Promise<boolean> {
    const id = `${catalogue.id}@${catalogue.version}`;
    if (await this.versions.existsBy({ id })) return false;
    try {
      await this.versions.insert({ id, catalogueId: catalogue.id, version: catalogue.version, title: catalogue.title, document: catalogue });
      return true;
    } catch (err) {
      if (isUniqueViolation(err)) return false;
      throw err;
    }
  }

  /**
   * A programme office's new catalogue version: checked in full (every problem listed at
   * once), stored once, never overwritten; quarters keep the version they pinned.
   */
  async create(input: unknown): Promise<CatalogueVersionDto> {
    let catalogue: Catalogue;
    try {
      catalogue = parseCatalogue(input);
    } catch (err) {
      if (err instanceof CatalogueError) {
        const errors = err.problems.map(({ field, code, params }) => ({ field, code, ...(params ? { params } : {}) }));
        throw problem('catalogue.invalid', { count: errors.length }, errors);
      }
      throw err;
    }
    const id = `${catalogue.id}@${catalogue.version}`;
    const exists = () =>
      problem('catalogue.version_exists', { catalogueId: catalogue.id, version: catalogue.version }, [{ field: 'version', code: 'catalogue.version_taken' }]);
    if (await this.versions.existsBy({ id })) throw exists();
    try {
      return await this.versions.manager.transaction(async (em) => {
        const repo = em.getRepository(CatalogueVersion);
        await repo.insert({ id, catalogueId: catalogue.id, version: catalogue.version, title: catalogue.title, document: catalogue });
        const created = toDto(await repo.findOneByOrFail({ id }));
        // A catalogue version belongs to no single programme: the entry is filed under each programme of the admin who made it.
        const programmeIds = currentAuditContext()?.programmeIds ?? [];
        for (const programmeId of programmeIds.length > 0 ? programmeIds : [null]) {
          await recordAudit(em, 'analysis', { action: 'catalogue.create', resourceType: 'catalogue_version', resourceId: created.id, programmeId, quarterId: null, before: null, after: created });
        }
        return created;
      });
    } catch (err) {
      if (isUniqueViolation(err)) throw exists();
      throw err;
    }
  }

  async get(id: string): Promise<Catalogue> {
    const v = await this.versions.findOneBy({ id });
    if (!v) throw problem('catalogue_version.not_found', { id });
    return v.document;
  }

  async list(query: ListQuery): Promise<Page<CatalogueVersionDto>> {
    const page = await pageOf(this.versions.createQueryBuilder('c'), query, {
      sortable: ['catalogueId', 'version', 'title', 'createdAt'],
      filterable: ['catalogueId', 'version'],
      searchable: ['title'],
      defaultSort: { field: 'createdAt', order: 'DESC' },
    });
    return { data: page.data.map(toDto), total: page.total };
  }
}
