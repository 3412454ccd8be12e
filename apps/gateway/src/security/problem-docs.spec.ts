import type { OpenAPIObject } from '@nestjs/swagger';
import { documentProblems } from './problem-docs';

describe('the errors of every operation in the OpenAPI document', () => {
  const doc = (): OpenAPIObject => ({
    openapi: '3.0.0',
    info: { title: 't', version: '1' },
    paths: {
      '/api/health': { get: { responses: { '200': { description: 'ok' } } } },
      '/api/quarters/{id}': {
        patch: {
          parameters: [{ name: 'id', in: 'path', required: true }],
          requestBody: { content: { 'application/json': { schema: {} } } },
          security: [{ bearer: [] }],
          responses: {
            '200': { description: 'ok' },
            '409': { description: 'Conflict' },
            '404': { description: 'No such quarter', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/QuarterNotFound' } } } },
          },
        },
      },
    },
  });

  it('declares what the gates answer, as problems, and keeps what a route says itself', () => {
    const d = documentProblems(doc());
    const health = d.paths['/api/health']!.get!.responses;
    expect(Object.keys(health).sort()).toEqual(['200', '429', '500', '503']);
    const patch = d.paths['/api/quarters/{id}']!.patch!.responses as Record<string, { description: string; content?: Record<string, unknown> }>;
    expect(Object.keys(patch).sort()).toEqual(['200', '400', '401', '403', '404', '409', '413', '415', '429', '500', '503']);
    expect(patch['409']!.description).toBe('Conflict');
    for (const status of ['400', '409', '503']) expect(patch[status]!.content).toEqual({ 'application/problem+json': { schema: { $ref: '#/components/schemas/ProblemDetails' } } });
    expect(patch['200']!.content).toBeUndefined();
    // A route's own declaration stays as it is.
    expect(patch['404']).toEqual({ description: 'No such quarter', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/QuarterNotFound' } } } });
    expect(d.components?.schemas?.ProblemDetails).toMatchObject({ required: ['type', 'title', 'status', 'code', 'detail'] });
  });
});
