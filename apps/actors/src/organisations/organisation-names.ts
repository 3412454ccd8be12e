import { In, IsNull, type EntityManager } from 'typeorm';
import type { OrganisationType } from '@genq/contracts';
import { Quarter } from '../quarters/entities/quarter.entity';
import { Organisation } from './entities/organisation.entity';
import { organisationNameKey } from './organisation-name-key';

export { organisationNameKey };

/** The kinds of organisation a quarter names: its municipality and its housing company. */
export const QUARTER_ORGANISATION_KINDS = { municipality: 'municipality', housingCompany: 'housing_company' } as const satisfies Record<string, OrganisationType>;

type QuarterOrganisationColumn = keyof typeof QUARTER_ORGANISATION_KINDS;

/** The ids a quarter holds of its municipality and housing company; null for a name no organisation has. */
export interface QuarterOrganisationIds {
  municipalityId: string | null;
  housingCompanyId: string | null;
}

/** What a registration names: the programme, its municipality and its housing company. */
interface Naming {
  programmeId: string;
  municipality: string;
  housingCompany: string;
}

/** Name keys per query: a largest import (5,000 rows, two names each) is one query, far below either database's bound variables. */
const KEYS_PER_QUERY = 10_000;

const keyOf = (programmeId: string, type: string, nameKey: string) => `${programmeId}|${type}|${nameKey}`;

/**
 * The rule that a quarter names an organisation: its municipality (housing company) names the
 * programme's organisation of that kind whose name key it has, in any case or spacing. Such a
 * quarter takes the organisation's registered spelling and holds its id, so one organisation
 * is not written two ways and a rename or merge finds its quarters by id. A name no
 * organisation has stays as given, with a null id; registering a quarter creates no organisation.
 */
export class QuarterOrganisationNames {
  private constructor(private readonly found: Map<string, Pick<Organisation, 'id' | 'name'>>) {}

  /**
   * The organisations the registrations name, found by programme, kind and name key (indexed):
   * one query for the distinct names of all of them, not a read of every name of a programme.
   */
  static async lookUp(em: EntityManager, registrations: readonly Naming[]): Promise<QuarterOrganisationNames> {
    const programmeIds = new Set<string>();
    const keys = new Set<string>();
    for (const r of registrations) {
      programmeIds.add(r.programmeId);
      keys.add(organisationNameKey(r.municipality));
      keys.add(organisationNameKey(r.housingCompany));
    }
    const found = new Map<string, Pick<Organisation, 'id' | 'name'>>();
    const wanted = [...keys];
    for (let i = 0; i < wanted.length; i += KEYS_PER_QUERY) {
      const rows = await em.getRepository(Organisation).find({
        select: { id: true, name: true, type: true, programmeId: true, nameKey: true },
        where: { programmeId: In([...programmeIds]), type: In(Object.values(QUARTER_ORGANISATION_KINDS)), nameKey: In(wanted.slice(i, i + KEYS_PER_QUERY)) },
        order: { createdAt: 'ASC', id: 'ASC' },
      });
      // Older duplicates share a key until they are merged: the oldest is the one named.
      for (const o of rows) {
        const key = keyOf(o.programmeId, o.type, o.nameKey ?? '');
        if (!found.has(key)) found.set(key, { id: o.id, name: o.name });
      }
    }
    return new QuarterOrganisationNames(found);
  }

  /** The programme's organisation of `type` that `name` names, if one does. */
  organisation(programmeId: string, type: OrganisationType, name: string): Pick<Organisation, 'id' | 'name'> | undefined {
    return this.found.get(keyOf(programmeId, type, organisationNameKey(name)));
  }

  /** A quarter registration with its municipality and housing company in their registered spelling, and their ids. */
  apply<T extends Naming>(dto: T): T & QuarterOrganisationIds {
    const municipality = this.organisation(dto.programmeId, QUARTER_ORGANISATION_KINDS.municipality, dto.municipality);
    const housingCompany = this.organisation(dto.programmeId, QUARTER_ORGANISATION_KINDS.housingCompany, dto.housingCompany);
    return {
      ...dto,
      municipality: municipality?.name ?? dto.municipality.trim(),
      municipalityId: municipality?.id ?? null,
      housingCompany: housingCompany?.name ?? dto.housingCompany.trim(),
      housingCompanyId: housingCompany?.id ?? null,
    };
  }
}

/** The quarter columns naming an organisation of `type` by name and by id; null for kinds quarters do not name. */
export function quarterColumnsOf(type: OrganisationType): { name: QuarterOrganisationColumn; id: `${QuarterOrganisationColumn}Id` } | null {
  if (type === QUARTER_ORGANISATION_KINDS.municipality) return { name: 'municipality', id: 'municipalityId' };
  if (type === QUARTER_ORGANISATION_KINDS.housingCompany) return { name: 'housingCompany', id: 'housingCompanyId' };
  return null;
}

/**
 * The quarters of the organisation's programme whose municipality (housing company) names it
 * by its key but hold no organisation of that kind: registered before it was, or before ids
 * were kept. Read from the index on (id column, programme), keys compared here.
 */
export async function quartersNamingWithoutId(em: EntityManager, organisation: Pick<Organisation, 'programmeId' | 'type' | 'name'>): Promise<Quarter[]> {
  const columns = quarterColumnsOf(organisation.type);
  if (!columns) return [];
  const key = organisationNameKey(organisation.name);
  const unlinked = await em.getRepository(Quarter).find({
    select: { id: true, name: true, programmeId: true, municipality: true, housingCompany: true },
    where: { programmeId: organisation.programmeId, [columns.id]: IsNull() },
  });
  return unlinked.filter((q) => organisationNameKey(q[columns.name]) === key);
}

/** Rows per UPDATE ... WHERE id IN (...). */
const IDS_PER_UPDATE = 500;

/** Quarters that name a newly registered organisation without an id of its kind hold its id from now on; answers how many. */
export async function linkQuartersNaming(em: EntityManager, organisation: Pick<Organisation, 'id' | 'programmeId' | 'type' | 'name'>): Promise<number> {
  const columns = quarterColumnsOf(organisation.type);
  if (!columns) return 0;
  const ids = (await quartersNamingWithoutId(em, organisation)).map((q) => q.id);
  for (let i = 0; i < ids.length; i += IDS_PER_UPDATE) {
    await em.getRepository(Quarter).update({ id: In(ids.slice(i, i + IDS_PER_UPDATE)) }, { [columns.id]: organisation.id });
  }
  return ids.length;
}
