import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createForwardingQueue } from '@/collectors/otlp/forwarding-queue';
import { parseEnv } from '@/lib/env';
import { loadGraph } from '@/lib/graph/query';
import { childLogger } from '@/lib/logger';
import { startOtlpSource, type OtlpSource } from '@/lib/runtime/otlp-source';
import { callAcross, flushAll, shutdownAll, testService } from '@/lib/testing/otel';
import { startTestDatabase, type TestDatabase } from '@/lib/testing/postgres';
import { waitFor } from '@/lib/testing/wait';
import { serviceKey } from '@/lib/topology/node-key';

import { handleIngestRequest } from './ingest-request';

// Two OTLP collectors running apart from the app (as `collectors/otlp/main.ts` runs them),
// each forwarding its rollups over the authenticated ingest API: their counts add up in
// Postgres. The ingest API itself: bearer token, field-naming 400s, idempotent retries.

const TOKEN = 'test-ingest-token-1234';
let db: TestDatabase;
let app: Server;
let appUrl: string;
const collectors: Array<{ source: OtlpSource; queue: ReturnType<typeof createForwardingQueue> }> =
  [];

beforeAll(async () => {
  db = await startTestDatabase();
  app = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const out = await handleIngestRequest({
      authorization: req.headers.authorization ?? null,
      remoteAddress: req.socket.remoteAddress ?? null,
      contentLength: Number(req.headers['content-length'] ?? 0),
      readBody: async () => Buffer.concat(chunks).toString('utf8'),
      token: TOKEN,
    });
    res.writeHead(out.status, { 'content-type': 'application/json', ...out.headers });
    res.end(JSON.stringify(out.body));
  });
  await new Promise<void>((r) => app.listen(0, '127.0.0.1', r));
  appUrl = `http://127.0.0.1:${(app.address() as { port: number }).port}`;
  const env = parseEnv({ HOST: '127.0.0.1', ORRERY_OTLP_PORT: '0', ORRERY_PAIRING_IDLE_MS: '100' });
  for (let i = 0; i < 2; i++) {
    const queue = createForwardingQueue({ appUrl, token: TOKEN, logger: childLogger('test') });
    collectors.push({ queue, source: await startOtlpSource(env, queue) });
  }
});

afterAll(async () => {
  for (const c of collectors) {
    await c.source.stop();
    await c.queue.stop();
  }
  await new Promise((r) => app?.close(r));
  await db?.stop();
});

const post = (body: unknown, token = TOKEN) =>
  fetch(`${appUrl}/api/ingest`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });

describe('collectors as their own processes', () => {
  it('adds up the rollups of two collectors in Postgres', async () => {
    const services = collectors.flatMap(({ source }, i) => {
      const endpoint = `http://127.0.0.1:${source.port}/v1/traces`;
      return [testService(`edge-${i}`, endpoint), testService('ledger', endpoint)];
    });
    callAcross(services[0], services[1]);
    callAcross(services[0], services[1]);
    callAcross(services[2], services[3]);
    await flushAll(...services);

    const graph = await waitFor(
      async () => {
        const g = await loadGraph({ fromMs: Date.now() - 600_000, toMs: Date.now() + 60_000 });
        const ledger = g.nodes.find((n) => n.key === serviceKey('ledger'));
        return ledger && ledger.callsIn === 3 ? g : undefined;
      },
      { what: 'three calls into ledger from two collectors' },
    );
    const name = new Map(graph.nodes.map((n) => [n.id, n.name]));
    const edges = graph.edges.map((e) => `${name.get(e.source)}→${name.get(e.target)}:${e.calls}`);
    expect(edges.sort()).toEqual([
      'edge-0→ledger:2',
      'edge-1→ledger:1',
      'unknown caller→edge-0:2',
      'unknown caller→edge-1:1',
    ]);
    expect(graph.trust.received).toBe(9);
    await shutdownAll(...services);
  });

  it('refuses a wrong token and names the bad field', async () => {
    const batch = {
      batchId: randomUUID(),
      collector: 'remote-test',
      nodes: [],
      edges: [],
      nodeBuckets: [],
      entries: [],
      trust: [
        { bucketStartMs: 60_000, received: 1, paired: 0, unpaired: 0, expired: 0, rejected: 0 },
      ],
    };
    expect((await post(batch, 'wrong-token-000000')).status).toBe(401);

    const bad = { ...batch, trust: [{ ...batch.trust[0], received: -1 }] };
    const refused = await post(bad);
    expect(refused.status).toBe(400);
    expect((await refused.json()).error).toMatch(/^trust\.0\.received: /);

    const nul = { ...batch, nodes: [{ key: 'service:a\u0000b', kind: 'service', name: 'a' }] };
    const refusedNul = await post(nul);
    expect(refusedNul.status).toBe(400);
    expect((await refusedNul.json()).error).toMatch(/^nodes\.0\.key: contains a NUL/);

    expect(await (await post(batch)).json()).toEqual({ stored: true, duplicate: false });
    expect(await (await post(batch)).json()).toEqual({ stored: false, duplicate: true });
  });
});
