import type { OpenAPIObject } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE } from '@genq/contracts';

type Operation = Record<string, unknown> & {
  parameters?: Array<{ in?: string }>;
  requestBody?: unknown;
  security?: unknown[];
  responses?: Record<string, { description?: string; content?: Record<string, unknown> }>;
};

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;

/** The RFC 9457 body every error answers with (see @genq/contracts ProblemDetails). */
export const PROBLEM_DETAILS_SCHEMA = {
  type: 'object',
  required: ['type', 'title', 'status', 'code', 'detail'],
  properties: {
    type: { type: 'string', description: 'https://genq.de/problems/<code>' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: { type: 'string', description: 'Stable and machine-readable, e.g. quarter.not_found; clients decide on it, never on the text' },
    detail: { type: 'string', description: 'The message in the language Accept-Language asks for (German by default, English)' },
    params: { type: 'object', additionalProperties: true, description: 'Named values of the message (ids, numbers, dates, enum values)' },
    errors: {
      type: 'array',
      description: 'Every field problem of the request at once (validation)',
      items: {
        type: 'object',
        required: ['field', 'code', 'message'],
        properties: {
          field: { type: 'string', description: 'Dotted path in the body or query: proposals.2.text, range' },
          code: { type: 'string' },
          message: { type: 'string' },
          params: { type: 'object', additionalProperties: true },
        },
      },
    },
    requestId: { type: 'string' },
    instance: { type: 'string' },
  },
} as const;

const DESCRIPTIONS: Record<string, string> = {
  '400': 'The request is not valid: a problem with code request.invalid lists every field problem; request.body_missing, request.body_not_json, request.body_too_complex for the body as a whole',
  '401': 'Sign-in required, or the session has ended',
  '403': 'The role or scope of the caller does not allow this',
  '404': 'Nothing with this id (or not visible to the caller)',
  '413': 'The body is larger than BODY_LIMIT',
  '415': 'The body has a media type or charset this route does not read',
  '429': 'Too many requests from this client; Retry-After says when to try again',
  '500': 'An internal error; the answer carries the request id for support, never internals',
  '503': 'A service behind the gateway is temporarily unavailable',
};

/** Which error answers an operation can give, from what it takes: the gates every request passes decide them, not the route. */
function errorStatuses(op: Operation): string[] {
  const params = op.parameters ?? [];
  const secured = Array.isArray(op.security) && op.security.length > 0;
  return [
    ...(params.length > 0 || op.requestBody ? ['400'] : []),
    ...(secured ? ['401', '403'] : []),
    ...(params.some((p) => p.in === 'path') ? ['404'] : []),
    ...(op.requestBody ? ['413', '415'] : []),
    '429',
    '500',
    '503',
  ];
}

/**
 * Documents the errors every operation can answer, all as application/problem+json with the
 * ProblemDetails schema: what a route declares itself keeps its description (and its content,
 * if it names one); what it leaves out (the 400 of the validation pipe, the 429 of the rate limit,
 * the 503 of a service outage) is added. Clients and the contract fuzz test
 * (e2e/test/api-fuzz.e2e-spec.ts) hold the API to this.
 */
export function documentProblems(document: OpenAPIObject): OpenAPIObject {
  const components = (document.components ??= {});
  const schemas = (components.schemas ??= {});
  schemas.ProblemDetails = PROBLEM_DETAILS_SCHEMA as never;
  const content = { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/ProblemDetails' } } };
  for (const item of Object.values(document.paths ?? {})) {
    for (const method of METHODS) {
      const op = (item as Record<string, Operation | undefined>)[method];
      if (!op) continue;
      const responses = (op.responses ??= {});
      for (const status of errorStatuses(op)) {
        const declared = responses[status];
        responses[status] = { ...declared, description: declared?.description ?? DESCRIPTIONS[status] ?? 'Error', content: declared?.content ?? content };
      }
      // Whatever else a route declares as an error (409, 422...) is a problem too.
      for (const [status, declared] of Object.entries(responses)) {
        if (Number(status) >= 400 && !declared.content) responses[status] = { ...declared, content };
      }
    }
  }
  return document;
}
