import { randomBytes } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { parseEnv } from '@/lib/env';
import { loadGraph } from '@/lib/graph/query';
import { IngestQueue } from '@/lib/ingest/ingest-queue';
import { callAcross, flushAll, shutdownAll, testService } from '@/lib/testing/otel';
import { startTestDatabase, type TestDatabase } from '@/lib/testing/postgres';
import { waitFor } from '@/lib/testing/wait';

import { startOtlpSource, type OtlpSource } from './otlp-source';

// The collector path as `npm start` runs it — real OTel SDK exporter → receiver → pairing
// pipeline → ingest queue → Postgres → window query — and its behaviour while Postgres
// restarts: every accepted batch is stored exactly once, refused requests get 503 with
// Retry-After at once instead of hanging.

let db: TestDatabase;
let queue: IngestQueue;
let source: OtlpSource;
let endpoint: string;

beforeAll(async () => {
  db = await startTestDatabase();
  queue = new IngestQueue();
  const env = parseEnv({
    HOST: '127.0.0.1',
    ORRERY_OTLP_PORT: '0',
    ORRERY_PAIRING_IDLE_MS: '100',
    ORRERY_PAIRING_MAX_AGE_MS: '2000',
  });
  source = await startOtlpSource(env, queue);
  endpoint = `http://127.0.0.1:${source.port}/v1/traces`;
});

afterAll(async () => {
  await source?.stop();
  await queue?.stop();
  await db?.stop();
});

const window = () => ({ fromMs: Date.now() - 10 * 60_000, toMs: Date.now() + 60_000 });

