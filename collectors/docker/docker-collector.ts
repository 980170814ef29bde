import { randomUUID } from 'node:crypto';

import Dockerode from 'dockerode';

import { buildDockerTopology, type DockerTopology } from '@/lib/docker/build-docker-snapshot';
import type { ContainerFacts } from '@/lib/docker/container-facts';
import { childLogger, type Logger } from '@/lib/logger';
import type { ObservationBatchWithDocker } from '@/lib/topology/types';

import { backoffMs, type BatchSink } from './batch-sink';
import { dockerFromHost } from './docker-from-host';
import { watchEngineEvents } from './engine-events';
import { containerInspectSchema, containerSummarySchema, type EventMessage } from './engine-schema';
import { inspectToFacts } from './inspect-to-facts';
import { createTcpObserver, type TcpObserver } from './tcp-observer';

// State model: `containers` mirrors the Engine (id → facts), rebuilt by a full listing on
// every (re)connection and patched by events in between. Any change marks the mirror dirty;
// a short debounce later one full snapshot (full=true) goes to the sink, so the stored view
// of this host is always one consistent listing. Sends are serialised; a failed send is
// retried with backoff, and a newer snapshot supersedes an unsent one.

export interface DockerCollectorOptions {
  docker?: Dockerode;
  dockerHost?: string;
  sink: BatchSink;
  observeTcp: boolean;
  serviceMap?: Record<string, string>;
  logger?: Logger;
  now?: () => number;
  /** Snapshot host id; default: the Engine's name (`docker info` Name). */
  host?: string;
  debounceMs?: number;
  backoffCapMs?: number;
  tcpSampleIntervalMs?: number;
  tcpReportIntervalMs?: number;
  /** Read /proc/<pid>/net/tcp on this host before falling back to exec (default true). */
  tcpFromProc?: boolean;
}

export interface DockerCollector {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves once the next snapshot has been stored by the sink. */
  whenSynced(): Promise<void>;
  /** The topology of the last snapshot built. */
  current(): DockerTopology | undefined;
  /** The TCP observer when `observeTcp` is on (tests sample and report through it). */
  tcp(): TcpObserver | undefined;
}

const WATCHED_ACTIONS =
  /^(create|start|restart|stop|die|kill|pause|unpause|rename|destroy|update|health_status|connect|disconnect)/;

