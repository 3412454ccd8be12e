import { startTelemetry } from '@genq/service-kit';

// First import of the entry point: tracing is set up before the rest is loaded (the HTTP
// instrumentation wraps the http module when Express requires it).
startTelemetry('gateway', { http: true });