describe('OTLP source into Postgres', () => {
  it('turns real SDK spans into exactly the expected graph', async () => {
    const frontend = testService('frontend', endpoint, { 'service.namespace': 'shop' });
    const customer = testService('customer', endpoint, { 'service.version': '2.1.0' });
    callAcross(frontend, customer);
    callAcross(frontend, customer, { error: true });
    await flushAll(frontend, customer);

    const graph = await waitFor(
      async () => {
        const g = await loadGraph(window());
        return g.edges.some((e) => e.calls === 2) ? g : undefined;
      },
      { what: 'frontend→customer with 2 calls' },
    );
    const names = new Map(graph.nodes.map((n) => [n.id, n.name]));
    expect(graph.nodes.map((n) => [n.name, n.kind, n.group, n.versions]).sort()).toEqual([
      ['customer', 'service', null, ['2.1.0']],
      ['frontend', 'service', 'shop', []],
      ['unknown caller', 'unknown-caller', null, []],
    ]);
    const edges = graph.edges.map((e) => [
      names.get(e.source),
      names.get(e.target),
      e.calls,
      e.errors,
    ]);
    expect(edges.sort()).toEqual([
      ['frontend', 'customer', 2, 1],
      ['unknown caller', 'frontend', 2, 0],
    ]);
    expect(graph.trust.received).toBe(6);
    await shutdownAll(frontend, customer);
  });

  it('pairs a call whose two halves are exported seconds apart by different processes', async () => {
    const caller = testService('late-caller', endpoint);
    const callee = testService('late-callee', endpoint);
    callAcross(caller, callee);
    await flushAll(caller); // the caller's batch goes first …
    await new Promise((r) => setTimeout(r, 2500)); // … far past the 100 ms idle window
    await flushAll(callee);

    const graph = await waitFor(
      async () => {
        const g = await loadGraph(window());
        return g.nodes.some((n) => n.name === 'late-callee') ? g : undefined;
      },
      { what: 'late-callee' },
    );
    const name = new Map(graph.nodes.map((n) => [n.id, n.name]));
    const late = graph.edges
      .filter(
        (e) => name.get(e.source)?.startsWith('late-') || name.get(e.target)?.startsWith('late-'),
      )
      .map((e) => `${name.get(e.source)}→${name.get(e.target)} inferred=${e.inferred}`);
    expect(late.sort()).toEqual([
      'late-caller→late-callee inferred=false',
      'unknown caller→late-caller inferred=true',
    ]);
    await shutdownAll(caller, callee);
  });

  it('stores spans whose names hold NUL or lone surrogates, and keeps ingesting after them', async () => {
    const hostile = oneCall(99);
    const attrs = hostile.resourceSpans[1].resource.attributes;
    attrs[0].value.stringValue = 'nul\u0000callee\ud800';
    attrs.push({ key: 'service.version', value: { stringValue: '1.0\u0000' } });
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(hostile),
    });
    expect(res.status).toBe(200);

    const graph = await waitFor(
      async () => {
        const g = await loadGraph(window());
        return g.nodes.some((n) => n.name.startsWith('nul')) ? g : undefined;
      },
      { what: 'the cleaned service' },
    );
    const callee = graph.nodes.find((n) => n.name.startsWith('nul'))!;
    expect([callee.name, callee.versions]).toEqual(['nul\uFFFDcallee\uFFFD', ['1.0\uFFFD']]);
    expect(queue.databaseFailing).toBe(false);
    expect(queue.dropped).toBe(0);
  });

  it.skipIf(Boolean(process.env.TEST_DATABASE_URL))(
    'stores every accepted batch once while Postgres restarts; refuses with 503 meanwhile',
    async () => {
      const server = db.server!;
      const statuses: number[] = [];
      const send = async (i: number) => {
        const res = await fetch(endpoint, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(oneCall(i)),
          signal: AbortSignal.timeout(5000),
        });
        if (res.status === 503) expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
        statuses.push(res.status);
        return res.status;
      };

      await server.stop();
      // The first wave is accepted into the pipeline; its store fails and is retried.
      const first = await Promise.all([0, 1, 2, 3, 4].map(send));
      expect(first).toEqual([200, 200, 200, 200, 200]);
      await waitFor(() => (queue.databaseFailing ? true : undefined), { what: 'store failure' });
      // While the database is known down, requests are refused at once.
      const second = await Promise.all([5, 6, 7, 8, 9].map(send));
      expect(second).toEqual([503, 503, 503, 503, 503]);

      await server.start();
      await waitFor(() => (queue.databaseFailing ? undefined : true), {
        timeoutMs: 30_000,
        what: 'recovery',
      });
      // Exporters retry refused requests; after recovery they are accepted.
      expect(await Promise.all([5, 6, 7, 8, 9].map(send))).toEqual([200, 200, 200, 200, 200]);

      const calls = await waitFor(
        async () => {
          const g = await loadGraph(window());
          const restart = g.nodes.find((n) => n.name === 'restart-callee');
          const edge = g.edges.find((e) => e.target === restart?.id);
          return edge && edge.calls >= 10 ? edge.calls : undefined;
        },
        { timeoutMs: 20_000, what: '10 stored calls' },
      );
      expect(calls).toBe(10);
      await queue.drained();
      const final = await loadGraph(window());
      const restart = final.nodes.find((n) => n.name === 'restart-callee')!;
      expect(final.edges.filter((e) => e.target === restart.id).map((e) => e.calls)).toEqual([10]);
    },
  );
});

/** OTLP JSON for one client→server call restart-caller → restart-callee, fresh ids. */
function oneCall(i: number) {
  const traceId = randomBytes(16).toString('hex');
  const clientId = randomBytes(8).toString('hex');
  const now = BigInt(Date.now()) * 1_000_000n;
  const span = (id: string, parent: string | undefined, kind: number, offset: bigint) => ({
    traceId,
    spanId: id,
    parentSpanId: parent,
    name: `call ${i}`,
    kind,
    startTimeUnixNano: String(now + offset),
    endTimeUnixNano: String(now + offset + 1_000_000n),
  });
  const resource = (name: string) => ({
    attributes: [{ key: 'service.name', value: { stringValue: name } }],
  });
  return {
    resourceSpans: [
      {
        resource: resource('restart-caller'),
        scopeSpans: [{ spans: [span(clientId, undefined, 3, 0n)] }],
      },
      {
        resource: resource('restart-callee'),
        scopeSpans: [{ spans: [span(randomBytes(8).toString('hex'), clientId, 2, 100n)] }],
      },
    ],
  };
}
