import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIELD_LABELS } from '@genq/contracts';
import { toProblemDetails } from './problem-response';

type Schema = { $ref?: string; properties?: Record<string, Schema>; items?: Schema; additionalProperties?: Schema | boolean; allOf?: Schema[]; oneOf?: Schema[]; anyOf?: Schema[] };

/** Every property name of every request body the API documents, nested ones included. */
function requestFields(): string[] {
  const document = JSON.parse(readFileSync(join(__dirname, '../../openapi.json'), 'utf8')) as {
    paths: Record<string, Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>>;
    components: { schemas: Record<string, Schema> };
  };
  const fields = new Set<string>();
  const seen = new Set<string>();
  const walk = (schema: Schema | boolean | undefined): void => {
    if (!schema || typeof schema !== 'object') return;
    if (schema.$ref) {
      const name = schema.$ref.split('/').pop()!;
      if (seen.has(name)) return;
      seen.add(name);
      walk(document.components.schemas[name]);
      return;
    }
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      fields.add(name);
      walk(property);
    }
    walk(schema.items);
    walk(schema.additionalProperties);
    for (const list of [schema.allOf, schema.oneOf, schema.anyOf]) for (const s of list ?? []) walk(s);
  };
  for (const operations of Object.values(document.paths)) {
    for (const operation of Object.values(operations)) {
      for (const media of Object.values(operation.requestBody?.content ?? {})) walk(media.schema);
    }
  }
  return [...fields].sort();
}

describe('field problems in the API', () => {
  const fields = requestFields();

  it('finds the request fields of the OpenAPI document', () => {
    expect(fields).toEqual(expect.arrayContaining(['targetDate', 'email', 'reason', 'participants']));
  });

  // Fails when a request field is added without a label: its problems would name the raw key.
  it('names every request field by its label, German and English, never by its key', () => {
    const unlabelled = fields.filter((f) => !Object.prototype.hasOwnProperty.call(FIELD_LABELS, f));
    expect(unlabelled).toEqual([]);
    for (const field of fields) {
      for (const locale of ['de', 'en'] as const) {
        const [said] = toProblemDetails({ status: 400, code: 'request.invalid', errors: [{ field: `items.0.${field}`, code: 'validation.required' }] }, locale).errors!;
        expect(said!.message.startsWith(locale === 'de' ? `„${FIELD_LABELS[field]![locale]}“ ` : `"${FIELD_LABELS[field]![locale]}" `)).toBe(true);
        if (FIELD_LABELS[field]![locale] !== field) expect(said!.message).not.toMatch(new RegExp(`[„"]${field.replace(/[+]/g, '\\+')}[“"]`));
      }
    }
  });

  it('says „targetDate“ as the label of the form and leaves messages with a subject of their own alone', () => {
    const body = toProblemDetails(
      {
        status: 400,
        code: 'request.invalid',
        errors: [
          { field: 'goals.0.targetDate', code: 'validation.isDateString' },
          { field: 'name', code: 'validation.legacy', params: { message: 'name must not be empty' } },
          { field: 'concept', code: 'concept.goal_without_measure', params: { title: 'Spielplatz' } },
          { field: 'rows.4.somethingElse', code: 'validation.required' },
        ],
      },
      'de',
    );
    expect(body.errors!.map((e) => e.message)).toEqual([
      '„Zieldatum“ muss ein Datum im Format JJJJ-MM-TT sein.',
      '„Name“ must not be empty',
      'Das Ziel „Spielplatz“ hat keine Maßnahme.',
      'ist ein Pflichtfeld.',
    ]);
    expect(toProblemDetails({ status: 400, code: 'request.invalid', errors: [{ field: 'targetDate', code: 'validation.isDateString' }] }, 'en').errors![0]!.message).toBe(
      '"Target date" must be a date YYYY-MM-DD.',
    );
  });
});