export function createDockerCollector(options: DockerCollectorOptions): DockerCollector {
  const docker = options.docker ?? dockerFromHost(options.dockerHost);
  const logger = options.logger ?? childLogger('collectors.docker');
  const now = options.now ?? Date.now;
  const containers = new Map<string, { facts: ContainerFacts; pid?: number }>();
  const dirtyIds = new Set<string>();
  const removed = new Set<string>();
  let host = options.host;
  let topology: DockerTopology | undefined;
  let stopWatching: (() => void) | undefined;
  let debounce: NodeJS.Timeout | undefined;
  let retry: NodeJS.Timeout | undefined;
  let sending: Promise<void> | undefined;
  let pendingSend = false;
  let sendFailures = 0;
  let stopped = false;
  let syncWaiters: Array<() => void> = [];
  let tcp: TcpObserver | undefined;

  const inspect = async (id: string) => {
    try {
      const raw = await docker.getContainer(id).inspect();
      const c = containerInspectSchema.parse(raw);
      containers.set(c.Id, { facts: inspectToFacts(c), pid: c.State.Pid });
    } catch (err) {
      if ((err as { statusCode?: number }).statusCode !== 404) throw err;
      if (containers.delete(id)) removed.add(id);
    }
  };

  const buildBatch = (): ObservationBatchWithDocker => {
    topology = buildDockerTopology(
      [...containers.values()].map((c) => c.facts),
      { serviceMap: options.serviceMap },
    );
    const batch: ObservationBatchWithDocker = {
      batchId: randomUUID(),
      collector: 'docker',
      nodes: topology.nodes,
      edges: [],
      nodeBuckets: [],
      entries: [],
      trust: [],
      docker: {
        host: host ?? 'docker',
        full: true,
        containers: topology.containers,
        removed: [...removed],
        declared: topology.declared,
      },
    };
    removed.clear();
    return batch;
  };

  const flush = (): Promise<void> => {
    if (sending) {
      pendingSend = true;
      return sending;
    }
    const waiters = syncWaiters;
    syncWaiters = [];
    const batch = buildBatch();
    sending = options.sink
      .send(batch)
      .then(
        () => {
          sendFailures = 0;
          logger.debug(
            { batchId: batch.batchId, containers: batch.docker!.containers.length },
            'snapshot sent',
          );
          for (const w of waiters) w();
        },
        (err: unknown) => {
          sendFailures++;
          for (const id of batch.docker!.removed) removed.add(id);
          syncWaiters.push(...waiters);
          const waitMs = backoffMs(sendFailures, 250, options.backoffCapMs ?? 5_000);
          logger.warn({ err, failures: sendFailures, waitMs }, 'snapshot not stored, retrying');
          if (!stopped) retry = setTimeout(() => void flush(), waitMs);
        },
      )
      .finally(() => {
        sending = undefined;
        if (pendingSend && !stopped) {
          pendingSend = false;
          void flush();
        }
      });
    return sending;
  };

  const processDirty = async () => {
    debounce = undefined;
    const ids = [...dirtyIds];
    dirtyIds.clear();
    try {
      await Promise.all(ids.map(inspect));
      await flush();
    } catch (err) {
      logger.warn({ err, containers: ids.length }, 'container inspect failed; resync on reconnect');
    }
  };

  const onEvent = (event: EventMessage) => {
    if (!WATCHED_ACTIONS.test(event.Action)) return;
    const id = event.Type === 'network' ? event.Actor.Attributes.container : event.Actor.ID;
    if (!id) return;
    logger.debug({ type: event.Type, action: event.Action, id: id.slice(0, 12) }, 'engine event');
    if (event.Type === 'container' && event.Action === 'destroy') {
      if (containers.delete(id)) removed.add(id);
    } else {
      dirtyIds.add(id);
    }
    debounce ??= setTimeout(() => void processDirty(), options.debounceMs ?? 100);
  };

  const resync = async () => {
    if (!host) host = ((await docker.info()) as { Name?: string }).Name || 'docker';
    const listed = (await docker.listContainers({ all: true })).map((c) =>
      containerSummarySchema.parse(c),
    );
    const ids = new Set(listed.map((c) => c.Id));
    for (const id of containers.keys())
      if (!ids.has(id)) {
        containers.delete(id);
        removed.add(id);
      }
    for (let i = 0; i < listed.length; i += 16)
      await Promise.all(listed.slice(i, i + 16).map((c) => inspect(c.Id)));
    logger.info({ host, containers: containers.size }, 'docker resynced');
    await flush();
  };

  return {
    async start() {
      stopped = false;
      stopWatching = watchEngineEvents(
        docker,
        { onConnected: resync, onEvent },
        { logger, backoffCapMs: options.backoffCapMs },
      );
      if (options.observeTcp) {
        tcp = createTcpObserver({
          docker,
          sink: options.sink,
          logger,
          now,
          fromProc: options.tcpFromProc ?? true,
          sampleIntervalMs: options.tcpSampleIntervalMs ?? 5_000,
          reportIntervalMs: options.tcpReportIntervalMs ?? 60_000,
          targets: () => [...containers.values()].filter((c) => c.facts.state === 'running'),
          topology: () => topology,
        });
      }
      logger.info({ observeTcp: options.observeTcp }, 'docker collector started');
    },
    async stop() {
      stopped = true;
      stopWatching?.();
      clearTimeout(debounce);
      clearTimeout(retry);
      await tcp?.stop();
      await sending?.catch(() => undefined);
      logger.info('docker collector stopped');
    },
    whenSynced: () => new Promise<void>((resolve) => syncWaiters.push(resolve)),
    current: () => topology,
    tcp: () => tcp,
  };
}
