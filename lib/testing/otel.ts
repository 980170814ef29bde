import {
  context,
  trace,
  SpanKind,
  SpanStatusCode,
  type Span,
  type Tracer,
} from '@opentelemetry/api';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { resourceFromAttributes } from '@opentelemetry/resources';
import { TracerProvider, BatchSpanProcessor } from '@opentelemetry/sdk-trace';

// Real OpenTelemetry SDK providers, one per service, exporting OTLP/protobuf to a receiver
// under test. Spans are parented explicitly (no context manager needed), which is exactly
// what propagation across a process boundary produces on the other side.

export interface TestService {
  name: string;
  tracer: Tracer;
  provider: TracerProvider;
}

export function testService(name: string, endpoint: string, attrs: Record<string, string> = {}) {
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': name, ...attrs }),
    spanProcessors: [
      new BatchSpanProcessor({
        exporter: new OTLPTraceExporter({ url: endpoint }),
        scheduledDelayMillis: 50,
      }),
    ],
  });
  return { name, provider, tracer: provider.getTracer('orrery-test') } satisfies TestService;
}

export function childOf(parent: Span) {
  return trace.setSpan(context.active(), parent);
}

/** A→B over "HTTP": A's root server span, A's client span, B's server span under it. */
export function callAcross(a: TestService, b: TestService, options: { error?: boolean } = {}) {
  const root = a.tracer.startSpan('GET /checkout', { kind: SpanKind.SERVER });
  const client = a.tracer.startSpan(
    'GET',
    { kind: SpanKind.CLIENT, attributes: { 'server.address': b.name, 'server.port': 8080 } },
    childOf(root),
  );
  const server = b.tracer.startSpan(
    'GET /customer',
    {
      kind: SpanKind.SERVER,
      attributes: { 'http.response.status_code': options.error ? 500 : 200 },
    },
    childOf(client),
  );
  if (options.error) server.setStatus({ code: SpanStatusCode.ERROR });
  server.end();
  client.end();
  root.end();
}

export async function flushAll(...services: TestService[]) {
  await Promise.all(services.map((s) => s.provider.forceFlush()));
}

export async function shutdownAll(...services: TestService[]) {
  await Promise.all(services.map((s) => s.provider.shutdown()));
}
