import { randomUUID } from 'node:crypto';

import type Dockerode from 'dockerode';

import type { DockerTopology } from '@/lib/docker/build-docker-snapshot';
import type { ContainerFacts } from '@/lib/docker/container-facts';
import type { Logger } from '@/lib/logger';
import type { NodeObservation } from '@/lib/topology/types';

import type { BatchSink } from './batch-sink';
import {
  observedEdges,
  outgoingConnections,
  parseTcpTable,
  type ObservedConnection,
} from './tcp-table';
import { readTcpTables } from './tcp-sampler';

// Opt-in observed connections. Every sample adds the connections it sees to the current
// reporting period; at the period's end all of them are reported, so a connection that
// closed between two samples still counts for the period it was seen in (short-lived
// connections are the blind spot Weave Scope users hit; TIME_WAIT entries narrow it).

export interface TcpObserverOptions {
  docker: Dockerode;
  sink: BatchSink;
  logger: Logger;
  now: () => number;
  fromProc: boolean;
  sampleIntervalMs: number;
  reportIntervalMs: number;
  targets: () => Array<{ facts: ContainerFacts; pid?: number }>;
  topology: () => DockerTopology | undefined;
}

export interface TcpObserver {
  /** One sample now (tests call this instead of waiting for the timer). */
  sample(): Promise<void>;
  /** Reports the current period now and starts a new one. */
  report(): Promise<void>;
  stop(): Promise<void>;
}

export function createTcpObserver(o: TcpObserverOptions): TcpObserver {
  let period = new Map<string, ObservedConnection>();
  let periodStartMs = o.now();
  let sampling: Promise<void> | undefined;

  const sampleOnce = async () => {
    const topology = o.topology();
    if (!topology) return;
    const nodeOfIp = new Map<string, string>();
    for (const c of topology.containers)
      for (const n of c.networks) for (const ip of n.ips) nodeOfIp.set(ip, c.node);
    let failures = 0;
    for (const { facts, pid } of o.targets()) {
      const own = topology.nodeOf.get(facts.id);
      if (!own) continue;
      try {
        const sockets = parseTcpTable(await readTcpTables(o.docker, facts.id, pid, o.fromProc));
        for (const c of outgoingConnections(own, sockets, { nodeOfIp: (ip) => nodeOfIp.get(ip) }))
          period.set(c.id, c);
      } catch (err) {
        failures++;
        o.logger.debug({ err, id: facts.id.slice(0, 12) }, 'tcp table unreadable');
      }
    }
    if (failures > 0) o.logger.warn({ failures }, 'tcp tables unreadable for some containers');
  };

  const sample = () =>
    (sampling ??= sampleOnce().finally(() => {
      sampling = undefined;
    }));

  const report = async () => {
    await sampling;
    const connections = period;
    const bucketStartMs = Math.floor(periodStartMs / 60_000) * 60_000;
    period = new Map();
    periodStartMs = o.now();
    if (connections.size === 0) return;
    const { edges, externals } = observedEdges(bucketStartMs, connections.values());
    const known = new Map((o.topology()?.nodes ?? []).map((n) => [n.key, n]));
    const nodes: NodeObservation[] = [...externals];
    for (const key of new Set(edges.flatMap((e) => [e.source, e.target]))) {
      const node = known.get(key);
      if (node) nodes.push(node);
    }
    try {
      await o.sink.send({
        batchId: randomUUID(),
        collector: 'docker',
        nodes,
        edges,
        nodeBuckets: [],
        entries: [],
        trust: [],
      });
    } catch (err) {
      o.logger.error({ err, edges: edges.length }, 'observed edges not stored');
    }
  };

  const sampleTimer = setInterval(() => void sample(), o.sampleIntervalMs);
  const reportTimer = setInterval(() => void report(), o.reportIntervalMs);
  return {
    sample,
    report,
    async stop() {
      clearInterval(sampleTimer);
      clearInterval(reportTimer);
      await sampling;
    },
  };
}
