import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace';

import { childLogger, type Logger } from '@/lib/logger';

import { CountingExporter } from './counting-exporter';
import { planEndMs, ProviderPool } from './provider-pool';
import { planTrace, type PlanContext } from './trace-plan';
import { buildTopology, DEFAULT_SEED, type TopologyName } from './topologies';
import type { Topology } from './topologies/model';
import { createRandom, deriveSeed, type Random } from './topologies/random';

// The built-in demo: walks a generated topology from its gateways at a steady rate and sends
// the resulting traces through the real OpenTelemetry SDK and OTLP/HTTP protobuf exporter, as
// a real estate of instrumented services would. Now and then one service has an error burst.

export interface DemoOptions {
  topology: TopologyName;
  /** OTLP/HTTP traces URL, e.g. http://127.0.0.1:4318/v1/traces. */
  endpoint: string;
  tracesPerSec?: number;
  seed?: number;
  logger?: Logger;
  /** Extra request headers (an Authorization token); never logged. */
  headers?: Record<string, string>;
}

export interface RunningDemo {
  stop(): Promise<void>;
  /** Traces and spans made so far, and spans the exporter delivered or dropped. */
  stats(): { traces: number; spans: number; exported: number; failed: number };
}

const TICK_MS = 100;
const SPAN_BUDGET = 400;
const BURST_MS = 20_000;

export async function startDemo(options: DemoOptions): Promise<RunningDemo> {
  const log = options.logger ?? childLogger('collectors.demo');
  const tracesPerSec = options.tracesPerSec ?? 15;
  const seed = options.seed ?? DEFAULT_SEED;
  const topology = buildTopology(options.topology, seed);
  const rng = createRandom(deriveSeed(seed, 'workload'));

  const exporter = new CountingExporter(
    new OTLPTraceExporter({ url: options.endpoint, headers: options.headers }),
    log,
  );
  // One second between exports keeps the demo's spans visible within the 2 s the UI promises.
  const processor = new BatchSpanProcessor({
    exporter,
    scheduledDelayMillis: 1000,
    maxQueueSize: 16_384,
    maxExportBatchSize: 2048,
  });
  const pool = new ProviderPool(processor);
  const bursts = burstSchedule(topology, rng, log);
  const ctx: PlanContext = {
    topology,
    byName: new Map(topology.services.map((s) => [s.name, s])),
    rng,
    errorBoost: bursts.boost,
    budget: SPAN_BUDGET,
  };
  const totalWeight = topology.entries.reduce((sum, e) => sum + e.weight, 0);
  const pickEntry = () => {
    let r = rng.next() * totalWeight;
    return topology.entries.find((e) => (r -= e.weight) < 0) ?? topology.entries[0];
  };

  let traces = 0;
  let spans = 0;
  let due = 0;
  let last = Date.now();
  const tick = () => {
    const now = Date.now();
    due = Math.min(due + ((now - last) / 1000) * tracesPerSec, tracesPerSec);
    last = now;
    for (; due >= 1; due--) {
      ctx.budget = SPAN_BUDGET;
      const root = planTrace(ctx, pickEntry());
      // The trace has just finished: its last span ends now.
      spans += pool.emit(root, Date.now() - planEndMs(root));
      traces++;
    }
  };
  const timer = setInterval(tick, TICK_MS);
  log.info(
    { topology: topology.name, services: topology.services.length, tracesPerSec, seed },
    'demo workload started',
  );

  let stopping: Promise<void> | undefined;
  return {
    stats: () => ({
      traces,
      spans,
      exported: exporter.exportedSpans,
      failed: exporter.failedSpans,
    }),
    stop() {
      stopping ??= (async () => {
        clearInterval(timer);
        // Shutdown flushes what is queued; when the endpoint is down that last export fails,
        // which is worth a warning but must not make stopping the demo fail.
        await processor
          .shutdown()
          .catch((err: unknown) => log.warn({ err }, 'demo final flush failed'));
        log.info(
          {
            traces,
            spans,
            exported: exporter.exportedSpans,
            failed: exporter.failedSpans,
            providers: pool.size,
          },
          'demo workload stopped',
        );
      })();
      return stopping;
    },
  };
}

/** Every one to two minutes one mid/leaf service fails about half its requests for 20 s. */
function burstSchedule(topology: Topology, rng: Random, log: Logger) {
  const candidates = topology.services.filter((s) => s.tier === 'mid' || s.tier === 'leaf');
  let service = '';
  let until = 0;
  let next = Date.now() + rng.range(30_000, 60_000);
  return {
    boost(name: string): number {
      const now = Date.now();
      if (now >= next) {
        service = rng.pick(candidates).name;
        until = now + BURST_MS;
        next = now + rng.range(60_000, 120_000);
        log.debug({ service, durationMs: BURST_MS }, 'demo error burst');
      }
      return name === service && now < until ? 0.5 : 0;
    },
  };
}
