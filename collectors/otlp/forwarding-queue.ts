import { createHttpSink } from '@/collectors/docker/http-sink';
import { IngestQueue } from '@/lib/ingest/ingest-queue';
import type { Logger } from '@/lib/logger';

// For an OTLP collector running as its own process: the same ordered, retrying queue as
// in the app, but its "store" is one POST to the app's /api/ingest. The queue keeps each
// batch (and its id) until the app acknowledges it, so a lost response is never a double
// count; while the app is unreachable the receiver answers 503 and exporters hold their data.

export function createForwardingQueue(options: { appUrl: string; token: string; logger: Logger }) {
  const sink = createHttpSink({ ...options, maxAttempts: 1 });
  return new IngestQueue({
    store: async (batch) => {
      await sink.send(batch);
      return { duplicate: false, newNodeIds: [], newEdgeIds: [], fromMs: 0, toMs: 0 };
    },
  });
}
