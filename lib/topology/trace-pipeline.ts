import { randomUUID } from 'node:crypto';

import { childLogger } from '@/lib/logger';

import { cleanText, hasUnstorableText } from './clean-text';
import { deriveTrace } from './derive-trace';
import { producerRefOf } from './derive-rules';
import { ProducerIndex } from './producer-index';
import { Rollup } from './rollup';
import type { DeriveOptions, TraceDerivation } from './trace-derivation';
import type { NormalizedSpan, ObservationBatch } from './types';

// The pairing store. Spans of one trace arrive in any number of requests, in any order; a
// trace is derived only once it has been quiet for `idleMs` (or, if it never goes quiet, at
// `maxAgeMs`), so the graph is the same for every arrival order inside that window. Memory is
// bounded by `maxSpans`: past it the oldest traces are derived early. Whatever a trace lacks
// when the window forces it out (early, at max age, or spans arriving after it was derived)
// is counted as `expired`, apart from spans that are unpaired in a trace that finished.
//
// A quiet trace that is complete is derived at once, so new edges show within about
// `idleMs`. A quiet trace that still lacks a partner — a client call no server answered, a
// server span whose parent is missing, a client naming nothing — is held until no span has
// arrived for `partnerWaitMs`: SDKs batch spans per service (OpenTelemetry's default export
// delay is 5 s), so the other half of a call often comes seconds later from another process.

const log = childLogger('topology.pipeline');

export interface TracePipelineOptions {
  collector: string;
  idleMs: number;
  maxAgeMs: number;
  maxSpans: number;
  groupAttribute: string;
  serviceMap?: Record<string, string>;
  now?: () => number;
  /** Producer spans kept for span-link joins across traces (default 100,000). */
  maxProducers?: number;
  /** How long a producer stays joinable (default 10 × maxAgeMs, at least 1 minute). */
  producerTtlMs?: number;
  /** How long a quiet trace with an unpaired span waits for its partner (default 6 s). */
  partnerWaitMs?: number;
}

interface PendingTrace {
  spans: NormalizedSpan[];
  firstSeenMs: number;
  lastSeenMs: number;
  /** Part of the trace was derived already: its gaps are the window's doing. */
  late: boolean;
  /** Held for a late partner: not looked at again before this, unless a span arrives. */
  holdUntilMs?: number;
}

const MAX_REMEMBERED_TRACES = 100_000;

export class TracePipeline {
  private readonly traces = new Map<string, PendingTrace>();
  private readonly derived = new Map<string, number>(); // trace id -> derived at
  private readonly producers: ProducerIndex;
  private readonly deriveOptions: DeriveOptions;
  private readonly now: () => number;
  private rollup = new Rollup();
  private pending = 0;

  constructor(private readonly options: TracePipelineOptions) {
    this.now = options.now ?? Date.now;
    const ttl = options.producerTtlMs ?? Math.max(options.maxAgeMs * 10, 60_000);
    this.producers = new ProducerIndex(options.maxProducers ?? 100_000, ttl);
    this.deriveOptions = {
      groupAttribute: options.groupAttribute,
      serviceMap: options.serviceMap,
      resolveProducer: (traceId, spanId) => this.producers.get(traceId, spanId),
    };
  }

  get pendingSpans(): number {
    return this.pending;
  }

  add(spans: NormalizedSpan[], rejected = 0): { accepted: number; overflow: boolean } {
    const nowMs = this.now();
    this.rollup.addRejected(rejected, nowMs);
    for (const raw of spans) {
      const span = cleanSpan(raw);
      let trace = this.traces.get(span.traceId);
      if (!trace) {
        trace = {
          spans: [],
          firstSeenMs: nowMs,
          lastSeenMs: nowMs,
          late: this.derived.has(span.traceId),
        };
        this.traces.set(span.traceId, trace);
      }
      trace.spans.push(span);
      trace.lastSeenMs = nowMs;
      trace.holdUntilMs = undefined;
      this.pending += 1;
      if (mayProduce(span)) {
        const ref = producerRefOf(span, this.options.serviceMap);
        if (ref) this.producers.add(span.traceId, span.spanId, ref, nowMs);
      }
    }

    let derivedEarly = 0;
    while (this.pending > this.options.maxSpans && this.traces.size > 0) {
      const [traceId] = this.traces.keys();
      this.derive(traceId, 'full', nowMs);
      derivedEarly += 1;
    }
    if (derivedEarly > 0) {
      log.warn(
        { derivedEarly, pendingSpans: this.pending },
        'pairing store full, derived oldest traces early',
      );
    }
    return { accepted: spans.length, overflow: derivedEarly > 0 };
  }

