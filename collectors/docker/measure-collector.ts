import { rmSync } from 'node:fs';

import pino from 'pino';

import type { ObservationBatchWithDocker } from '@/lib/topology/types';

import { createDockerCollector } from './docker-collector';
import { BUSYBOX_IMAGE, engineSkipReason, startPrivateEngine } from './testing/private-engine';

// Measures the Docker source for the closing note: memory with N containers and event →
// snapshot latency. Runs on a private engine and removes everything it made.
//   npx tsx collectors/docker/measure-collector.ts [containers=200] [stops=10]

const COUNT = Number(process.argv[2] ?? 200);
const STOPS = Number(process.argv[3] ?? 10);
const NETWORK = 'orrery-measure';
const mb = (bytes: number) => Math.round((bytes / 1024 / 1024) * 10) / 10;

async function main() {
  if (engineSkipReason) throw new Error(engineSkipReason);
  const engine = await startPrivateEngine();
  const { docker } = engine;
  const ids: string[] = [];
  try {
    await docker.createNetwork({ Name: NETWORK, Internal: true });
    for (let i = 0; i < COUNT; i++) {
      const c = await docker.createContainer({
        name: `measure-svc${i}-1`,
        Image: BUSYBOX_IMAGE,
        Cmd: ['sleep', '3600'],
        Env: [
          `DATABASE_URL=postgres://u:secret@measure-svc0-1:5432/db${i % 7}`,
          `NEXT_URL=http://svc${(i + 1) % COUNT}:80`,
        ],
        Labels: {
          'com.docker.compose.project': 'measure',
          'com.docker.compose.service': `svc${i}`,
        },
        HostConfig: { NetworkMode: NETWORK, Init: true },
        NetworkingConfig: { EndpointsConfig: { [NETWORK]: { Aliases: [`svc${i}`] } } },
      });
      await c.start();
      ids.push(c.id);
    }

    global.gc?.();
    const before = process.memoryUsage();
    let last: ObservationBatchWithDocker | undefined;
    let onBatch: ((b: ObservationBatchWithDocker) => void) | undefined;
    const collector = createDockerCollector({
      docker,
      observeTcp: false,
      logger: pino({ level: 'warn' }),
      host: 'measure',
      sink: {
        send: async (b) => {
          last = b;
          onBatch?.(b);
        },
      },
    });
    const syncStart = performance.now();
    await collector.start();
    await new Promise<void>((resolve) => {
      onBatch = (b) => b.docker!.containers.length >= COUNT && resolve();
    });
    const syncMs = performance.now() - syncStart;
    global.gc?.();
    const after = process.memoryUsage();

    const latencies: number[] = [];
    for (let i = 1; i <= STOPS; i++) {
      const id = ids[i]!;
      const t0 = performance.now();
      const seen = new Promise<void>((resolve) => {
        onBatch = (b) =>
          b.docker!.containers.find((c) => c.id === id)?.state !== 'running' && resolve();
      });
      await docker.getContainer(id).kill();
      await seen;
      latencies.push(performance.now() - t0);
    }
    await collector.stop();
    latencies.sort((a, b) => a - b);
    const result = {
      containers: COUNT,
      snapshotBytes: JSON.stringify(last).length,
      declaredEdges: last?.docker?.declared.length,
      resyncMs: Math.round(syncMs),
      rssMb: { beforeCollector: mb(before.rss), withCollector: mb(after.rss) },
      heapUsedMb: { beforeCollector: mb(before.heapUsed), withCollector: mb(after.heapUsed) },
      eventToSnapshotMs: {
        median: Math.round(latencies[Math.floor(latencies.length / 2)]!),
        max: Math.round(latencies[latencies.length - 1]!),
      },
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    for (const id of ids)
      await docker
        .getContainer(id)
        .remove({ force: true })
        .catch(() => undefined);
    await docker
      .getNetwork(NETWORK)
      .remove()
      .catch(() => undefined);
    await engine.stop();
    rmSync(engine.dir, { recursive: true, force: true });
  }
}

void main();
