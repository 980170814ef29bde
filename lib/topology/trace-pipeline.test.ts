import { describe, expect, it } from 'vitest';

import { shuffled, span, T0 } from './testing/span-builder';
import { TracePipeline } from './trace-pipeline';
import type { NormalizedSpan, ObservationBatch } from './types';

function pipeline(overrides: { maxSpans?: number } = {}) {
  const clock = { nowMs: T0 };
  const instance = new TracePipeline({
    collector: 'test',
    idleMs: 1_000,
    maxAgeMs: 10_000,
    maxSpans: overrides.maxSpans ?? 10_000,
    groupAttribute: 'service.namespace',
    now: () => clock.nowMs,
  });
  return { instance, clock };
}

const TRACE_IDS = ['1', '2', '3', '4'].map((c) => c.repeat(32));

/** Four traces: gateway -> orders -> (pg, queue -> billing), some errors, one lost span. */
function corpus(): NormalizedSpan[] {
  return TRACE_IDS.flatMap((traceId, i) => [
    span({ traceId, spanId: 'r', service: 'gateway', kind: 'server', startTimeMs: T0 + i }),
    span({ traceId, spanId: 'c', parentSpanId: 'r', service: 'gateway', kind: 'client' }),
    span({
      traceId,
      spanId: 's',
      parentSpanId: 'c',
      service: 'orders',
      kind: 'server',
      statusError: i === 2,
    }),
    span({
      traceId,
      spanId: 'd',
      parentSpanId: 's',
      service: 'orders',
      kind: 'client',
      attributes: { 'db.system': 'postgresql', 'server.address': 'pg', 'db.statement': 'UPDATE t' },
    }),
    span({
      traceId,
      spanId: 'p',
      parentSpanId: 's',
      service: 'orders',
      kind: 'producer',
      attributes: { 'messaging.system': 'rabbitmq', 'messaging.destination.name': 'invoices' },
    }),
    span({
      traceId,
      spanId: 'k',
      parentSpanId: i === 3 ? 'lost' : 'p',
      service: 'billing',
      kind: 'consumer',
      attributes: { 'messaging.system': 'rabbitmq', 'messaging.destination.name': 'invoices' },
    }),
  ]);
}

function withoutId(batch: ObservationBatch | null) {
  expect(batch).not.toBeNull();
  const { batchId, ...rest } = batch!;
  expect(batchId).toMatch(/^[0-9a-f-]{36}$/);
  return rest;
}

