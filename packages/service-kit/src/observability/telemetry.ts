/**
 * OpenTelemetry tracing of one process. Set up by the first import of every app's entry
 * point (`src/telemetry.ts`), before the application's modules are loaded, so the HTTP
 * instrumentation wraps the `http` module when Express requires it.
 *
 * Spans are always made (their trace ids go into the logs and travel with requests and
 * events); they are exported by OTLP/HTTP (JSON) only when `OTEL_EXPORTER_OTLP_ENDPOINT` is set.
 */
import { context, propagation, trace, SpanKind, SpanStatusCode, type Context, type Span, type Tracer } from '@opentelemetry/api';
import { CompositePropagator, W3CBaggagePropagator, W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor, NodeTracerProvider, type SpanProcessor } from '@opentelemetry/sdk-trace-node';

export { SpanKind, SpanStatusCode, context, trace, type Context, type Span };

export interface Telemetry {
  /** `genq-<app>`, the `service.name` of every span of this process. */
  serviceName: string;
  resource: Resource;
  /** The exporting processor, or `null` when nothing is exported. */
  spanProcessor: SpanProcessor | null;
  /** Sends the spans still buffered; call before the process ends. */
  flush(): Promise<void>;
}

let current: Telemetry | null = null;

/**
 * Sets up tracing for this process, once: W3C trace context propagation, the async-hooks
 * context manager, the OTLP exporter when configured, and (for the gateway) the HTTP
 * server instrumentation.
 */
export function startTelemetry(app: string, { http = false }: { http?: boolean } = {}): Telemetry {
  if (current) return current;
  const serviceName = `genq-${app}`;
  const resource = new Resource({ 'service.name': serviceName, 'service.namespace': 'genq', 'process.pid': process.pid });
  const endpoint = process.env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim();
  const spanProcessor = endpoint ? new BatchSpanProcessor(new OTLPTraceExporter()) : null;
  const provider = new NodeTracerProvider({ resource, spanProcessors: spanProcessor ? [spanProcessor] : [] });
  provider.register({ propagator: new CompositePropagator({ propagators: [new W3CTraceContextPropagator(), new W3CBaggagePropagator()] }) });
  if (http) {
    registerInstrumentations({
      instrumentations: [
        new HttpInstrumentation({
          // Only the API is traced: not the console's assets, not the probes.
          ignoreIncomingRequestHook: (req) => !(req.url ?? '').startsWith('/api/') || (req.url ?? '').startsWith('/api/health'),
          // Outgoing HTTP (OIDC discovery, the OTLP exporter itself) is not part of a user action.
          ignoreOutgoingRequestHook: () => true,
          // Named by route template once Express has routed the request: "POST /api/quarters/:id/interventions".
          applyCustomAttributesOnSpan: (span, request) => {
            const route = (request as { route?: { path?: string } }).route?.path;
            if (route) {
              span.updateName(`${(request as { method?: string }).method ?? 'HTTP'} ${route}`);
              span.setAttribute('http.route', route);
            }
          },
        }),
      ],
    });
  }
  current = { serviceName, resource, spanProcessor, flush: () => provider.forceFlush() };
  return current;
}

/** The telemetry of this process (set up by {@link startTelemetry}), if any. */
export function telemetry(): Telemetry | null {
  return current;
}

export function tracer(): Tracer {
  return trace.getTracer('genq');
}

/** The trace context of the current span as headers (`traceparent`, `tracestate`), for a message. */
export function traceHeaders(ctx: Context = context.active()): Record<string, string> {
  const carrier: Record<string, string> = {};
  propagation.inject(ctx, carrier);
  return carrier;
}

/** The context a message's headers carry (the active one when they carry none). */
export function contextFromHeaders(get: (name: string) => string | undefined): Context {
  return propagation.extract(context.active(), {}, { keys: () => ['traceparent', 'tracestate', 'baggage'], get: (_carrier, key) => get(key) });
}

/** Trace id and span id of the current span, for log lines. */
export function currentTraceIds(): { traceId: string; spanId: string } | null {
  const span = trace.getSpan(context.active());
  if (!span) return null;
  const { traceId, spanId } = span.spanContext();
  return { traceId, spanId };
}

/** Runs `fn` in a new span (child of `parent`), ending it and recording an error when it throws. */
export async function inSpan<T>(name: string, options: { kind?: SpanKind; attributes?: Record<string, string | number | boolean>; parent?: Context }, fn: (span: Span) => Promise<T>): Promise<T> {
  return tracer().startActiveSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, attributes: options.attributes }, options.parent ?? context.active(), async (span) => {
    try {
      return await fn(span);
    } catch (err) {
      span.recordException(err as Error);
      span.setStatus({ code: SpanStatusCode.ERROR, message: (err as Error)?.message });
      throw err;
    } finally {
      span.end();
    }
  });
}
