import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { decodeOtlpProtobuf } from '@/lib/formats/otlp-protobuf';
import { startTestDatabase, type TestDatabase } from '@/lib/testing/postgres';
import type { NormalizedSpan } from '@/lib/topology/types';

import { startCountingOtlpServer, type CountingOtlpServer } from './counting-otlp-server';
import { startInstrumentedServices } from './instrumented-services';

// Proves the fixture the end-to-end test relies on: real auto-instrumentation in two child
// processes, one request A → B → Postgres, and exactly these spans on the wire. The expected
// attributes document what @opentelemetry/instrumentation-http 0.301 and -pg 0.76 emit.

describe('instrumented services fixture', () => {
  let sink: CountingOtlpServer;
  let db: TestDatabase;
  let spans: NormalizedSpan[] = [];
  const names = { a: 'fixture-a', b: 'fixture-b' };

  beforeAll(async () => {
    [sink, db] = await Promise.all([startCountingOtlpServer(), startTestDatabase()]);
    const services = await startInstrumentedServices({
      otlpEndpoint: sink.endpoint,
      databaseUrl: db.url,
      names,
    });
    try {
      await services.callA();
    } finally {
      await services.stop();
    }
    spans = sink.requests.flatMap((r) => decodeOtlpProtobuf(r.body).spans);
  });
  afterAll(async () => {
    await sink?.close();
    await db?.stop();
  });

  it('sends exactly the spans of one A → B → Postgres request', () => {
    const shape = spans.map((s) => `${s.service} ${s.kind} ${s.name}`).sort();
    const dbName = new URL(db.url).pathname.slice(1);
    expect(shape).toEqual(
      [
        'fixture-a client GET',
        'fixture-a server GET',
        'fixture-b client pg-pool.connect',
        'fixture-b client pg.connect',
        `fixture-b client pg.query:SELECT ${dbName}`,
        'fixture-b server GET',
      ].sort(),
    );
    expect(new Set(spans.map((s) => s.traceId)).size).toBe(1);
  });

  it('links A server → A client → B server → B database client', () => {
    const find = (service: string, kind: string, name?: string) =>
      spans.find(
        (s) => s.service === service && s.kind === kind && (!name || s.name.startsWith(name)),
      )!;
    const aServer = find('fixture-a', 'server');
    const aClient = find('fixture-a', 'client');
    const bServer = find('fixture-b', 'server');
    const query = find('fixture-b', 'client', 'pg.query');
    expect(aServer.parentSpanId).toBeUndefined();
    expect(aClient.parentSpanId).toBe(aServer.spanId);
    expect(bServer.parentSpanId).toBe(aClient.spanId);
    expect(query.parentSpanId).toBe(bServer.spanId);
    expect(aServer.attributes['client.address']).toBe('127.0.0.1');
    expect(aClient.attributes['server.address']).toBe('127.0.0.1');
    expect(aClient.attributes['server.port']).toBe(bServer.attributes['server.port']);
    expect(bServer.attributes['url.path']).toBe('/inventory');
  });

  it('marks the query with system, address, port and database, but no operation name', () => {
    const query = spans.find((s) => s.name.startsWith('pg.query'))!;
    const url = new URL(db.url);
    expect(query.attributes).toEqual({
      'db.system.name': 'postgresql',
      'db.namespace': url.pathname.slice(1),
      'server.address': url.hostname === 'localhost' ? 'localhost' : url.hostname,
      'server.port': Number(url.port),
      'db.query.text': 'SELECT count(*) AS n FROM pg_catalog.pg_class WHERE relkind = $1',
    });
    expect(query.resource['service.name']).toBe('fixture-b');
  });
});
