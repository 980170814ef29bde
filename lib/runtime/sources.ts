import type { Env } from '@/lib/env';
import type { IngestQueue } from '@/lib/ingest/ingest-queue';
import { childLogger } from '@/lib/logger';

import { storeBatch } from '@/lib/ingest/store';

import { reportCollector } from './health';
import { notifyStored } from './notifier';
import { parseServiceMap } from '@/lib/docker/parse-service-map';

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
      headers: env.ORRERY_OTLP_TOKEN
        ? { Authorization: `Bearer ${env.ORRERY_OTLP_TOKEN}` }
        : undefined,
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
  const { dockerFromHost } = await import('@/collectors/docker/docker-from-host');
  const { createDockerCollector } = await import('@/collectors/docker/docker-collector');
  const docker = dockerFromHost(env.DOCKER_HOST);
  const where = env.DOCKER_HOST ?? 'unix:///var/run/docker.sock';
  try {
    await Promise.race([
      docker.ping(),
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error('no answer in 2 s')), 2000).unref(),
      ),
    ]);
  } catch (err) {
    const detail = `no Docker Engine at ${where} (${(err as Error).message})`;
    if (env.ORRERY_DOCKER === 'on') log.warn({ err }, 'Docker source could not reach the Engine');
    reportCollector('docker', env.ORRERY_DOCKER === 'on' ? 'degraded' : 'disabled', detail);
    if (env.ORRERY_DOCKER === 'auto') return undefined;
  }

  // In process, a snapshot is stored directly (the collector retries a failed send itself);
  // the queue is for the high-volume trace path.
  void queue;
  const collector = createDockerCollector({
    docker,
    sink: {
      send: async (batch) => notifyStored(await storeBatch(batch)),
    },
    observeTcp: env.ORRERY_DOCKER_OBSERVE_TCP,
    serviceMap: parseServiceMap(env.ORRERY_SERVICE_MAP),
    logger: childLogger('collectors.docker'),
  });
  await collector.start();
  reportCollector('docker', 'running', `Engine at ${where}`);
  // The collector reconnects by itself; health says whether the Engine answers meanwhile.
  const watch = setInterval(() => {
    docker.ping().then(
      () => reportCollector('docker', 'running', `Engine at ${where}`),
      (err: Error) =>
        reportCollector('docker', 'degraded', `Engine at ${where} not answering: ${err.message}`),
    );
  }, 5000);
  watch.unref();
  return async () => {
    clearInterval(watch);
    await collector.stop();
    reportCollector('docker', 'stopped');
  };
}
