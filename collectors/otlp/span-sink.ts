import type { NormalizedSpan } from '@/lib/topology/types';

/**
 * Where the receiver hands decoded spans. Answering `ok: false` is back-pressure: the receiver
 * turns it into 429 or 503 with Retry-After, which OTLP exporters retry with backoff, so a
 * full pipeline or a database outage slows senders down instead of losing their spans.
 */
export interface SpanSink {
  accept(spans: NormalizedSpan[], rejected: number): AcceptResult;
}

export type AcceptResult =
  { ok: true } | { ok: false; status: 429 | 503; retryAfterSec: number; message: string };
