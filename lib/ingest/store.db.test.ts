import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { pool } from '@/lib/db/pool';
import { loadGraph } from '@/lib/graph/query';
import { startTestDatabase, type TestDatabase } from '@/lib/testing/postgres';
import { nodeId, serviceKey } from '@/lib/topology/node-key';
import {
  LATENCY_BUCKETS,
  type EdgeObservation,
  type ObservationBatchWithDocker,
} from '@/lib/topology/types';

import { storeBatch } from './store';

const T0 = Date.UTC(2026, 11, 3, 12, 0);
const A = serviceKey('frontend');
const B = serviceKey('customer');

function hist(bucket: number, n: number) {
  const counts = new Array(LATENCY_BUCKETS).fill(0);
  counts[bucket] = n;
  return { counts, sumMs: n * 12 };
}

function edge(over: Partial<EdgeObservation> = {}): EdgeObservation {
  return {
    bucketStartMs: T0,
    source: A,
    target: B,
    connectionType: 'rpc',
    origin: 'traced',
    inferred: false,
    calls: 3,
    errors: 1,
    clientErrors: 0,
    writes: 0,
    traces: 3,
    serverLatency: hist(7, 3), // bucket (10, 15] ms
    ...over,
  };
}

function batch(id: string, edges: EdgeObservation[]): ObservationBatchWithDocker {
  return {
    batchId: id,
    collector: 'test',
    nodes: [
      { key: A, kind: 'service', name: 'frontend', group: 'shop' },
      { key: B, kind: 'service', name: 'customer' },
    ],
    edges,
    nodeBuckets: [
      {
        bucketStartMs: T0,
        node: B,
        spans: 3,
        traces: 3,
        entryTraces: 0,
        versions: ['1.0'],
        instances: ['b-1'],
      },
    ],
    entries: [],
    trust: [{ bucketStartMs: T0, received: 6, paired: 6, unpaired: 0, expired: 0, rejected: 0 }],
  };
}

let db: TestDatabase;
beforeAll(async () => {
  db = await startTestDatabase();
});
afterAll(async () => {
  await db?.stop();
});

describe('storeBatch against a real Postgres', () => {
  it('stores a batch and reads it back as the window graph', async () => {
    const result = await storeBatch(batch('batch-0001', [edge()]));
    expect(result.duplicate).toBe(false);
    expect(result.newNodeIds.sort()).toEqual([nodeId(A), nodeId(B)].sort());
    expect(result.newEdgeIds).toEqual([`${nodeId(A)}>${nodeId(B)}>rpc`]);

    const graph = await loadGraph({ fromMs: T0, toMs: T0 + 60_000 });
    expect(graph.nodes.map((n) => [n.name, n.group, n.versions]).sort()).toEqual([
      ['customer', null, ['1.0']],
      ['frontend', 'shop', []],
    ]);
    expect(graph.edges).toHaveLength(1);
    const [e] = graph.edges;
    expect([e.calls, e.errors, e.traces, e.ratePerSec]).toEqual([3, 1, 3, 0.05]);
    expect(e.serverLatency.p50).toBe(12.5);
    expect(graph.trust.received).toBe(6);
  });

  it('stores a retried batch once', async () => {
    const again = await storeBatch(batch('batch-0001', [edge()]));
    expect(again.duplicate).toBe(true);
    const graph = await loadGraph({ fromMs: T0, toMs: T0 + 60_000 });
    expect(graph.edges[0].calls).toBe(3);
  });

  it('adds up concurrent batches from several collectors', async () => {
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        storeBatch(batch(`batch-c${i}`, [edge({ calls: 2, errors: 0 })])),
      ),
    );
    const graph = await loadGraph({ fromMs: T0, toMs: T0 + 60_000 });
    expect(graph.edges[0].calls).toBe(3 + 16);
    expect(graph.edges[0].errors).toBe(1);
    expect(graph.trust.received).toBe(6 * 9);
  });

  it('writes nothing of a batch that fails half-way', async () => {
    // The trust row is written last; a NULL bucket violates its NOT NULL constraint after the
    // nodes and edges of the same batch were already inserted in the transaction.
    const bad = batch('batch-bad1', [edge({ calls: 5 }), edge({ target: serviceKey('x') })]);
    bad.trust[0].bucketStartMs = Number.NaN;
    await expect(storeBatch(bad)).rejects.toThrow(/could not store batch batch-bad1/);
    const ids = await pool().query("SELECT id FROM ingest_batch WHERE id = 'batch-bad1'");
    expect(ids.rowCount).toBe(0);
    const graph = await loadGraph({ fromMs: T0, toMs: T0 + 60_000 });
    expect(graph.edges.map((e) => e.calls)).toEqual([19]);
    const x = await pool().query("SELECT 1 FROM node WHERE key = 'service:x'");
    expect(x.rowCount).toBe(0);
  });
});

describe('container state across windows', () => {
  it('shows a container only in windows it existed in', async () => {
    const now = Date.now();
    await storeBatch({
      ...batch('batch-docker1', []),
      trust: [],
      nodeBuckets: [],
      docker: {
        host: 'host-a',
        full: true,
        removed: [],
        declared: [{ containerId: 'c-1', source: B, target: A, connectionType: 'rpc', via: 'env' }],
        containers: [
          {
            id: 'c-1',
            name: 'shop-customer-1',
            node: B,
            image: 'shop/customer',
            tag: '2.0',
            state: 'running',
            networks: [{ name: 'shop_back', ips: ['10.0.0.5'], aliases: ['customer'] }],
            mounts: [],
          },
        ],
      },
    });
    const current = await loadGraph({ fromMs: now - 60_000, toMs: now + 60_000 });
    const customer = current.nodes.find((n) => n.key === B)!;
    expect(customer.containers.map((c) => [c.name, c.tag, c.state])).toEqual([
      ['shop-customer-1', '2.0', 'running'],
    ]);
    expect(current.edges.map((e) => [e.origins, e.declared.map((d) => d.via)])).toEqual([
      [['declared'], ['env']],
    ]);

    const past = await loadGraph({ fromMs: now - 3 * 3_600_000, toMs: now - 2 * 3_600_000 });
    expect(past.nodes.flatMap((n) => n.containers)).toEqual([]);
    expect(past.edges.filter((e) => e.origins.includes('declared'))).toEqual([]);
  });
});
