import type { ObservationBatchWithDocker } from '@/lib/topology/types';

/** Where a collector hands its batches: in-process storage, or the app over HTTP. */
export interface BatchSink {
  /** Resolves once the batch is stored; rejects when it could not be (the caller retries). */
  send(batch: ObservationBatchWithDocker): Promise<void>;
}

/** Capped exponential backoff with jitter: 250 ms, 500 ms, 1 s, … up to `capMs`. */
export function backoffMs(attempt: number, baseMs = 250, capMs = 10_000): number {
  const exp = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt));
  return Math.round(exp / 2 + Math.random() * (exp / 2));
}

export const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