  /** Derives every trace whose window has closed; returns the batch of what was derived. */
  tick(): ObservationBatch | null {
    const nowMs = this.now();
    for (const [traceId, trace] of [...this.traces]) {
      if (nowMs - trace.firstSeenMs >= this.options.maxAgeMs) {
        this.derive(
          traceId,
          nowMs - trace.lastSeenMs >= this.options.idleMs ? 'old' : 'cut',
          nowMs,
        );
      } else if (nowMs - trace.lastSeenMs >= this.options.idleMs) {
        if (trace.holdUntilMs !== undefined && nowMs < trace.holdUntilMs) continue;
        this.derive(traceId, 'idle', nowMs);
      }
    }
    this.producers.expire(nowMs);
    this.forgetDerived(nowMs);
    return this.takeBatch();
  }

  /** Derives everything still pending (file import, shutdown). */
  flushAll(): ObservationBatch | null {
    const nowMs = this.now();
    for (const traceId of [...this.traces.keys()]) this.derive(traceId, 'flush', nowMs);
    return this.takeBatch();
  }

  /**
   * Why a trace is derived decides whether its gaps are the window's doing (`expired`):
   * 'idle' went quiet (it may wait for a producer link that has not arrived yet), 'old' is
   * quiet and at max age, 'cut' still active at max age, 'full' pushed out by maxSpans.
   */
  private derive(
    traceId: string,
    why: 'idle' | 'old' | 'cut' | 'full' | 'flush',
    nowMs: number,
  ): void {
    const trace = this.traces.get(traceId)!;
    const derivation = deriveTrace(trace.spans, this.deriveOptions);
    if (why === 'idle' && derivation.unresolvedLinks > 0) return;
    if (why === 'idle' && lacksPartner(derivation)) {
      const waitMs = Math.min(this.options.partnerWaitMs ?? 6000, this.options.maxAgeMs);
      if (nowMs - trace.lastSeenMs < waitMs) {
        trace.holdUntilMs = trace.lastSeenMs + waitMs;
        return;
      }
    }

    const expired =
      trace.late ||
      why === 'cut' ||
      why === 'full' ||
      (why === 'old' && derivation.unresolvedLinks > 0);
    this.traces.delete(traceId);
    this.pending -= trace.spans.length;
    this.rollup.addTrace(derivation, expired);
    this.derived.delete(traceId);
    this.derived.set(traceId, nowMs);
    while (this.derived.size > MAX_REMEMBERED_TRACES) {
      this.derived.delete(this.derived.keys().next().value!);
    }
  }

  private forgetDerived(nowMs: number): void {
    const keepMs = Math.max(this.options.idleMs, this.options.maxAgeMs) * 2;
    for (const [traceId, atMs] of this.derived) {
      if (nowMs - atMs < keepMs) break;
      this.derived.delete(traceId);
    }
  }

  private takeBatch(): ObservationBatch | null {
    if (this.rollup.empty) return null;
    const batch = this.rollup.toBatch(randomUUID(), this.options.collector);
    this.rollup = new Rollup();
    return batch;
  }
}

/** A call from a service that no server answered yet, or a span whose partner is missing. */
function lacksPartner(derivation: TraceDerivation): boolean {
  if (derivation.unpaired > 0) return true;
  return derivation.calls.some(
    (c) => c.inferred && c.connectionType === 'rpc' && c.source.startsWith('service:'),
  );
}

/** The span with every string Postgres could not store made storable (see clean-text.ts). */
function cleanSpan(span: NormalizedSpan): NormalizedSpan {
  const dirty =
    hasUnstorableText(span.service) ||
    hasUnstorableText(span.name) ||
    Object.values(span.attributes).some((v) => typeof v === 'string' && hasUnstorableText(v)) ||
    Object.values(span.resource).some((v) => typeof v === 'string' && hasUnstorableText(v)) ||
    Object.keys(span.attributes).some(hasUnstorableText) ||
    Object.keys(span.resource).some(hasUnstorableText);
  if (!dirty) return span;
  const clean = (record: NormalizedSpan['attributes']) =>
    Object.fromEntries(
      Object.entries(record).map(([k, v]) => [
        cleanText(k),
        typeof v === 'string' ? cleanText(v) : v,
      ]),
    );
  return {
    ...span,
    service: cleanText(span.service),
    name: cleanText(span.name),
    attributes: clean(span.attributes),
    resource: clean(span.resource),
  };
}

function mayProduce(span: NormalizedSpan): boolean {
  return (
    span.kind === 'producer' ||
    span.attributes['messaging.operation.type'] !== undefined ||
    span.attributes['messaging.operation'] !== undefined
  );
}
