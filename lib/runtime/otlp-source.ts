import { randomUUID } from 'node:crypto';

import { createOtlpReceiver } from '@/collectors/otlp/receiver';
import type { AcceptResult, SpanSink } from '@/collectors/otlp/span-sink';
import { parseServiceMap } from '@/lib/docker/parse-service-map';
import type { Env } from '@/lib/env';

import { childLogger } from '@/lib/logger';
import { TracePipeline } from '@/lib/topology/trace-pipeline';
import type { NormalizedSpan, ObservationBatch } from '@/lib/topology/types';

import { reportCollector, updateCollectorStats } from './health';

// The OTLP collector as it runs inside `npm start`: receiver → pairing pipeline → ingest
// queue. The pipeline is ticked often so a span is in Postgres, and on screen, about one
// idle period after its trace goes quiet. Back-pressure flows the other way: a failing
// database or a full pairing store turns into 503/429 with Retry-After at the receiver.

const log = childLogger('collectors.otlp');
const TICK_MS = 200;

export interface OtlpSource {
  port: number;
  pipeline: TracePipeline;
  stop(): Promise<void>;
}

export function createPipeline(env: Env, collector: string): TracePipeline {
  return new TracePipeline({
    collector,
    idleMs: env.ORRERY_PAIRING_IDLE_MS,
    maxAgeMs: env.ORRERY_PAIRING_MAX_AGE_MS,
    maxSpans: env.ORRERY_PAIRING_MAX_SPANS,
    partnerWaitMs: env.ORRERY_PAIRING_PARTNER_WAIT_MS,
    groupAttribute: env.ORRERY_GROUP_ATTRIBUTE,
    serviceMap: parseServiceMap(env.ORRERY_SERVICE_MAP),
  });
}

/** Where the OTLP source puts derived batches: the local store queue, or a forwarder. */
export interface BatchQueue {
  enqueue(batch: ObservationBatch): void;
  available(): boolean;
  readonly databaseFailing: boolean;
  readonly backlog: number;
}

export async function startOtlpSource(env: Env, queue: BatchQueue): Promise<OtlpSource> {
  const collector = `otlp-${randomUUID().slice(0, 8)}`;
  const pipeline = createPipeline(env, collector);
  let received = 0;

  const sink: SpanSink = {
    accept(spans: NormalizedSpan[], rejected: number): AcceptResult {
      if (queue.databaseFailing) {
        return { ok: false, status: 503, retryAfterSec: 5, message: 'storage unavailable' };
      }
      if (
        !queue.available() ||
        pipeline.pendingSpans + spans.length > env.ORRERY_OTLP_MAX_PENDING_SPANS
      ) {
        return { ok: false, status: 429, retryAfterSec: 2, message: 'ingest backlog is full' };
      }
      pipeline.add(spans, rejected);
      received += spans.length;
      return { ok: true };
    },
  };

  const receiver = createOtlpReceiver({
    host: env.ORRERY_OTLP_HOST ?? env.HOST,
    port: env.ORRERY_OTLP_PORT,
    maxBodyBytes: env.ORRERY_OTLP_MAX_BODY_BYTES,
    token: env.ORRERY_OTLP_TOKEN,
    sink,
    logger: log,
  });
  const { port } = await receiver.start();

  const timer = setInterval(() => {
    const batch = pipeline.tick();
    if (batch) queue.enqueue(batch);
    updateCollectorStats('otlp', {
      port,
      received,
      pendingSpans: pipeline.pendingSpans,
      backlogBatches: queue.backlog,
    });
  }, TICK_MS);
  timer.unref();

  reportCollector('otlp', 'running', `OTLP/HTTP on port ${port}, path /v1/traces`);
  log.info({ port }, 'OTLP receiver listening');

  return {
    port,
    pipeline,
    stop: async () => {
      clearInterval(timer);
      await receiver.stop();
      const rest = pipeline.flushAll();
      if (rest) queue.enqueue(rest);
      reportCollector('otlp', 'stopped');
    },
  };
}
