import { describe, expect, it } from 'vitest';

import { observationBatchSchema } from '@/lib/ingest/schema';

import { deriveTrace } from './derive-trace';
import { emptyHistogram, observe } from './histogram';
import { Rollup } from './rollup';
import { span, T0 } from './testing/span-builder';

const trace = (traceId: string, startTimeMs: number, serverError = false) =>
  deriveTrace([
    span({ traceId, spanId: '1', service: 'a', kind: 'server', startTimeMs, durationMs: 40 }),
    span({
      traceId,
      spanId: '2',
      parentSpanId: '1',
      service: 'a',
      kind: 'client',
      startTimeMs,
      durationMs: 30,
    }),
    span({
      traceId,
      spanId: '3',
      parentSpanId: '2',
      service: 'b',
      kind: 'server',
      startTimeMs,
      durationMs: 20,
      statusError: serverError,
      resource: { 'service.version': traceId },
    }),
    span({
      traceId,
      spanId: '4',
      parentSpanId: '1',
      service: 'a',
      kind: 'client',
      startTimeMs,
      durationMs: 8,
    }),
    span({
      traceId,
      spanId: '5',
      parentSpanId: '4',
      service: 'b',
      kind: 'server',
      startTimeMs,
      durationMs: 5,
    }),
  ]);

describe('Rollup', () => {
  it('adds traces up per 1-minute bucket with histograms, calls per trace and trust', () => {
    const rollup = new Rollup();
    rollup.addTrace(trace('t1', T0 + 1_000));
    rollup.addTrace(trace('t2', T0 + 59_000, true));
    rollup.addTrace(trace('t3', T0 + 61_000), true);
    rollup.addRejected(2, T0 + 5_000);
    const batch = rollup.toBatch('batch-0001', 'otlp-test');
    expect(observationBatchSchema.safeParse(batch).success).toBe(true);

    const ab = batch.edges.filter((e) => e.source === 'service:a');
    const clientLatency = observe(observe(observe(observe(emptyHistogram(), 30), 8), 30), 8);
    const serverLatency = observe(observe(observe(observe(emptyHistogram(), 20), 5), 20), 5);
    const callsPerTrace = [0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
    expect(ab[0]).toEqual({
      bucketStartMs: T0,
      source: 'service:a',
      target: 'service:b',
      connectionType: 'rpc',
      origin: 'traced',
      inferred: false,
      calls: 4,
      errors: 1, // only the first call of t2 failed
      clientErrors: 0,
      writes: 0,
      clientLatency,
      serverLatency,
      traces: 2,
      callsPerTrace,
      sampleTraceId: 't2', // the trace with an error
    });
    expect(ab.map((e) => [e.bucketStartMs, e.calls, e.traces])).toEqual([
      [T0, 4, 2],
      [T0 + 60_000, 2, 1],
    ]);
    expect(batch.trust).toEqual([
      { bucketStartMs: T0, received: 10, paired: 10, unpaired: 0, expired: 0, rejected: 2 },
      { bucketStartMs: T0 + 60_000, received: 5, paired: 5, unpaired: 0, expired: 0, rejected: 0 },
    ]);
    expect(batch.entries).toEqual([
      {
        bucketStartMs: T0,
        node: 'service:a',
        operation: 'op',
        traces: 2,
        depthHist: [0, 2, ...new Array(14).fill(0)],
      },
      {
        bucketStartMs: T0 + 60_000,
        node: 'service:a',
        operation: 'op',
        traces: 1,
        depthHist: [0, 1, ...new Array(14).fill(0)],
      },
    ]);
    expect(batch.nodeBuckets.filter((b) => b.bucketStartMs === T0)).toEqual([
      {
        bucketStartMs: T0,
        node: 'service:a',
        spans: 6,
        traces: 2,
        entryTraces: 2,
        versions: [],
        instances: [],
      },
      {
        bucketStartMs: T0,
        node: 'service:b',
        spans: 4,
        traces: 2,
        entryTraces: 0,
        versions: ['t1', 't2'],
        instances: [],
      },
      {
        bucketStartMs: T0,
        node: 'unknown-caller',
        spans: 0,
        traces: 2,
        entryTraces: 0,
        versions: [],
        instances: [],
      },
    ]);
    // the latest trace decides the node's version, whatever the order traces were added in
    expect(batch.nodes.find((n) => n.key === 'service:b')?.version).toBe('t3');
  });

  it('counts the gaps of a trace cut off by the window as expired', () => {
    const rollup = new Rollup();
    rollup.addTrace(deriveTrace([span({ spanId: '1', service: 'a', kind: 'client' })]), true);
    rollup.addTrace(deriveTrace([span({ spanId: '1', traceId: 'f'.repeat(32), kind: 'client' })]));
    const [trust] = rollup.toBatch('batch-0002', 'c').trust;
    expect(trust).toMatchObject({ received: 2, paired: 0, unpaired: 1, expired: 1 });
  });

  it('gives the same batch whatever order traces are added in', () => {
    const traces = [trace('t3', T0 + 61_000), trace('t1', T0), trace('t2', T0 + 2_000, true)];
    const forward = new Rollup();
    const backward = new Rollup();
    for (const t of traces) forward.addTrace(t);
    for (const t of [...traces].reverse()) backward.addTrace(t);
    expect(forward.toBatch('x-000000', 'c')).toEqual(backward.toBatch('x-000000', 'c'));
  });

  it('keeps absurdly long names inside the ingest schema limits', () => {
    const long = 'x'.repeat(5_000);
    const rollup = new Rollup();
    rollup.addTrace(
      deriveTrace([
        span({
          spanId: '1',
          service: long,
          kind: 'server',
          name: long,
          resource: { 'service.version': long },
        }),
        span({
          spanId: '2',
          parentSpanId: '1',
          service: long,
          kind: 'client',
          attributes: { 'db.system': long, 'server.address': `h${long}`, 'db.namespace': long },
        }),
      ]),
    );
    const batch = rollup.toBatch('batch-0003', 'c');
    expect(observationBatchSchema.safeParse(batch).success).toBe(true);
    expect(batch.nodes.map((n) => n.name.length)).toEqual([513, 256, 14]);
  });
});
