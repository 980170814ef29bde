import { observationBatchSchema, describeIssues } from '@/lib/ingest/schema';
import type { ObservationBatchWithDocker } from '@/lib/topology/types';

import type { BatchSink } from '../batch-sink';

/** A sink that validates and keeps every batch, and lets a test wait for one it expects. */
export interface RecordingSink extends BatchSink {
  batches: ObservationBatchWithDocker[];
  /** Resolves with the first batch at index >= `fromIndex` (received or future) matching. */
  waitFor(
    predicate: (b: ObservationBatchWithDocker) => boolean,
    options?: { timeoutMs?: number; fromIndex?: number },
  ): Promise<ObservationBatchWithDocker>;
}

export function createRecordingSink(): RecordingSink {
  const batches: ObservationBatchWithDocker[] = [];
  const waiters: Array<{
    predicate: (b: ObservationBatchWithDocker) => boolean;
    resolve: (b: ObservationBatchWithDocker) => void;
  }> = [];
  return {
    batches,
    async send(batch) {
      const parsed = observationBatchSchema.safeParse(batch);
      if (!parsed.success) throw new Error(`invalid batch: ${describeIssues(parsed.error)}`);
      batches.push(structuredClone(batch));
      for (const w of [...waiters]) {
        if (w.predicate(batch)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve(batch);
        }
      }
    },
    waitFor(predicate, { timeoutMs = 15_000, fromIndex = 0 } = {}) {
      const found = batches.slice(fromIndex).find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no matching batch within ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push({
          predicate,
          resolve: (b) => {
            clearTimeout(timer);
            resolve(b);
          },
        });
      });
    },
  };
}
