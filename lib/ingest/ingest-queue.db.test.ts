import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadGraph } from '@/lib/graph/query';
import { startTestDatabase, type TestDatabase } from '@/lib/testing/postgres';
import { serviceKey } from '@/lib/topology/node-key';
import type { ObservationBatchWithDocker } from '@/lib/topology/types';

import { IngestQueue } from './ingest-queue';

// A batch Postgres refuses for its content must not block the batches behind it.

let db: TestDatabase;
beforeAll(async () => {
  db = await startTestDatabase();
});
afterAll(async () => {
  await db?.stop();
});

const T0 = Date.UTC(2026, 11, 3, 12, 0);

function batch(id: string, bucketStartMs: number): ObservationBatchWithDocker {
  return {
    batchId: id,
    collector: 'queue-test',
    nodes: [{ key: serviceKey('q-a'), kind: 'service', name: 'q-a' }],
    edges: [],
    nodeBuckets: [],
    entries: [],
    trust: [{ bucketStartMs, received: 5, paired: 5, unpaired: 0, expired: 0, rejected: 0 }],
  };
}

describe('IngestQueue', () => {
  it('sets aside a batch the database refuses for its content and stores the next', async () => {
    const queue = new IngestQueue();
    queue.enqueue(batch('poison-0001', Number.NaN)); // NULL bucket: a NOT NULL violation
    queue.enqueue(batch('healthy-0001', T0));
    await queue.drained();

    expect([queue.stored, queue.dropped, queue.databaseFailing]).toEqual([1, 1, false]);
    expect(queue.lastDropReason).toMatch(/could not store batch poison-0001: .*null value/);
    const graph = await loadGraph({ fromMs: T0, toMs: T0 + 60_000 });
    expect(graph.trust.received).toBe(5);
    await queue.stop();
  });
});
