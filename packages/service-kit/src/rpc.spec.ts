import 'reflect-metadata';
import { Controller, Module } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { ServiceError } from './rpc-client';
import { startServiceForTest, type ServiceUnderTest } from './testing';

@Controller()
class EchoController {
  @MessagePattern('echo.say')
  say(@Payload() text: string): string {
    return text;
  }

  @MessagePattern('echo.huge')
  huge(): string {
    // Larger than NATS's max_payload (8 MB in infra/nats/nats.conf).
    return 'x'.repeat(9 * 1024 * 1024);
  }
}

@Module({ controllers: [EchoController] })
class EchoModule {}

/** The NATS transport's edges that no real service reaches easily. */
describe('RPC over NATS', () => {
  let service: ServiceUnderTest;

  beforeAll(async () => {
    service = await startServiceForTest('echo', () => ({ module: EchoModule }), { database: { type: 'sqlite', path: ':memory:' } });
  }, 60_000);
  afterAll(() => service?.close());

  it('carries a request of megabytes there and back', async () => {
    const text = 'ä'.repeat(2 * 1024 * 1024);
    expect(await service.send<string>('echo.say', text)).toBe(text);
  });

  it('answers an answer too large for NATS with a typed 500 at once, and keeps serving', async () => {
    const startedAt = Date.now();
    const err = await service.send('echo.huge', {}).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceError);
    expect((err as ServiceError).payload).toEqual({ status: 500, message: 'the answer is too large for the message bus' });
    expect(Date.now() - startedAt).toBeLessThan(5000);
    expect(await service.send<string>('echo.say', 'still here')).toBe('still here');
  });

  it('refuses a request too large for NATS with 413 before sending it', async () => {
    const refusal = await service.refusal('echo.say', 'x'.repeat(9 * 1024 * 1024));
    expect(refusal.status).toBe(413);
  });
});
