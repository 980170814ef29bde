import { setTimeout as sleep } from 'node:timers/promises';

import { describe, expect, it } from 'vitest';

import { decodeOtlpProtobuf } from '@/lib/formats/otlp-protobuf';
import { graphFromBatch } from '@/lib/graph/from-links';
import { evaluateSmells } from '@/lib/smells/evaluate-smells';
import { summarize } from '@/lib/smells/testing/build-graph';
import { TracePipeline } from '@/lib/topology/trace-pipeline';

import { startCountingOtlpServer } from './testing/counting-otlp-server';
import { seededSmells } from './topologies';
import { startDemo } from './workload';

// The whole path a user sees, minus Postgres: demo spans through the real SDK and exporter,
// Orrery's protobuf reader, trace derivation, and the smell engine with default thresholds.
// It must find exactly the smells the topology seeds, on exactly the seeded services.

// Larger topologies need more traces before their rarely reached services show up.
const TRACES = { hailo: 2000, gilt: 6000, netflix: 6000, twitter: 3000 } as const;

describe('demo smells through derivation', () => {
  it.each(Object.entries(TRACES) as Array<[keyof typeof TRACES, number]>)(
    'finds exactly the four seeded smells of %s',
    { timeout: 240_000 },
    async (topology, traces) => {
      const sink = await startCountingOtlpServer();
      const demo = await startDemo({ topology, endpoint: sink.endpoint, tracesPerSec: 600 });
      while (demo.stats().traces < traces) await sleep(100);
      await demo.stop();
      await sink.close();

      const pipeline = new TracePipeline({
        collector: 'demo-test',
        idleMs: 1000,
        maxAgeMs: 30_000,
        maxSpans: 2_000_000,
        groupAttribute: 'service.namespace',
      });
      for (const r of sink.requests) pipeline.add(decodeOtlpProtobuf(r.body).spans);
      const graph = graphFromBatch(pipeline.flushAll()!);
      const findings = summarize(graph, evaluateSmells(graph));
      const seeded = seededSmells(topology);

      expect(findings.map((f) => f.code).sort()).toEqual(
        ['central-broker', 'cyclic-dependency', 'shared-persistence', 'version-skew'].sort(),
      );
      const byCode = (code: string) => findings.find((f) => f.code === code)!;
      expect([...byCode('shared-persistence').services].sort()).toEqual(
        seeded.sharedDatabase.services,
      );
      expect(byCode('shared-persistence').severity).toBe('high');
      expect([...byCode('cyclic-dependency').services].sort()).toEqual(
        [...seeded.cycle.services].sort(),
      );
      expect(byCode('version-skew').services).toEqual([seeded.versionRollout.service]);
      // Rarely reached services may not have used the broker yet; none outside the list has.
      const brokerUsers = byCode('central-broker').services;
      expect(brokerUsers.filter((s) => !seeded.centralBroker.services.includes(s))).toEqual([]);
      expect(brokerUsers.length).toBeGreaterThan(seeded.centralBroker.services.length / 2);
    },
  );
});
