import 'reflect-metadata';
import { ConfigError } from '@genq/service-kit';
import { createGateway } from './bootstrap';
import { readGatewayConfig } from './config';

async function main(): Promise<void> {
  const config = readGatewayConfig();
  const app = await createGateway(config);
  await app.listen(config.port, config.host);
  console.log(`gateway listening on http://${config.host}:${config.port}/api`);
}

main().catch((err: unknown) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
