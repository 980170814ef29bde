import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  startInstrumentedServices,
  type InstrumentedServices,
} from '@/collectors/demo/testing/instrumented-services';
import { parseEnv } from '@/lib/env';
import { loadGraph } from '@/lib/graph/query';
import { IngestQueue } from '@/lib/ingest/ingest-queue';
import { startTestDatabase, type TestDatabase } from '@/lib/testing/postgres';
import { waitFor } from '@/lib/testing/wait';

import { startOtlpSource, type OtlpSource } from './otlp-source';

// End to end with real instrumentation: two tiny HTTP services in their own processes, each
// with the OpenTelemetry SDK and the http + pg auto-instrumentations, A calling B and B
// querying a real Postgres, exporting OTLP/protobuf to Orrery's receiver. The graph must
// show exactly those services, that database and those edges.

let db: TestDatabase;
let queue: IngestQueue;
let source: OtlpSource;
let services: InstrumentedServices;

beforeAll(async () => {
  db = await startTestDatabase();
  queue = new IngestQueue();
  const env = parseEnv({ HOST: '127.0.0.1', ORRERY_OTLP_PORT: '0', ORRERY_PAIRING_IDLE_MS: '200' });
  source = await startOtlpSource(env, queue);
  services = await startInstrumentedServices({
    otlpEndpoint: `http://127.0.0.1:${source.port}/v1/traces`,
    databaseUrl: db.url,
  });
}, 120_000);

afterAll(async () => {
  await services?.stop();
  await source?.stop();
  await queue?.stop();
  await db?.stop();
});

describe('instrumented services → Orrery', () => {
  it('draws exactly A → B → Postgres', async () => {
    await services.callA();
    await services.callA();
    await services.callA();
    const { a, b } = services.names;
    const pgAddress = new URL(db.url);

    const graph = await waitFor(
      async () => {
        const g = await loadGraph({ fromMs: Date.now() - 10 * 60_000, toMs: Date.now() + 60_000 });
        const rpc = g.edges.find(
          (e) => e.connectionType === 'rpc' && e.calls >= 3 && e.traces >= 3,
        );
        return rpc && g.edges.some((e) => e.connectionType === 'database') ? g : undefined;
      },
      { timeoutMs: 20_000, what: 'A→B and B→Postgres' },
    );
    const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
    const edges = graph.edges
      .map((e) => `${nodes.get(e.source)!.key} → ${nodes.get(e.target)!.key} (${e.connectionType})`)
      .sort();
    expect(edges).toEqual(
      [
        // A's root server span names its caller by client.address (the test's own request).
        `external:127.0.0.1 → service:${a} (rpc)`,
        `service:${a} → service:${b} (rpc)`,
        `service:${b} → database:postgresql@${pgAddress.hostname}:${pgAddress.port} (database)`,
      ].sort(),
    );
    const rpc = graph.edges.find((e) => nodes.get(e.target)!.key === `service:${b}`)!;
    expect([rpc.calls, rpc.errors, rpc.inferred]).toEqual([3, 0, false]);
    expect(rpc.clientLatency.p50).not.toBeNull();
    expect(rpc.serverLatency.p50).not.toBeNull();
    const dbEdge = graph.edges.find((e) => e.connectionType === 'database')!;
    expect(dbEdge.inferred).toBe(true);
    expect(nodes.get(dbEdge.target)!.kind).toBe('database');
  });
});
