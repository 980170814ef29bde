import { context, SpanKind, trace } from '@opentelemetry/api';
import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  InMemorySpanExporter,
  SimpleSpanProcessor,
  TracerProvider,
  type ReadableSpan,
} from '@opentelemetry/sdk-trace';

import { parseEnv } from '@/lib/env';
import { decodeOtlpJson } from '@/lib/formats/otlp-json';
import { decodeOtlpProtobuf } from '@/lib/formats/otlp-protobuf';
import { IngestQueue } from '@/lib/ingest/ingest-queue';
import { startOtlpSource } from '@/lib/runtime/otlp-source';
import { startTestDatabase } from '@/lib/testing/postgres';

// OTLP ingest throughput, end to end: HTTP request → decode → pairing → rollup → Postgres,
// for protobuf and JSON bodies made by the real SDK serializers, next to the same run's
// bare JSON.parse of the same JSON bytes (the baseline every figure is a ratio of).

const SERVICES = 40;
const TRACES = 8_000; // × 5 spans
const SPANS_PER_REQUEST = 1_000;

export function makeSpans(): ReadableSpan[] {
  const exporter = new InMemorySpanExporter();
  const providers = Array.from({ length: SERVICES }, (_, i) =>
    new TracerProvider({
      resource: resourceFromAttributes({
        'service.name': `svc-${i}`,
        'service.namespace': `team-${i % 5}`,
      }),
      spanProcessors: [new SimpleSpanProcessor({ exporter })],
    }).getTracer('bench'),
  );
  for (let t = 0; t < TRACES; t++) {
    const a = providers[t % SERVICES];
    const b = providers[(t * 7 + 3) % SERVICES];
    const root = a.startSpan('GET /', { kind: SpanKind.SERVER });
    const ctx = trace.setSpan(context.active(), root);
    const client = a.startSpan(
      'GET',
      { kind: SpanKind.CLIENT, attributes: { 'server.address': 'b' } },
      ctx,
    );
    const server = b.startSpan('GET /b', { kind: SpanKind.SERVER }, trace.setSpan(ctx, client));
    const db = b.startSpan(
      'SELECT',
      {
        kind: SpanKind.CLIENT,
        attributes: {
          'db.system.name': 'postgresql',
          'server.address': 'pg',
          'db.operation.name': 'SELECT',
        },
      },
      trace.setSpan(ctx, server),
    );
    const internal = b.startSpan('work', { kind: SpanKind.INTERNAL }, trace.setSpan(ctx, server));
    [internal, db, server, client, root].forEach((s) => s.end());
  }
  return exporter.getFinishedSpans();
}

function chunks<T>(items: T[], size: number): T[][] {
  return Array.from({ length: Math.ceil(items.length / size) }, (_, i) =>
    items.slice(i * size, (i + 1) * size),
  );
}

function rate(spans: number, ms: number) {
  return Math.round((spans / ms) * 1000);
}

export async function benchIngest() {
  const protoSpans = makeSpans();
  const jsonSpans = makeSpans();
  const protoBodies = chunks(protoSpans, SPANS_PER_REQUEST).map((c) =>
    ProtobufTraceSerializer.serializeRequest(c)!,
  );
  const jsonBodies = chunks(jsonSpans, SPANS_PER_REQUEST).map((c) =>
    JsonTraceSerializer.serializeRequest(c)!,
  );
  const total = protoSpans.length;

  let started = performance.now();
  for (const body of jsonBodies) JSON.parse(Buffer.from(body).toString('utf8'));
  const parseMs = performance.now() - started;

  started = performance.now();
  for (const body of protoBodies) decodeOtlpProtobuf(body);
  const decodeProtoMs = performance.now() - started;
  started = performance.now();
  for (const body of jsonBodies) decodeOtlpJson(JSON.parse(Buffer.from(body).toString('utf8')));
  const decodeJsonMs = performance.now() - started;

  const db = await startTestDatabase();
  const queue = new IngestQueue();
  const env = parseEnv({
    HOST: '127.0.0.1',
    ORRERY_OTLP_PORT: '0',
    ORRERY_PAIRING_IDLE_MS: '200',
    LOG_LEVEL: 'error',
  });
  const source = await startOtlpSource(env, queue);
  const url = `http://127.0.0.1:${source.port}/v1/traces`;

  const endToEnd = async (bodies: Uint8Array[], type: string) => {
    const t0 = performance.now();
    let next = 0;
    const worker = async () => {
      while (next < bodies.length) {
        const body = bodies[next++];
        for (;;) {
          const res = await fetch(url, {
            method: 'POST',
            headers: { 'content-type': type },
            body: Buffer.from(body),
          });
          await res.arrayBuffer();
          if (res.status === 200) break;
          await new Promise((r) => setTimeout(r, 50)); // back-pressure: 429/503
        }
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
    while (source.pipeline.pendingSpans > 0 || queue.backlog > 0)
      await new Promise((r) => setTimeout(r, 10));
    await queue.drained();
    return performance.now() - t0;
  };
  const protoMs = await endToEnd(protoBodies, 'application/x-protobuf');
  const jsonMs = await endToEnd(jsonBodies, 'application/json');

  await source.stop();
  await queue.stop();
  await db.stop();

  const baseline = rate(total, parseMs);
  return {
    spans: total,
    rows: [
      { what: 'baseline: JSON.parse of the JSON bodies', spansPerSec: baseline },
      {
        what: 'decode only, protobuf (hand-written reader)',
        spansPerSec: rate(total, decodeProtoMs),
      },
      { what: 'decode only, JSON (parse + map)', spansPerSec: rate(total, decodeJsonMs) },
      { what: 'end to end into Postgres, protobuf', spansPerSec: rate(total, protoMs) },
      { what: 'end to end into Postgres, JSON', spansPerSec: rate(total, jsonMs) },
    ].map((r) => ({ ...r, ratioToBaseline: Math.round((r.spansPerSec / baseline) * 100) / 100 })),
  };
}
