import type { CatalogueVersionDto } from '@genq/contracts';
import type { RaRecord } from 'react-admin';

/** A list entry (`GET /api/catalogues`): `CatalogueVersionDto` of `@genq/contracts`. */
export interface CatalogueVersion extends RaRecord<string>, CatalogueVersionDto {}

/** The catalogue document (`GET /api/catalogues/:id`), as far as the console shows it. */
export interface CatalogueDocument {
  id: string;
  version: string;
  title: string;
  note?: string;
  ratingScale: Array<{ value: number; label: string; meaning?: string }>;
  strengthThreshold: number;
  weaknessThreshold: number;
  actionFields: Array<{ id: string; name: string; criteria: Array<{ id: string; name: string; description?: string; indicators: string[] }> }>;
  indicators: Array<{ id: string; group: string; name: string; unit: string; kind: string }>;
  targetGroups: string[];
  measureStatuses: string[];
}

/**
 * The document's own `id` is the catalogue's; react-admin needs the version's
 * (`<catalogueId>@<version>`). A list entry, which react-admin shows while the document
 * loads, has the version's id already and is left as it is.
 */
export const asVersionRecord = <T extends { id: string; version: string; catalogueId?: string }>(doc: T): T & { catalogueId: string } =>
  doc.catalogueId !== undefined ? (doc as T & { catalogueId: string }) : { ...doc, catalogueId: doc.id, id: `${doc.id}@${doc.version}` };

/** Whether the record is the whole document rather than its list entry. */
export const isDocument = (record: unknown): record is CatalogueDocument =>
  typeof record === 'object' && record !== null && Array.isArray((record as CatalogueDocument).ratingScale);

/**
 * The gateway lists every problem of a refused catalogue under `errors.catalogue`
 * (`indicators[0].kind must be input, output or context`), and a version that exists under
 * `errors.version`. Flattened into lines the form shows under the document.
 */
export function catalogueProblems(error: unknown): string[] {
  const body = (error as { body?: { errors?: Record<string, unknown>; message?: unknown; problems?: Array<{ field: string; message: string }> } })?.body;
  // A problem+json answer: every field problem as the API listed it, said in the user's language (providers/problems).
  if (Array.isArray(body?.problems) && body.problems.length > 0) {
    return body.problems.map((p) => {
      const field = p.field.replace(/^catalogue\.?/, '');
      return field ? `${field}: ${p.message}` : p.message;
    });
  }
  const errors = body?.errors;
  if (errors && typeof errors === 'object') {
    return Object.entries(errors).flatMap(([field, value]) => {
      if (Array.isArray(value)) return value.map(String);
      return [field === 'catalogue' ? String(value) : `${field}: ${String(value)}`];
    });
  }
  const message = body?.message ?? (error as { message?: unknown })?.message;
  return message ? [String(message)] : [];
}
