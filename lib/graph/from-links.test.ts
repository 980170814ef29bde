import { describe, expect, it } from 'vitest';

import { nodeId } from '@/lib/topology/node-key';
import {
  CALLS_PER_TRACE_BUCKETS,
  DEPTH_BUCKETS,
  LATENCY_BUCKETS,
  type EdgeObservation,
  type ObservationBatchWithDocker,
} from '@/lib/topology/types';

import { graphFromBatch } from './from-links';

const T0 = Date.UTC(2025, 0, 1, 12);

function edge(bucketStartMs: number, extra: Partial<EdgeObservation> = {}): EdgeObservation {
  return {
    bucketStartMs,
    source: 'service:web',
    target: 'database:postgresql@pg',
    connectionType: 'database',
    origin: 'traced',
    inferred: false,
    calls: 10,
    errors: 1,
    clientErrors: 0,
    writes: 4,
    traces: 5,
    ...extra,
  };
}

describe('graphFromBatch', () => {
  it('sums buckets into one edge and fills nodes, containers and declared evidence', () => {
    const latency = { counts: new Array(LATENCY_BUCKETS).fill(0), sumMs: 300 };
    latency.counts[12] = 10; // <= 100 ms
    const cpt = new Array(CALLS_PER_TRACE_BUCKETS).fill(0);
    cpt[1] = 3; // 2 calls per trace
    cpt[6] = 2; // 10
    const batch: ObservationBatchWithDocker = {
      batchId: 'batch-0001',
      collector: 'test',
      nodes: [
        { key: 'service:web', kind: 'service', name: 'web', version: '1.0', instanceId: 'w1' },
      ],
      edges: [
        edge(T0, { sampleTraceId: 'aa', clientLatency: latency, callsPerTrace: cpt }),
        edge(T0 + 60_000, { calls: 30, errors: 2, writes: 0, traces: 7 }),
      ],
      nodeBuckets: [
        {
          bucketStartMs: T0,
          node: 'service:web',
          spans: 40,
          traces: 12,
          entryTraces: 12,
          versions: ['1.1'],
          instances: ['w2'],
        },
      ],
      entries: [
        {
          bucketStartMs: T0,
          node: 'service:web',
          operation: 'GET /',
          traces: 3,
          depthHist: new Array(DEPTH_BUCKETS).fill(1),
        },
        {
          bucketStartMs: T0 + 60_000,
          node: 'service:web',
          operation: 'GET /',
          traces: 2,
          depthHist: new Array(DEPTH_BUCKETS).fill(2),
        },
      ],
      trust: [{ bucketStartMs: T0, received: 5, paired: 4, unpaired: 1, expired: 0, rejected: 0 }],
      docker: {
        host: 'compose:shop',
        full: true,
        removed: [],
        containers: [
          {
            id: 'c1',
            name: 'shop-web-1',
            node: 'service:web',
            image: 'web',
            tag: '1',
            state: 'declared',
            networks: [],
            mounts: [],
          },
        ],
        declared: [
          {
            containerId: 'c1',
            source: 'service:web',
            target: 'database:postgresql@pg',
            connectionType: 'database',
            via: 'env',
            detail: { variable: 'DATABASE_URL', database: 'shop' },
          },
        ],
      },
    };
    const graph = graphFromBatch(batch);
    const web = nodeId('service:web');
    const pg = nodeId('database:postgresql@pg');
    expect(graph.window).toEqual({ fromMs: T0, toMs: T0 + 120_000 });
    expect(graph.edges).toHaveLength(1);
    const e = graph.edges[0];
    expect({
      ...e,
      latency: undefined,
      clientLatency: undefined,
      serverLatency: undefined,
    }).toEqual({
      id: `${web}>${pg}>database`,
      source: web,
      target: pg,
      connectionType: 'database',
      origins: ['traced', 'declared'],
      inferred: false,
      calls: 40,
      ratePerSec: 40 / 120,
      errors: 3,
      errorRate: 3 / 40,
      clientErrors: 0,
      writes: 4,
      traces: 12,
      callsPerTraceMedian: 2,
      sampleTraceId: 'aa',
      declared: [{ via: 'env', detail: { variable: 'DATABASE_URL', database: 'shop' } }],
      latency: undefined,
      clientLatency: undefined,
      serverLatency: undefined,
    });
    // Interpolated inside the (75, 100] ms bucket, as /api/graph computes it.
    expect(e.clientLatency).toEqual({ p50: 87.5, p95: 98.75, p99: 99.75, meanMs: 30 });
    const node = graph.nodes.find((n) => n.id === web)!;
    expect([node.versions, node.instances, node.spans, node.traces, node.origins.sort()]).toEqual([
      ['1.0', '1.1'],
      ['w1', 'w2'],
      40,
      12,
      ['declared', 'traced'],
    ]);
    expect(node.containers.map((c) => c.name)).toEqual(['shop-web-1']);
    const db = graph.nodes.find((n) => n.id === pg)!;
    expect([db.kind, db.name, db.callsIn, db.errorRate]).toEqual([
      'database',
      'postgresql@pg',
      40,
      3 / 40,
    ]);
    expect(graph.entries).toEqual([
      { node: web, operation: 'GET /', traces: 5, depthHist: new Array(DEPTH_BUCKETS).fill(3) },
    ]);
    expect(graph.trust).toEqual({ received: 5, paired: 4, unpaired: 1, expired: 0, rejected: 0 });
  });
});
