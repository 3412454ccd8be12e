/**
 * A container's health check for a service (docker-compose.yml):
 * `node packages/service-kit/dist/health-probe.js <service>` exits 0 once a replica of the
 * service answers its health pattern (`<service>.health`) over NATS (`NATS_URL`) with its
 * database up, 1 otherwise. Services listen on no port, so there is nothing else to knock on.
 * With several replicas any one of them may answer: a replica whose process ends is
 * restarted by its container's restart policy.
 */
import type { ServiceHealth } from '@genq/contracts';
import { ConfigError, EnvReader, readNatsConfig } from './config';
import { natsClient, request } from './rpc-client';

async function probe(service: string): Promise<boolean> {
  const r = new EnvReader();
  const nats = readNatsConfig(r);
  r.done();
  const client = natsClient(nats, `genq-health-probe-${service}`);
  try {
    const health = await request<ServiceHealth>(client, service, `${service}.health`, {}, 4000);
    return health.database.up;
  } finally {
    await client.close();
  }
}

const service = process.argv[2];
if (!service) {
  console.error('usage: health-probe <service>');
  process.exit(2);
}
probe(service).then(
  (up) => process.exit(up ? 0 : 1),
  (err: unknown) => {
    console.error(err instanceof ConfigError ? err.message : String(err));
    process.exit(1);
  },
);
