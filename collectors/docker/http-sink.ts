import type { Logger } from '@/lib/logger';
import type { ObservationBatchWithDocker } from '@/lib/topology/types';

import { backoffMs, sleep, type BatchSink } from './batch-sink';

// Sends batches to a remote Orrery (POST /api/ingest). A retry resends the same batchId, so
// the app stores a batch once even when a response was lost. 4xx other than 429 means the
// batch itself is wrong: retrying cannot help.

export class IngestRejectedError extends Error {}

export interface HttpSinkOptions {
  appUrl: string;
  token: string;
  logger: Logger;
  maxAttempts?: number;
  fetch?: typeof fetch;
}

export function createHttpSink(options: HttpSinkOptions): BatchSink {
  const url = new URL('/api/ingest', options.appUrl).toString();
  const doFetch = options.fetch ?? fetch;
  const maxAttempts = options.maxAttempts ?? 8;
  return {
    async send(batch: ObservationBatchWithDocker) {
      let lastError: unknown;
      for (let attempt = 0; attempt < maxAttempts; attempt++) {
        try {
          const res = await doFetch(url, {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              authorization: `Bearer ${options.token}`,
            },
            body: JSON.stringify(batch),
            signal: AbortSignal.timeout(30_000),
          });
          if (res.ok) return;
          const body = (await res.text()).slice(0, 500);
          if (res.status >= 400 && res.status < 500 && res.status !== 429) {
            throw new IngestRejectedError(
              `ingest rejected batch ${batch.batchId}: HTTP ${res.status} ${body}`,
            );
          }
          lastError = new Error(`HTTP ${res.status}`);
        } catch (err) {
          if (err instanceof IngestRejectedError) throw err;
          lastError = err;
        }
        const waitMs = backoffMs(attempt, 500, 30_000);
        options.logger.warn(
          { batchId: batch.batchId, attempt: attempt + 1, waitMs, err: lastError },
          'ingest failed, retrying',
        );
        await sleep(waitMs);
      }
      throw new Error(`ingest of batch ${batch.batchId} failed after ${maxAttempts} attempts`, {
        cause: lastError,
      });
    },
  };
}
