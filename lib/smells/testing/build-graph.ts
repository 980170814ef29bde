import {
  databaseKey,
  nodeId,
  queueKey,
  serviceKey,
  UNKNOWN_CALLER_KEY,
} from '@/lib/topology/node-key';
import { emptyGraphNode } from '@/lib/graph/empty-edge';
import type { GraphContainer, GraphEdge, GraphNode } from '@/lib/graph/types';
import type { ConnectionType, NodeKind } from '@/lib/topology/types';

import type { Finding, SmellInput } from '../types';

// A small builder for hand-made graphs in rule tests: nodes by name, edges by names, every
// other field at a neutral default. Tests then read findings back as names.

const EMPTY = { p50: null, p95: null, p99: null, meanMs: null };

export class GraphBuilder {
  readonly input: SmellInput = {
    window: { fromMs: 0, toMs: 3_600_000 },
    nodes: [],
    edges: [],
    entries: [],
    trust: { received: 0, paired: 0, unpaired: 0, expired: 0, rejected: 0 },
    generatedAtMs: 3_600_000,
  };

  node(key: string, kind: NodeKind, name: string, extra: Partial<GraphNode> = {}): string {
    const id = nodeId(key);
    if (!this.input.nodes.some((n) => n.id === id)) {
      this.input.nodes.push({
        ...emptyGraphNode(id, key, kind, name),
        origins: ['traced'],
        ...extra,
      });
    } else
      Object.assign(
        this.input.nodes.find((n) => n.id === id)!,
        extra,
      );
    return id;
  }

  service(name: string, extra: Partial<GraphNode> = {}): string {
    return this.node(serviceKey(name), 'service', name, extra);
  }

  database(server: string, system = 'postgresql', extra: Partial<GraphNode> = {}): string {
    return this.node(databaseKey(system, server), 'database', server, extra);
  }

  queue(name: string, system = 'kafka', extra: Partial<GraphNode> = {}): string {
    return this.node(queueKey(name, system), 'queue', name, {
      detail: { 'messaging.system': system },
      ...extra,
    });
  }

  unknownCaller(): string {
    return this.node(UNKNOWN_CALLER_KEY, 'unknown-caller', 'unknown caller');
  }

  /** Edge between two node ids (use the ids returned by service/database/queue). */
  edge(
    source: string,
    target: string,
    type: ConnectionType = 'rpc',
    extra: Partial<GraphEdge> = {},
  ): string {
    const id = `${source}>${target}>${type}`;
    this.input.edges.push({
      id,
      source,
      target,
      connectionType: type,
      origins: ['traced'],
      inferred: false,
      calls: 10,
      ratePerSec: 10 / 3600,
      errors: 0,
      errorRate: 0,
      clientErrors: 0,
      writes: 0,
      traces: 10,
      callsPerTraceMedian: 1,
      latency: EMPTY,
      clientLatency: EMPTY,
      serverLatency: EMPTY,
      sampleTraceId: null,
      declared: [],
      ...extra,
    });
    return id;
  }

  /** Shorthand: sync calls between services named a → b. */
  call(from: string, to: string, extra: Partial<GraphEdge> = {}): string {
    return this.edge(this.service(from), this.service(to), 'rpc', extra);
  }

  container(name: string, extra: Partial<GraphContainer> = {}): GraphContainer {
    return {
      id: `c-${name}`,
      name,
      image: name,
      tag: '1',
      state: 'running',
      health: null,
      networks: [],
      mounts: [],
      ...extra,
    };
  }
}

/** A finding's services (and resources) as names, for readable exact assertions. */
export function namesOf(input: SmellInput, ids: string[]): string[] {
  const byId = new Map(input.nodes.map((n) => [n.id, n.name]));
  return ids.map((id) => byId.get(id) ?? id);
}

export function summarize(input: SmellInput, findings: Finding[]) {
  return findings.map((f) => ({
    code: f.code,
    severity: f.severity,
    services: namesOf(input, f.services),
    resources: namesOf(input, f.resources),
  }));
}

export { runRule } from './run-rule';
