import { setTimeout as sleep } from 'node:timers/promises';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { decodeOtlpProtobuf } from '@/lib/formats/otlp-protobuf';
import type { NormalizedSpan } from '@/lib/topology/types';

import { startCountingOtlpServer, type CountingOtlpServer } from './testing/counting-otlp-server';
import { buildTopology } from './topologies';
import { startDemo } from './workload';

// Runs the demo through the real OpenTelemetry SDK and OTLP/HTTP protobuf exporter against a
// loopback sink, then decodes every request with Orrery's own protobuf reader.

describe('demo workload through the real SDK', () => {
  let sink: CountingOtlpServer;
  const spans: NormalizedSpan[] = [];
  let made = { traces: 0, spans: 0, exported: 0, failed: 0 };
  let requestsAtStop = 0;
  const topology = buildTopology('hailo', 3);

  beforeAll(async () => {
    sink = await startCountingOtlpServer();
    const demo = await startDemo({
      topology: 'hailo',
      endpoint: sink.endpoint,
      tracesPerSec: 40,
      seed: 3,
    });
    while (demo.stats().traces < 60) await sleep(100);
    await demo.stop();
    made = demo.stats();
    requestsAtStop = sink.requests.length;
    // A quiet period after stop: any timer the demo left running would send within it.
    await sleep(2500);
    for (const r of sink.requests) {
      const decoded = decodeOtlpProtobuf(r.body);
      expect(decoded.rejected).toEqual([]);
      spans.push(...decoded.spans);
    }
  });
  afterAll(() => sink.close());

  it('delivered every span it made as protobuf, and nothing after stop', () => {
    expect(made.spans).toBeGreaterThan(made.traces * 5);
    expect(made.failed).toBe(0);
    expect(made.exported).toBe(made.spans);
    expect(spans).toHaveLength(made.spans);
    expect(new Set(sink.requests.map((r) => r.contentType))).toEqual(
      new Set(['application/x-protobuf']),
    );
    expect(sink.requests.length).toBe(requestsAtStop);
  });

  it('names topology services with namespace, version and instance on every resource', () => {
    const names = new Set(topology.services.map((s) => s.name));
    expect(spans.filter((s) => !names.has(s.service))).toEqual([]);
    const versions = new Map(
      topology.services.map((s) => [s.name, s.instances.map((i) => i.version)]),
    );
    for (const s of spans) {
      expect(versions.get(s.service)).toContain(s.resource['service.version']);
      expect(String(s.resource['service.instance.id']).startsWith(s.service)).toBe(true);
      expect(s.resource['service.namespace']).toBe(
        topology.services.find((t) => t.name === s.service)!.namespace,
      );
    }
  });

  it('keeps every parent and link inside the delivered spans, children within parents', () => {
    const byId = new Map(spans.map((s) => [s.spanId, s]));
    const orphans = spans.filter((s) => s.parentSpanId && !byId.has(s.parentSpanId));
    expect(orphans).toEqual([]);
    const linked = spans.filter((s) => s.links.length > 0);
    expect(linked.length).toBeGreaterThan(0);
    expect(linked.every((s) => s.kind === 'consumer' && s.parentSpanId === undefined)).toBe(true);
    expect(linked.every((s) => byId.get(s.links[0].spanId)?.kind === 'producer')).toBe(true);
    const escaping = spans.filter((s) => {
      const p = s.parentSpanId ? byId.get(s.parentSpanId) : undefined;
      if (!p || s.kind === 'consumer') return false;
      const slack = 0.01; // the wire carries nanoseconds; ms floats round at the last digit
      return (
        s.startTimeMs < p.startTimeMs - slack ||
        s.startTimeMs + s.durationMs > p.startTimeMs + p.durationMs + slack
      );
    });
    expect(escaping).toEqual([]);
  });

  it('pairs every client call with a server span of another service', () => {
    const children = new Map<string, NormalizedSpan[]>();
    for (const s of spans)
      if (s.parentSpanId)
        children.set(s.parentSpanId, [...(children.get(s.parentSpanId) ?? []), s]);
    const calls = spans.filter((s) => s.kind === 'client' && !s.attributes['db.system.name']);
    expect(calls.length).toBeGreaterThan(0);
    const unpaired = calls.filter((c) => {
      const server = children.get(c.spanId)?.[0];
      return !server || server.kind !== 'server' || server.service === c.service;
    });
    expect(unpaired).toEqual([]);
  });

  it('sends database spans with system, address, namespace and writes', () => {
    const db = spans.filter((s) => s.attributes['db.system.name']);
    const keys = [
      'db.system',
      'server.address',
      'server.port',
      'db.namespace',
      'db.operation.name',
    ];
    expect(db.filter((s) => keys.some((k) => s.attributes[k] === undefined))).toEqual([]);
    const ops = new Set(db.map((s) => String(s.attributes['db.operation.name'])));
    expect([...ops].some((o) => ['INSERT', 'UPDATE', 'DELETE', 'SET'].includes(o))).toBe(true);
    const messaging = spans.filter((s) => s.kind === 'producer' || s.kind === 'consumer');
    expect(
      messaging.every(
        (s) =>
          s.attributes['messaging.system'] === 'kafka' &&
          s.attributes['messaging.destination.name'],
      ),
    ).toBe(true);
  });
});
