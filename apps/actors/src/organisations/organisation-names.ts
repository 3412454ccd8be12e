import type { EntityManager } from 'typeorm';
import type { OrganisationType } from '@genq/contracts';
import { Organisation } from './entities/organisation.entity';

/** A name as people mean it: case and spacing do not make another organisation ("DOGEWO21" = " dogewo21"). */
export const organisationNameKey = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();

/** The kinds of organisation a quarter names by name: its municipality and its housing company. */
export const QUARTER_ORGANISATION_KINDS = { municipality: 'municipality', housingCompany: 'housing_company' } as const satisfies Record<string, OrganisationType>;

/**
 * The registered names of a programme's municipalities and housing companies, by key: a
 * quarter that names one of them (in any case or spacing) takes the registered spelling, so
 * one organisation is not written two ways. A name no organisation has stays as given.
 */
export class QuarterOrganisationNames {
  private constructor(private readonly byKind: Map<OrganisationType, Map<string, string>>) {}

  static async load(em: EntityManager, programmeId: string): Promise<QuarterOrganisationNames> {
    const rows = await em
      .getRepository(Organisation)
      .createQueryBuilder('o')
      .select(['o.name', 'o.type'])
      .where('o.programmeId = :programmeId', { programmeId })
      .andWhere('o.type IN (:...types)', { types: Object.values(QUARTER_ORGANISATION_KINDS) })
      .orderBy('o.createdAt', 'ASC')
      .getMany();
    const byKind = new Map<OrganisationType, Map<string, string>>();
    for (const o of rows) {
      const names = byKind.get(o.type) ?? new Map<string, string>();
      // Existing duplicates: the oldest spelling wins until they are merged.
      if (!names.has(organisationNameKey(o.name))) names.set(organisationNameKey(o.name), o.name);
      byKind.set(o.type, names);
    }
    return new QuarterOrganisationNames(byKind);
  }

  /** The registered spelling of `name` among organisations of `type`, else `name` trimmed. */
  spelling(type: OrganisationType, name: string): string {
    return this.byKind.get(type)?.get(organisationNameKey(name)) ?? name.trim();
  }

  /** A quarter registration with its municipality and housing company in their registered spelling. */
  apply<T extends { municipality: string; housingCompany: string }>(dto: T): T {
    return {
      ...dto,
      municipality: this.spelling(QUARTER_ORGANISATION_KINDS.municipality, dto.municipality),
      housingCompany: this.spelling(QUARTER_ORGANISATION_KINDS.housingCompany, dto.housingCompany),
    };
  }
}
