import { rmSync } from 'node:fs';
import { Writable } from 'node:stream';

import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { ObservationBatchWithDocker } from '@/lib/topology/types';

import { createDockerCollector, type DockerCollector } from './docker-collector';
import { engineSkipReason, startPrivateEngine, type PrivateEngine } from './testing/private-engine';
import { createRecordingSink } from './testing/recording-sink';
import {
  createScenario,
  SCENARIO_PASSWORD,
  SCENARIO_PROJECT,
  type Scenario,
} from './testing/scenario';

// The Docker source against a real Engine (a private dockerd, scripts/docker-engine.sh).

const G = SCENARIO_PROJECT;
const DB = 'database:postgresql@db';
const MQ = 'queue:rabbitmq/broker';

function stateOf(batch: ObservationBatchWithDocker, service: string): string | undefined {
  return batch.docker?.containers.find((c) => c.name === `${G}-${service}-1`)?.state;
}

describe.skipIf(engineSkipReason !== '')(
  `docker collector on a real engine ${engineSkipReason}`,
  () => {
    let engine: PrivateEngine;
    let scenario: Scenario;
    let collector: DockerCollector;
    const sink = createRecordingSink();
    const logLines: string[] = [];
    const logger = pino(
      { level: 'debug' },
      new Writable({
        write(chunk, _e, done) {
          logLines.push(String(chunk));
          done();
        },
      }),
    );

    const allRunning = (b: ObservationBatchWithDocker) =>
      (b.docker?.containers.length ?? 0) === 6 &&
      b.docker!.containers.every((c) => c.state === 'running');

    beforeAll(async () => {
      engine = await startPrivateEngine();
      scenario = await createScenario(engine.docker);
      collector = createDockerCollector({
        docker: engine.docker,
        sink,
        observeTcp: true,
        logger,
        host: 'it-host',
        tcpSampleIntervalMs: 3_600_000,
        tcpReportIntervalMs: 3_600_000,
        backoffCapMs: 1_000,
      });
      await collector.start();
      await sink.waitFor(allRunning);
    });

    afterAll(async () => {
      await collector?.stop();
      await scenario?.remove();
      await engine?.stop();
      if (engine) rmSync(engine.dir, { recursive: true, force: true });
    });

    it('emits the exact nodes, groups, versions and declared edges', async () => {
      const batch = await sink.waitFor(allRunning);
      expect(batch.docker!.host).toBe('it-host');
      expect(batch.docker!.full).toBe(true);
      expect(batch.nodes.map((n) => [n.key, n.kind, n.name, n.group, n.version]).sort()).toEqual([
        [DB, 'database', 'db', G, '1'],
        [MQ, 'queue', 'broker', G, '1'],
        ['service:billing', 'service', 'billing', G, '1'],
        ['service:client', 'service', 'client', G, '1'],
        ['service:orders', 'service', 'orders', G, '1'],
        ['service:web', 'service', 'web', G, '1'],
      ]);
      expect(batch.nodes.find((n) => n.key === DB)!.detail).toEqual({
        image: 'local/busybox',
        system: 'postgresql',
        databases: 'orders',
      });
      const ids = scenario.containerIds;
      expect(
        batch
          .docker!.declared.map((d) => [
            d.containerId,
            d.source,
            d.target,
            d.via,
            d.connectionType,
            d.detail,
          ])
          .sort(),
      ).toEqual(
        [
          [
            ids.billing,
            'service:billing',
            DB,
            'env',
            'database',
            { variable: 'DATABASE_URL', host: 'db', port: '5432', database: 'orders' },
          ],
          [
            ids.billing,
            'service:billing',
            MQ,
            'env',
            'messaging',
            { variable: 'AMQP_URL', host: 'broker', port: '5672' },
          ],
          [ids.client, 'service:client', 'service:web', 'depends_on', 'rpc', { service: 'web' }],
          [
            ids.client,
            'service:client',
            'service:web',
            'env',
            'rpc',
            { variable: 'WEB_URL', host: 'web', port: '80' },
          ],
          [
            ids.orders,
            'service:orders',
            DB,
            'env',
            'database',
            { variable: 'DATABASE_URL', host: 'db', port: '5432', database: 'orders' },
          ],
        ].sort(),
      );
      const web = batch.docker!.containers.find((c) => c.id === ids.web)!;
      expect(web).toMatchObject({
        name: `${G}-web-1`,
        node: 'service:web',
        image: 'local/busybox',
        tag: '1',
        state: 'running',
        mounts: [],
      });
      expect(web.networks).toHaveLength(1);
      expect(web.networks[0]!.name).toBe(scenario.network);
      expect(web.networks[0]!.aliases).toContain('web');
      expect(web.networks[0]!.ips[0]).toMatch(/^10\.213\.\d+\.\d+$/);
      expect(web.labels).toEqual({
        'com.docker.compose.project': G,
        'com.docker.compose.service': 'web',
      });
    });

    it('observes the client → web TCP connection as an edge', async () => {
      let edges: ObservationBatchWithDocker['edges'] = [];
      for (let attempt = 0; attempt < 20 && edges.length === 0; attempt++) {
        const from = sink.batches.length;
        await collector.tcp()!.sample();
        await collector.tcp()!.report();
        edges = sink.batches.slice(from).flatMap((b) => b.edges);
        if (edges.length === 0) await new Promise((r) => setTimeout(r, 500));
      }
      expect(
        edges.map((e) => [e.source, e.target, e.origin, e.connectionType, e.calls, e.detail]),
      ).toEqual([['service:client', 'service:web', 'observed', 'rpc', 1, { ports: '7000' }]]);
      expect(edges[0]!.bucketStartMs % 60_000).toBe(0);
    });

    it('reflects a stopped container in a new snapshot', async () => {
      const from = sink.batches.length;
      const stoppedAt = Date.now();
      await engine.docker.getContainer(scenario.containerIds.orders!).stop({ t: 1 });
      const batch = await sink.waitFor((b) => stateOf(b, 'orders') === 'exited', {
        fromIndex: from,
      });
      logger.info({ latencyMs: Date.now() - stoppedAt }, 'stop reflected');
      expect(
        batch
          .docker!.containers.filter((c) => c.state === 'running')
          .map((c) => c.name)
          .sort(),
      ).toEqual(['billing', 'broker', 'client', 'db', 'web'].map((s) => `${G}-${s}-1`));
      // The stopped service is still a node: its container is known, just not running.
      expect(batch.nodes.map((n) => n.key)).toContain('service:orders');
    });

    it('recovers after the Engine restarts and resyncs with a full listing', async () => {
      await engine.stop();
      const from = sink.batches.length;
      await engine.start();
      const batch = await sink.waitFor(
        (b) =>
          stateOf(b, 'web') === 'running' &&
          stateOf(b, 'client') === 'running' &&
          stateOf(b, 'orders') === 'exited',
        { fromIndex: from, timeoutMs: 30_000 },
      );
      expect(batch.docker!.containers).toHaveLength(6);
      const again = sink.batches.length;
      await engine.docker.getContainer(scenario.containerIds.orders!).start();
      await sink.waitFor((b) => stateOf(b, 'orders') === 'running', { fromIndex: again });
    });

    it('never lets the planted password out: not in any batch, not in the log', () => {
      expect(sink.batches.length).toBeGreaterThan(3);
      expect(JSON.stringify(sink.batches)).not.toContain(SCENARIO_PASSWORD);
      expect(logLines.length).toBeGreaterThan(5);
      expect(logLines.join('')).not.toContain(SCENARIO_PASSWORD);
    });
  },
);
