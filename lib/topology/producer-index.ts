import type { ProducerRef } from './trace-derivation';

// Producer spans by (trace id, span id), for consumers in other traces that point at them
// with a span link (batch receives cannot use parent/child). Bounded in size and in age:
// a link to a producer older than the window stays unresolved and is counted, not guessed.

export class ProducerIndex {
  // Map iteration is insertion order, and entries are re-inserted on update, so the first
  // entry is always the oldest: eviction and expiry only ever look at the front.
  private readonly entries = new Map<string, { ref: ProducerRef; atMs: number }>();

  constructor(
    private readonly maxEntries: number,
    private readonly ttlMs: number,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  add(traceId: string, spanId: string, ref: ProducerRef, atMs: number): void {
    const key = `${traceId}:${spanId}`;
    this.entries.delete(key);
    this.entries.set(key, { ref, atMs });
    while (this.entries.size > this.maxEntries) {
      this.entries.delete(this.entries.keys().next().value!);
    }
  }

  get(traceId: string, spanId: string): ProducerRef | undefined {
    return this.entries.get(`${traceId}:${spanId}`)?.ref;
  }

  expire(nowMs: number): void {
    for (const [key, entry] of this.entries) {
      if (nowMs - entry.atMs < this.ttlMs) break;
      this.entries.delete(key);
    }
  }
}
