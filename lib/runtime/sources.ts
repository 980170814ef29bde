import type { Env } from '@/lib/env';
import type { IngestQueue } from '@/lib/ingest/ingest-queue';
import { childLogger } from '@/lib/logger';

import { reportCollector } from './health';

// Sources that `npm start` runs besides the OTLP receiver: the demo workload (spans through
// the real OpenTelemetry SDK into our own receiver) and the Docker source (when a socket
// is reachable). Each is optional; a failure to start one is reported, not fatal.

const log = childLogger('sources');

export interface RunningSources {
  stop(): Promise<void>;
}

export async function startOptionalSources(
  env: Env,
  queue: IngestQueue,
  otlpPort: number | undefined,
): Promise<RunningSources> {
  const stops: Array<() => Promise<void>> = [];

  if (env.ORRERY_DEMO !== 'off' && otlpPort !== undefined) {
    const { startDemo } = await import('@/collectors/demo/workload');
    const demo = await startDemo({
      topology: env.ORRERY_DEMO,
      endpoint: `http://127.0.0.1:${otlpPort}/v1/traces`,
      tracesPerSec: env.ORRERY_DEMO_TRACES_PER_SEC,
      seed: 1,
      logger: childLogger('collectors.demo'),
      headers: env.ORRERY_OTLP_TOKEN ? { Authorization: `Bearer ${env.ORRERY_OTLP_TOKEN}` } : undefined,
    });
    reportCollector('demo', 'running', `topology ${env.ORRERY_DEMO}`);
    stops.push(async () => {
      await demo.stop();
      reportCollector('demo', 'stopped');
    });
  } else {
    reportCollector('demo', 'disabled', 'ORRERY_DEMO=off');
  }

  const docker = await startDockerSource(env, queue);
  if (docker) stops.push(docker);

  return {
    stop: async () => {
      for (const stop of stops.reverse()) {
        await stop().catch((err) => log.warn({ err }, 'source failed to stop cleanly'));
      }
    },
  };
}

async function startDockerSource(env: Env, queue: IngestQueue) {
  if (env.ORRERY_DOCKER === 'off') {
    reportCollector('docker', 'disabled', 'ORRERY_DOCKER=off');
    return undefined;
  }
  void queue;
  reportCollector('docker', 'disabled', 'not wired yet');
  return undefined;
}
