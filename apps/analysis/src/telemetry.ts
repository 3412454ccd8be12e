import { startTelemetry } from '@genq/service-kit';

// First import of the entry point: tracing is set up before the application is loaded.
startTelemetry('analysis');
