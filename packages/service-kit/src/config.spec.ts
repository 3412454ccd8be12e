import { ConfigError, EnvReader, readDatabaseConfig, readServiceConfig, readTemporalConfig } from './config';

describe('configuration', () => {
  it('uses the embedded defaults when nothing is set', () => {
    const r = new EnvReader({});
    expect(readServiceConfig(r, 'actors')).toEqual({
      database: { type: 'sqlite', path: 'data/actors.sqlite' },
      nats: { url: 'nats://127.0.0.1:4222', streamReplicas: 1 },
    });
    expect(readTemporalConfig(r)).toEqual({ address: '127.0.0.1:7233', namespace: 'default' });
    r.done();
  });

  it('reads PostgreSQL and a TLS Temporal cluster for production', () => {
    const r = new EnvReader({
      DB_TYPE: 'postgres',
      DATABASE_URL: 'postgres://genq:secret@db:5432/genq_actors',
      DB_SSL: 'true',
      TEMPORAL_ADDRESS: 'temporal.example:7233',
      TEMPORAL_NAMESPACE: 'genq',
      TEMPORAL_TLS: 'true',
      TEMPORAL_TLS_CERT: '/run/secrets/cert.pem',
      TEMPORAL_TLS_KEY: '/run/secrets/key.pem',
    });
    expect(readDatabaseConfig(r, 'unused')).toEqual({ type: 'postgres', url: 'postgres://genq:secret@db:5432/genq_actors', ssl: true });
    expect(readTemporalConfig(r)).toMatchObject({ address: 'temporal.example:7233', namespace: 'genq', tls: { clientCertPath: '/run/secrets/cert.pem' } });
    r.done();
  });

  it('fails at start naming every bad variable at once', () => {
    const r = new EnvReader({ DB_TYPE: 'mysql', NATS_STREAM_REPLICAS: '7', TEMPORAL_TLS: 'true', TEMPORAL_TLS_CERT: '/c.pem', NATS_URL: 'nats://a:4222,http://b:4222' });
    readServiceConfig(r, 'actors');
    readTemporalConfig(r);
    expect(() => r.done()).toThrow(ConfigError);
    try {
      r.done();
    } catch (e) {
      const message = (e as Error).message;
      expect(message).toContain('DB_TYPE must be one of sqlite, postgres, got "mysql"');
      expect(message).toContain('NATS_STREAM_REPLICAS must be an integer between 1 and 5, got "7"');
      expect(message).toContain('NATS_URL must be nats:// URLs separated by commas, got "http://b:4222"');
      expect(message).toContain('TEMPORAL_TLS_CERT and TEMPORAL_TLS_KEY must be set together');
    }
  });

  it('requires DATABASE_URL to be a PostgreSQL URL when DB_TYPE=postgres', () => {
    const r = new EnvReader({ DB_TYPE: 'postgres', DATABASE_URL: 'mysql://x' });
    readDatabaseConfig(r, 'unused');
    expect(() => r.done()).toThrow(/DATABASE_URL must be a postgres or postgresql URL/);
  });
});
