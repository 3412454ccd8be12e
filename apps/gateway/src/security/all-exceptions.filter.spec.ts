import { describe, expect, it } from '@jest/globals';
import { Metadata, status } from '@grpc/grpc-js';
import type { ArgumentsHost } from '@nestjs/common';
import { ServiceError } from '@temporalio/client';
import { AllExceptionsFilter } from './all-exceptions.filter';

/** What the filter answers for an exception thrown by a GET handler. */
function answerTo(exception: unknown) {
  const headers: Record<string, string> = {};
  const sent = { status: 0, headers, body: undefined as unknown };
  const res = {
    headersSent: false,
    status(code: number) {
      sent.status = code;
      return this;
    },
    setHeader(name: string, value: string) {
      headers[name.toLowerCase()] = value;
      return this;
    },
    getHeader: (name: string) => headers[name.toLowerCase()],
    end: (body: string) => (sent.body = JSON.parse(body)),
  };
  const req = { method: 'GET', originalUrl: '/api/quarters/q-1/process', headers: {}, requestId: 'r-1' };
  const host = { getType: () => 'http', switchToHttp: () => ({ getResponse: () => res, getRequest: () => req }) } as unknown as ArgumentsHost;
  new AllExceptionsFilter().catch(exception, host);
  return sent;
}

const grpc = (code: status, details: string) => Object.assign(new Error(`${code} ${details}`), { code, details, metadata: new Metadata() });

describe('AllExceptionsFilter', () => {
  it('answers Temporal being away for a moment (a query that outlived a killed worker) with 503 and Retry-After', () => {
    const answer = answerTo(new ServiceError('Failed to query Workflow', { cause: grpc(status.DEADLINE_EXCEEDED, 'context deadline exceeded') }));
    expect(answer.status).toBe(503);
    expect(answer.headers['retry-after']).toBe('1');
    expect(answer.body).toMatchObject({ status: 503, code: 'service.unavailable', requestId: 'r-1' });
  });

  it('answers a defect with a bare 500 that names the request, never the error', () => {
    const answer = answerTo(new TypeError('cannot read properties of undefined (SELECT * FROM quarter)'));
    expect(answer.status).toBe(500);
    expect(answer.headers['retry-after']).toBeUndefined();
    expect(answer.body).toMatchObject({ status: 500, code: 'internal.error', requestId: 'r-1' });
    expect(JSON.stringify(answer.body)).not.toContain('SELECT');
  });
});
