import { childLogger } from '@/lib/logger';
import { notifyStored } from '@/lib/runtime/notifier';
import type { ObservationBatchWithDocker } from '@/lib/topology/types';

import { storeBatch } from './store';

// The in-process writer between collectors and Postgres. Batches wait here, in order, until
// they are stored; when Postgres is down each is retried with capped backoff and keeps its
// id, so a batch that did land before a failed acknowledgement is not added twice. While
// the queue is over its bound, `available()` turns false and the receivers answer 503 with
// Retry-After instead of accepting data they could not keep. A batch Postgres refuses for
// its content (a data or constraint error, SQLSTATE class 22/23/42) would fail forever and
// block every batch behind it: it is set aside, logged as an error and counted instead.

const log = childLogger('ingest.queue');

export interface IngestQueueOptions {
  maxBatches?: number;
  store?: typeof storeBatch;
}

export class IngestQueue {
  private readonly pending: ObservationBatchWithDocker[] = [];
  private readonly maxBatches: number;
  private readonly store: typeof storeBatch;
  private running = false;
  private failures = 0;
  private stopped = false;
  private wake?: () => void;
  private idle: Array<() => void> = [];
  stored = 0;
  dropped = 0;
  lastDropReason?: string;

  constructor(options: IngestQueueOptions = {}) {
    this.maxBatches = options.maxBatches ?? 200;
    this.store = options.store ?? storeBatch;
  }

  /** False while the database is failing or the backlog is full. */
  available(): boolean {
    return this.failures === 0 && this.pending.length < this.maxBatches;
  }

  get backlog(): number {
    return this.pending.length;
  }

  get databaseFailing(): boolean {
    return this.failures > 0;
  }

  enqueue(batch: ObservationBatchWithDocker) {
    this.pending.push(batch);
    if (!this.running) void this.run();
    else this.wake?.();
  }

  /** Resolves once every batch enqueued so far is stored. */
  async drained(): Promise<void> {
    if (this.pending.length === 0 && !this.running) return;
    await new Promise<void>((resolve) => this.idle.push(resolve));
  }

  async stop(): Promise<void> {
    if (this.pending.length > 0 && this.failures === 0) await this.drained();
    this.stopped = true;
    this.wake?.();
  }

  private async run() {
    this.running = true;
    while (this.pending.length > 0 && !this.stopped) {
      const batch = this.pending[0];
      try {
        const result = await this.store(batch);
        this.pending.shift();
        this.stored += 1;
        if (this.failures > 0) log.info({ failures: this.failures }, 'database reachable again');
        this.failures = 0;
        notifyStored(result);
      } catch (err) {
        if (isContentError(err)) {
          this.pending.shift();
          this.dropped += 1;
          this.lastDropReason = errorText(err);
          log.error(
            { err, batchId: batch.batchId, dropped: this.dropped },
            'batch refused by the database, set aside',
          );
          continue;
        }
        this.failures += 1;
        const delayMs = Math.min(10_000, 250 * 2 ** Math.min(this.failures - 1, 6));
        if (this.failures === 1 || this.failures % 20 === 0) {
          log.warn(
            { err, failures: this.failures, backlog: this.pending.length },
            'store failed, retrying',
          );
        }
        await new Promise<void>((resolve) => {
          this.wake = resolve;
          setTimeout(resolve, delayMs).unref();
        });
      }
    }
    this.running = false;
    for (const resolve of this.idle.splice(0)) resolve();
  }
}

/** Postgres refused the batch for what it holds, not because it is unreachable. */
export function isContentError(err: unknown): boolean {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && /^(22|23|42)[0-9A-Z]{3}$/.test(code)) return true;
  }
  return false;
}

function errorText(err: unknown): string {
  const parts: string[] = [];
  for (let e: unknown = err; e instanceof Error; e = e.cause) parts.push(e.message);
  return parts.join(': ');
}
