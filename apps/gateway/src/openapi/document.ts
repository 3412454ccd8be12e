import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, PROBLEMS, type ProblemParams } from '@genq/contracts';
import { toProblemDetails } from '../security/problem-response';
import responseSchemas from './response-schemas.json';
import { RETURNS_EXTENSION, type ReturnsSpec } from './returns';

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;
type Responses = Operation['responses'];

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;

/** Error statuses every operation can answer: a malformed request, the rate limit, a service away. */
const ALWAYS = [400, 429, 503];
/** ... an operation behind sign-in: no or a bad token, a role that may not call it. */
const SIGNED_IN = [401, 403];

const ERROR_TEXT: Record<number, string> = {
  400: 'The request is not valid: `code` says why, `errors` lists every bad field at once',
  401: 'No valid access token',
  403: 'Your role or organisation may not do this',
  404: 'Not found, or outside your scope',
  409: 'Refused in the record’s current state',
  413: 'The request body is too large',
  415: 'This media type is not accepted here',
  422: 'Refused: the request does not fit the record',
  429: 'Too many requests; see Retry-After',
  500: 'Internal error; give support the request id',
  503: 'A service is temporarily unavailable',
};

const placeholders = (template: string) => [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);

/**
 * An example body for an error status, rendered as the API renders it (German, the default):
 * the first catalogued code of that status without parameters, else one with sample values.
 */
export function problemExample(status: number): object {
  if (status === 400) {
    return toProblemDetails(
      {
        status,
        code: 'request.invalid',
        errors: [
          { field: 'name', code: 'validation.isNotEmpty' },
          { field: 'boundary.coordinates.0', code: 'validation.isArray' },
        ],
      },
      'de',
      '3f0c6a0e-5f1b-4c55-9d0a-2b1e7c1a9f10',
    );
  }
  const codes = Object.entries(PROBLEMS as Record<string, { status: number; de: string }>).filter(([code, p]) => p.status === status && !code.startsWith('legacy.'));
  const [code, definition] = codes.find(([, p]) => placeholders(p.de).length === 0) ?? codes[0] ?? [];
  const params: ProblemParams | undefined = definition ? Object.fromEntries(placeholders(definition.de).map((name) => [name, name === 'retryAfter' ? 60 : '…'])) : undefined;
  return toProblemDetails(
    { status, ...(code ? { code } : { message: ERROR_TEXT[status] ?? 'Error' }), ...(params && Object.keys(params).length ? { params } : {}) },
    'de',
    '3f0c6a0e-5f1b-4c55-9d0a-2b1e7c1a9f10',
  );
}

function successContent(spec: ReturnsSpec | undefined): Record<string, object> | undefined {
  if (!spec) return undefined;
  if (spec.file) {
    return { [spec.file]: { schema: spec.file.startsWith('text/') ? { type: 'string' } : { type: 'string', format: 'binary' } } };
  }
  if (!spec.schema) return undefined;
  const ref = { $ref: `#/components/schemas/${spec.schema}` };
  return { 'application/json': { schema: spec.list ? { type: 'array', items: ref } : ref } };
}

const LIST_QUERY = [
  { name: 'filter', description: 'JSON object of field values, e.g. {"q":"nord"}; a field the list does not filter by answers 400' },
  { name: 'sort', description: 'JSON ["field","ASC"|"DESC"]' },
  { name: 'range', description: 'JSON [start,end], zero-based, inclusive; the total is in Content-Range' },
];

/** react-admin's list parameters, where the handler did not document them itself. */
function addListQuery(op: Operation): void {
  const parameters = (op.parameters ??= []);
  for (const { name, description } of LIST_QUERY) {
    if (parameters.some((p) => 'name' in p && p.name === name && p.in === 'query')) continue;
    parameters.push({ name, in: 'query', required: false, description, schema: { type: 'string' } });
  }
}

function addErrors(document: OpenAPIObject, op: Operation, statuses: number[], alsoOn: number[], content: Record<string, object> | undefined): void {
  const responses: Responses = op.responses;
  for (const status of statuses) responses[String(status)] ??= { description: ERROR_TEXT[status] ?? 'Error' };
  for (const [status, response] of Object.entries(responses)) {
    const code = Number(status);
    if (!(code >= 400) || !response || '$ref' in response) continue;
    if (alsoOn.includes(code) && content) {
      response.content = content;
      continue;
    }
    const name = `problem-${code}`;
    const examples = (document.components!.examples ??= {});
    examples[name] ??= { summary: `A ${code} problem as the API answers it (German, the default)`, value: problemExample(code) };
    response.content = {
      [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/ProblemDetails' }, examples: { [name]: { $ref: `#/components/examples/${name}` } } },
    };
  }
}

/**
 * Completes the operations @nestjs/swagger explored: each success response gets the schema its
 * handler declares with `@Returns(...)` (generated from the handler's TypeScript type), and each
 * operation every error status it can answer, as `application/problem+json` with ProblemDetails.
 */
export function completeDocument(document: OpenAPIObject): OpenAPIObject {
  const generated = responseSchemas as Record<string, object>;
  const existing = document.components?.schemas ?? {};
  const clash = Object.keys(existing).filter((name) => name in generated);
  if (clash.length > 0) throw new Error(`Request and response schemas share names: ${clash.join(', ')}`);
  document.openapi = '3.1.0';
  document.components = { ...document.components, schemas: { ...existing, ...generated } };

  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const ext = op as unknown as Record<string, unknown>;
      const spec = ext[RETURNS_EXTENSION] as ReturnsSpec | undefined;
      delete ext[RETURNS_EXTENSION];
      const content = successContent(spec);
      // A handler without an @Api…Response of its success still answers one: 201 for a POST, else 200.
      if (!Object.keys(op.responses).some((status) => status.startsWith('2'))) op.responses[method === 'post' ? '201' : '200'] = { description: 'Success' };
      for (const [status, response] of Object.entries(op.responses)) {
        const code = Number(status);
        if (code < 200 || code >= 300 || code === 204 || !response || '$ref' in response) continue;
        if (content) response.content = content;
        else delete response.content;
      }
      if (spec?.listQuery) addListQuery(op);
      if (spec?.optional) op.responses['204'] ??= { description: 'Nothing recorded yet' };
      const statuses = [...ALWAYS];
      if (op.security?.length) statuses.push(...SIGNED_IN);
      if (path.includes('{')) statuses.push(404);
      if (op.requestBody) statuses.push(413);
      addErrors(document, op, statuses, spec?.alsoOn ?? [], content);
    }
  }
  return document;
}

/** The OpenAPI document of the gateway, served at /api/docs-json and written to openapi.json at build. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('GenQ API')
      .setDescription(
        'Generationengerechtes Wohnen im Quartier: quarters, programmes and their process. Every error is `application/problem+json` (RFC 9457) with a stable `code`; `detail` is in the language of Accept-Language (German by default, English).',
      )
      .setVersion('0.1.0')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'Access token from POST /api/auth/login' })
      .build(),
  );
  return completeDocument(document);
}
