import { describe, expect, it } from 'vitest';

import { deriveTrace } from './derive-trace';
import { edgeList, span, TRACE } from './testing/span-builder';

const topic = { 'messaging.system': 'kafka', 'messaging.destination.name': 'orders' };

describe('deriveTrace: messaging', () => {
  it('producer in A with a consumer child in B gives A->queue->B, never A->B', () => {
    const d = deriveTrace([
      span({ spanId: 'p', service: 'a', kind: 'producer', attributes: topic, durationMs: 2 }),
      span({ spanId: 'c', parentSpanId: 'p', service: 'b', kind: 'consumer', attributes: topic }),
    ]);
    expect(edgeList(d)).toEqual([
      'queue:kafka/orders>service:b messaging',
      'service:a>queue:kafka/orders messaging',
    ]);
    expect(d.nodes.find((n) => n.kind === 'queue')).toEqual({
      key: 'queue:kafka/orders',
      kind: 'queue',
      name: 'orders',
      detail: { 'messaging.system': 'kafka' },
    });
    expect([d.paired, d.unpaired]).toEqual([2, 0]);
  });

  it('fan-out: every consumer gets its edge, the producer one publish', () => {
    const d = deriveTrace([
      span({ spanId: 'p', service: 'a', kind: 'producer', attributes: topic }),
      span({ spanId: 'c1', parentSpanId: 'p', service: 'b', kind: 'consumer', attributes: topic }),
      span({ spanId: 'c2', parentSpanId: 'p', service: 'c', kind: 'consumer' }),
      span({ spanId: 'c3', parentSpanId: 'p', service: 'a', kind: 'consumer', attributes: topic }),
    ]);
    expect(edgeList(d)).toEqual([
      'queue:kafka/orders>service:a messaging',
      'queue:kafka/orders>service:b messaging',
      'queue:kafka/orders>service:c messaging', // c's consumer names no topic: the producer's
      'service:a>queue:kafka/orders messaging',
    ]);
  });

  it('joins a consumer to a producer through a span link, in the trace or another one', () => {
    const other = 'b'.repeat(32);
    const local = deriveTrace([
      span({ spanId: 'p', service: 'a', kind: 'producer', attributes: topic }),
      span({
        spanId: 'c',
        service: 'b',
        kind: 'consumer',
        links: [{ traceId: TRACE, spanId: 'p' }],
      }),
    ]);
    expect(edgeList(local)).toEqual([
      'queue:kafka/orders>service:b messaging',
      'service:a>queue:kafka/orders messaging',
    ]);

    const consumer = span({
      traceId: other,
      spanId: 'c',
      service: 'b',
      kind: 'consumer',
      links: [{ traceId: TRACE, spanId: 'p' }],
    });
    const joined = deriveTrace([consumer], {
      resolveProducer: (traceId, spanId) =>
        traceId === TRACE && spanId === 'p'
          ? {
              node: 'service:a',
              queue: 'queue:kafka/orders',
              queueName: 'orders',
              messagingSystem: 'kafka',
            }
          : undefined,
    });
    expect(edgeList(joined)).toEqual(['queue:kafka/orders>service:b messaging']);
    expect(joined.unresolvedLinks).toBe(0);

    const unjoined = deriveTrace([consumer]);
    expect(unjoined.edges).toEqual([]);
    expect([unjoined.unpaired, unjoined.unresolvedLinks]).toEqual([1, 1]);
  });

  it('without any destination a linked pair is a direct messaging edge', () => {
    const d = deriveTrace([
      span({ spanId: 'p', service: 'a', kind: 'producer' }),
      span({ spanId: 'c', parentSpanId: 'p', service: 'b', kind: 'consumer' }),
    ]);
    expect(edgeList(d)).toEqual(['service:a>service:b messaging']);
  });

  it('reads publish/receive client spans and Brave kafka.topic tags as messaging', () => {
    const d = deriveTrace([
      span({
        spanId: 'p',
        service: 'a',
        kind: 'client',
        attributes: { 'messaging.operation.type': 'publish', 'messaging.destination': 'jobs' },
      }),
      span({
        spanId: 'x',
        service: 'b',
        kind: 'consumer',
        attributes: { 'kafka.topic': 'events' },
      }),
    ]);
    expect(edgeList(d)).toEqual([
      'queue:kafka/events>service:b messaging inferred',
      'service:a>queue:jobs messaging inferred',
    ]);
  });

  it('an unmatched producer or consumer that names nothing is unpaired', () => {
    const d = deriveTrace([
      span({ spanId: 'p', service: 'a', kind: 'producer' }),
      span({ spanId: 'c', service: 'b', kind: 'consumer' }),
    ]);
    expect(d.edges).toEqual([]);
    expect(d.unpaired).toBe(2);
  });
});
