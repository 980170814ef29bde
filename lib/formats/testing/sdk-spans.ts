import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  TracerProvider,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace';

// Real spans from the OpenTelemetry JS SDK, for tests that check the decoders against what
// the SDK's own serializers write. Covers every attribute value type, every span kind, an
// error status, a link and a parent/child pair across two services.

export async function makeSdkSpans(): Promise<ReadableSpan[]> {
  const exporterA = new InMemorySpanExporter();
  const exporterB = new InMemorySpanExporter();
  const frontend = new TracerProvider({
    resource: resourceFromAttributes({
      'service.name': 'frontend',
      'service.namespace': 'shop',
    }),
    spanProcessors: [new SimpleSpanProcessor({ exporter: exporterA })],
  });
  const backend = new TracerProvider({
    resource: resourceFromAttributes({
      'service.name': 'backend',
      'service.version': '1.2.3',
    }),
    spanProcessors: [new SimpleSpanProcessor({ exporter: exporterB })],
  });
  const a = frontend.getTracer('test-a');
  const b = backend.getTracer('test-b');

  const root = a.startSpan('GET /', {
    kind: SpanKind.SERVER,
    startTime: [1_700_000_000, 1_000],
  });
  const rootCtx = trace.setSpan(context.active(), root);
  const client = a.startSpan(
    'GET /api',
    {
      kind: SpanKind.CLIENT,
      attributes: {
        'server.address': 'backend',
        'server.port': 8080,
        'http.response.status_code': 503,
        ratio: 0.25,
        retried: true,
        tags: ['a', 'b'],
        counts: [1, 2, 3],
        big: 2 ** 40,
        negative: -7,
      },
      links: [{ context: root.spanContext() }],
      startTime: [1_700_000_000, 500_000],
    },
    rootCtx,
  );
  client.setStatus({ code: SpanStatusCode.ERROR, message: 'upstream 503' });
  const server = b.startSpan(
    '/api',
    { kind: SpanKind.SERVER, startTime: [1_700_000_000, 900_000] },
    trace.setSpan(context.active(), client),
  );
  server.addEvent('ignored event', { detail: 'x' });
  server.end([1_700_000_000, 99_900_000]);
  b.startSpan('produce', { kind: SpanKind.PRODUCER }, rootCtx).end();
  b.startSpan('consume', { kind: SpanKind.CONSUMER }, rootCtx).end();
  b.startSpan('work', { kind: SpanKind.INTERNAL }, rootCtx).end();
  client.end([1_700_000_000, 100_500_000]);
  root.end([1_700_000_001, 0]);

  await frontend.forceFlush();
  await backend.forceFlush();
  return [...exporterA.getFinishedSpans(), ...exporterB.getFinishedSpans()];
}
