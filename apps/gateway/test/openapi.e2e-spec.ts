import 'reflect-metadata';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Logger, type INestApplication } from '@nestjs/common';
import { validate, compileErrors } from '@readme/openapi-parser';
import request from 'supertest';
import { PROBLEM_CONTENT_TYPE, PROBLEMS } from '@genq/contracts';
import { createDetachedGateway } from '../src/detached';
import { openApiDocumentText } from '../src/openapi/write-document';

/**
 * The OpenAPI document (issue 14): every operation documents the body of each success
 * response (schemas generated from the handlers' TypeScript types) and every error it can
 * answer as application/problem+json; the document is valid OpenAPI, and the committed
 * openapi.json the console's types are generated from is the one the code builds.
 */
type Json = Record<string, any>;

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];
const root = join(__dirname, '..');

describe('OpenAPI document', () => {
  let app: INestApplication;
  let doc: Json;
  const operations: Array<{ name: string; op: Json; path: string }> = [];

  beforeAll(async () => {
    Logger.overrideLogger(false);
    app = await createDetachedGateway();
    await app.init();
    doc = (await request(app.getHttpServer()).get('/api/docs-json').expect(200)).body as Json;
    for (const [path, item] of Object.entries(doc.paths as Json)) {
      for (const method of METHODS) if (item[method]) operations.push({ name: `${method.toUpperCase()} ${path}`, op: item[method], path });
    }
  }, 60_000);

  afterAll(async () => {
    await app?.close();
  });

  it('is valid OpenAPI 3.1', async () => {
    expect(doc.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(doc) as Parameters<typeof validate>[0]);
    if (!result.valid) throw new Error(compileErrors(result));
    expect(operations.length).toBeGreaterThan(80);
  });

  it('documents the body of every success response', () => {
    const missing: string[] = [];
    for (const { name, op } of operations) {
      const success = Object.entries(op.responses as Json).filter(([status]) => status.startsWith('2'));
      if (success.length === 0) missing.push(`${name}: no success response`);
      for (const [status, response] of success) {
        if (status === '204') continue;
        const [media] = Object.values((response.content ?? {}) as Json);
        if (!media?.schema) missing.push(`${name} ${status}: no schema`);
      }
      expect(op['x-genq-returns']).toBeUndefined();
    }
    expect(missing).toEqual([]);
  });

  it('references response schemas generated from the contracts', () => {
    const schemas = doc.components.schemas as Json;
    const quarter = operations.find((o) => o.name === 'GET /api/quarters/{id}')!.op.responses['200'].content['application/json'].schema;
    expect(quarter).toEqual({ $ref: '#/components/schemas/QuarterWithProcess' });
    // QuarterWithProcess extends QuarterDto of @genq/contracts with the live process state.
    expect(schemas.QuarterWithProcess.required).toEqual(expect.arrayContaining(['id', 'name', 'programmeId', 'process']));
    const list = operations.find((o) => o.name === 'GET /api/quarters')!.op.responses['200'].content['application/json'].schema;
    expect(list).toEqual({ type: 'array', items: { $ref: '#/components/schemas/QuarterDto' } });
    // A react-admin list reads filter, sort and range.
    const people = operations.find((o) => o.name === 'GET /api/people')!.op.parameters.map((p: Json) => `${p.in}:${p.name}`);
    expect(people).toEqual(expect.arrayContaining(['query:filter', 'query:sort', 'query:range']));
    const audit = operations.find((o) => o.name === 'GET /api/audit-log')!.op.parameters.map((p: Json) => `${p.in}:${p.name}`);
    expect(audit).toEqual(expect.arrayContaining(['query:filter', 'query:sort', 'query:range']));
    const pdf = operations.find((o) => o.name === 'GET /api/quarters/{quarterId}/certificate/pdf')!.op.responses['200'].content;
    expect(Object.keys(pdf)).toEqual(['application/pdf']);
    expect(schemas.ProblemDetails.required).toEqual(expect.arrayContaining(['type', 'title', 'status', 'code', 'detail']));
  });

  it('documents the errors every operation can answer, as problem+json', () => {
    const missing: string[] = [];
    for (const { name, op, path } of operations) {
      const expected = ['400', '429', '503'];
      if (op.security?.length) expected.push('401', '403');
      if (path.includes('{')) expected.push('404');
      if (op.requestBody) expected.push('413');
      for (const status of expected) if (!op.responses[status]) missing.push(`${name}: no ${status}`);
      for (const [status, response] of Object.entries(op.responses as Json)) {
        if (Number(status) < 400 || (name === 'GET /api/health' && status === '503')) continue;
        const media = response.content?.[PROBLEM_CONTENT_TYPE];
        if (media?.schema?.$ref !== '#/components/schemas/ProblemDetails') missing.push(`${name} ${status}: not ProblemDetails`);
      }
    }
    expect(missing).toEqual([]);
    // Health's 503 is its report naming what is down, not a problem.
    const health = operations.find((o) => o.name === 'GET /api/health')!.op;
    expect(health.responses['503'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/HealthReport' });
    // Signed-in routes answer 401 and 403; public ones (login, health) do not claim to.
    const login = operations.find((o) => o.name === 'POST /api/auth/login')!.op;
    expect(login.responses['403']).toBeUndefined();
    expect(login.responses['429']).toBeDefined();
  });

  it('gives error examples the API answers: a catalogued code with its status', () => {
    const examples = doc.components.examples as Json;
    expect(Object.keys(examples).length).toBeGreaterThanOrEqual(6);
    for (const [name, { value }] of Object.entries(examples)) {
      expect(`problem-${value.status}`).toBe(name);
      expect(Object.keys(PROBLEMS)).toContain(value.code);
      expect((PROBLEMS as Json)[value.code].status).toBe(value.status);
      expect(value.detail).not.toMatch(/\{\w+\}/);
    }
    expect(examples['problem-400'].value).toMatchObject({ code: 'request.invalid', errors: [{ field: 'name', code: 'validation.isNotEmpty', message: '„Name“ darf nicht leer sein.' }, expect.anything()] });
  });

  it('gives list filters as examples that the list accepts', () => {
    const filterOf = (name: string) => operations.find((o) => o.name === name)!.op.parameters.find((p: Json) => p.name === 'filter').schema.example;
    // The analysis service filters catalogues by catalogueId or version, indicator values by indicatorId, referenceDate or kind.
    expect(Object.keys(JSON.parse(filterOf('GET /api/catalogues')))).toEqual(['catalogueId']);
    expect(Object.keys(JSON.parse(filterOf('GET /api/quarters/{id}/indicators')))).toEqual(['indicatorId']);
  });

  it('is the committed openapi.json, and the committed response schemas are generated from the current types', async () => {
    // Stale? `npm run build -w @genq/gateway` writes both (and the console's types follow from openapi.json).
    expect(JSON.parse(await openApiDocumentText())).toEqual(JSON.parse(readFileSync(join(root, 'openapi.json'), 'utf8')));
    expect(() => execFileSync(process.execPath, [join(root, 'scripts/response-schemas.js'), '--check'], { stdio: 'pipe' })).not.toThrow();
  }, 60_000);
});