describe('TracePipeline', () => {
  it('derives a trace once it is idle and not before', () => {
    const { instance, clock } = pipeline();
    instance.add(corpus().slice(0, 3));
    expect(instance.pendingSpans).toBe(3);
    clock.nowMs += 999;
    expect(instance.tick()).toBeNull();
    clock.nowMs += 1;
    const batch = instance.tick()!;
    expect(batch.collector).toBe('test');
    expect(batch.edges.map((e) => `${e.source}>${e.target}`)).toEqual([
      'service:gateway>service:orders',
      'unknown-caller>service:gateway',
    ]);
    expect(instance.pendingSpans).toBe(0);
    expect(instance.tick()).toBeNull();
  });

  it('gives the same batch for any arrival order split across several add calls', () => {
    const reference = pipeline();
    reference.instance.add(corpus());
    const expected = withoutId(reference.instance.flushAll());
    expect(
      expected.edges.map((e) => `${e.source}>${e.target} ${e.calls}/${e.errors}/${e.writes}`),
    ).toEqual([
      'queue:rabbitmq/invoices>service:billing 4/0/0',
      'service:gateway>service:orders 4/1/0',
      'service:orders>database:postgresql@pg 4/0/4',
      'service:orders>queue:rabbitmq/invoices 4/0/0',
      'unknown-caller>service:gateway 4/0/0',
    ]);
    expect(expected.trust).toEqual([
      { bucketStartMs: T0, received: 24, paired: 23, unpaired: 1, expired: 0, rejected: 0 },
    ]);

    for (let seed = 1; seed <= 12; seed++) {
      const { instance, clock } = pipeline();
      const spans = shuffled(corpus(), seed);
      const cuts = [0, 5, 11, 17, spans.length];
      for (let i = 0; i < cuts.length - 1; i++) {
        instance.add(spans.slice(cuts[i], cuts[i + 1]));
        clock.nowMs += 300; // within the idle window
      }
      clock.nowMs += 1_000;
      // One trace lost a span: quiet, but held for a late partner until 6 s after its last span.
      const early = instance.tick();
      expect(early?.trust[0].received ?? 0).toBeLessThan(24);
      clock.nowMs += 5_000;
      if (early) {
        const rest = withoutId(instance.tick());
        expect(rest.trust[0].received + early.trust[0].received).toBe(24);
        continue;
      }
      expect(withoutId(instance.tick())).toEqual(expected);
    }
  });

  it('counts rejected spans and derives the oldest traces early when full', () => {
    const { instance, clock } = pipeline({ maxSpans: 8 });
    const spans = corpus();
    expect(instance.add(spans.slice(0, 2), 3)).toEqual({ accepted: 2, overflow: false });
    clock.nowMs += 10;
    // traces 1 (2 of its 6 spans) and 2 are pushed out when traces 2 and 3 arrive
    expect(instance.add(spans.slice(6, 18))).toEqual({ accepted: 12, overflow: true });
    expect(instance.pendingSpans).toBe(6);
    const batch = instance.flushAll()!;
    // trace 1's client span lost its server to the bound: expired, not unpaired
    expect(batch.trust).toEqual([
      { bucketStartMs: T0, received: 14, paired: 13, unpaired: 0, expired: 1, rejected: 3 },
    ]);
  });

  it('holds a quiet trace whose client has no server yet, and pairs the late server span', () => {
    const { instance, clock } = pipeline();
    const spans = corpus();
    instance.add(spans.slice(0, 2)); // gateway's server and client spans, no orders span yet
    clock.nowMs += 4_000; // quiet, but an SDK may still be batching the other half
    expect(instance.tick()).toBeNull();
    instance.add(spans.slice(2, 3)); // orders' server span, 4 s late
    clock.nowMs += 1_000;
    const batch = instance.tick()!;
    expect(batch.edges.map((e) => `${e.source}>${e.target} ${e.inferred}`)).toEqual([
      'service:gateway>service:orders false',
      'unknown-caller>service:gateway true',
    ]);
    expect(batch.trust[0]).toMatchObject({ received: 3, paired: 3, unpaired: 0, expired: 0 });
  });

  it('counts spans that arrive after their trace was derived as expired', () => {
    const { instance, clock } = pipeline();
    const spans = corpus();
    instance.add(spans.slice(0, 2));
    clock.nowMs += 6_000; // past the partner wait: the client becomes a virtual edge
    instance.tick();
    instance.add(spans.slice(2, 3)); // orders' server span, its client already derived
    clock.nowMs += 6_000;
    expect(instance.tick()!.trust).toEqual([
      { bucketStartMs: T0, received: 1, paired: 0, unpaired: 0, expired: 1, rejected: 0 },
    ]);
  });

  it('joins a consumer to a producer of another trace that arrives later, within max age', () => {
    const { instance, clock } = pipeline();
    const [producerTrace, consumerTrace] = TRACE_IDS;
    instance.add([
      span({
        traceId: consumerTrace,
        spanId: 'k',
        service: 'billing',
        kind: 'consumer',
        links: [{ traceId: producerTrace, spanId: 'p' }],
      }),
    ]);
    clock.nowMs += 2_000;
    expect(instance.tick()).toBeNull(); // idle, but its producer may still come: it waits
    instance.add([
      span({
        traceId: producerTrace,
        spanId: 'p',
        service: 'orders',
        kind: 'producer',
        attributes: { 'messaging.destination.name': 'invoices' },
      }),
    ]);
    clock.nowMs += 1_000;
    const batch = instance.tick()!;
    expect(batch.edges.map((e) => `${e.source}>${e.target} ${e.inferred}`)).toEqual([
      'queue:invoices>service:billing false',
      'service:orders>queue:invoices true',
    ]);
  });

  it('gives up on an unresolved link at max age and counts it as expired', () => {
    const { instance, clock } = pipeline();
    instance.add([
      span({
        spanId: 'k',
        service: 'billing',
        kind: 'consumer',
        links: [{ traceId: TRACE_IDS[0], spanId: 'p' }],
      }),
    ]);
    clock.nowMs += 9_999;
    expect(instance.tick()).toBeNull();
    clock.nowMs += 1;
    expect(instance.tick()!.trust[0]).toMatchObject({ received: 1, unpaired: 0, expired: 1 });
  });
});
