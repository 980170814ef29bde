import type { SpanAttributes } from './attributes';
import { isWriteOperation } from './db-operation';
import { UNKNOWN_CALLER_KEY } from './node-key';
import { resolveClientPeer, resolveQueue, resolveRootCaller } from './peer-node';
import { indexTrace, type IndexedSpan } from './span-index';
import type { TraceFacts } from './trace-facts';
import type { DeriveOptions, ProducerRef } from './trace-derivation';
import type { ConnectionType, NodeObservation, NormalizedSpan } from './types';

// The per-span rules of derivation (see the list in derive-trace.ts). Each rule looks at one
// span and its direct parent, children or links, so no rule can connect two spans that the
// trace does not connect.

interface Outcome {
  error: boolean;
  clientError: boolean;
}

/** Errors: status ERROR on either side or a 5xx; a 4xx is the caller's fault, counted apart. */
function outcome(client?: IndexedSpan, server?: IndexedSpan): Outcome {
  const code = server?.attrs.httpStatusCode ?? client?.attrs.httpStatusCode;
  if (code !== undefined && code >= 500) return { error: true, clientError: false };
  // Client instrumentations mark a 4xx as ERROR; only the server side's status counts then.
  if (code !== undefined && code >= 400) {
    return { error: server?.span.statusError ?? false, clientError: true };
  }
  return {
    error: !!(client?.span.statusError || server?.span.statusError),
    clientError: false,
  };
}

function databaseAttrs(attrs: SpanAttributes): boolean {
  return attrs.dbSystem !== undefined || attrs.dbStatement !== undefined;
}

function writes(connectionType: ConnectionType, attrs: SpanAttributes): boolean {
  return connectionType === 'database' && isWriteOperation(attrs.dbOperation, attrs.dbStatement);
}

function queueRef(span: IndexedSpan): ProducerRef {
  const queue = resolveQueue(span.attrs);
  return {
    node: span.node,
    queue: queue?.node.key,
    queueName: queue?.node.name,
    messagingSystem: span.attrs.messagingSystem,
  };
}

/** The join facts of a producer span, for the pipeline's cross-trace index. */
export function producerRefOf(
  span: NormalizedSpan,
  serviceMap?: Record<string, string>,
): ProducerRef | undefined {
  const [indexed] = indexTrace([span], serviceMap);
  return indexed.kind === 'producer' ? queueRef(indexed) : undefined;
}

/** Applies every rule to every span; returns how many consumers await an unresolved link. */
export function deriveRules(
  spans: IndexedSpan[],
  facts: TraceFacts,
  options: DeriveOptions,
): number {
  const producersById = new Map<string, IndexedSpan>();
  const linkedConsumers = new Map<string, IndexedSpan[]>();
  for (const span of spans) {
    if (span.kind === 'producer') producersById.set(span.span.spanId, span);
    if (span.kind !== 'consumer') continue;
    for (const link of span.span.links) {
      if (link.traceId !== span.span.traceId) continue;
      linkedConsumers.set(link.spanId, [...(linkedConsumers.get(link.spanId) ?? []), span]);
    }
  }

  const call = (
    source: string,
    target: string,
    connectionType: ConnectionType,
    inferred: boolean,
    at: IndexedSpan,
    parts: {
      client?: IndexedSpan;
      server?: IndexedSpan;
      dbAttrs?: SpanAttributes;
    },
  ) => {
    facts.addCall({
      source,
      target,
      connectionType,
      inferred,
      startTimeMs: at.span.startTimeMs,
      clientDurationMs: parts.client?.span.durationMs,
      serverDurationMs: parts.server?.span.durationMs,
      ...outcome(parts.client, parts.server),
      write: parts.dbAttrs ? writes(connectionType, parts.dbAttrs) : false,
    });
  };

  const clientRule = (client: IndexedSpan) => {
    const callees = client.children.filter(
      (child) =>
        child.kind !== 'producer' &&
        child.kind !== 'consumer' &&
        (child.node !== client.node || child.kind === 'server'),
    );
    for (const callee of callees) {
      const dbAttrs = databaseAttrs(client.attrs) ? client.attrs : callee.attrs;
      const type: ConnectionType = databaseAttrs(dbAttrs) ? 'database' : 'rpc';
      call(client.node, callee.node, type, false, client, {
        client,
        server: callee,
        dbAttrs,
      });
      facts.paired(client, callee);
      if (type === 'rpc') facts.hops.add(callee);
      if (client.attrs.dbSystem) {
        const detail = { 'db.system': client.attrs.dbSystem };
        facts.addNode({
          key: callee.node,
          kind: 'service',
          name: callee.service,
          detail,
        });
      }
    }
    if (callees.length > 0) return;

    const peer = resolveClientPeer(client.attrs, client.service, options.serviceMap);
    if (peer === 'self') return; // a store's own span naming itself: no edge, nothing missing
    if (!peer) return facts.unpaired(client);
    facts.addNode(peer.node);
    const type = peer.connectionType;
    call(client.node, peer.node.key, type, true, client, {
      client,
      dbAttrs: client.attrs,
    });
    facts.paired(client);
    if (type === 'rpc' && peer.node.kind === 'service') facts.leafHops.add(client);
  };

  // A cross-service child of a non-client span: the caller's client side is not instrumented
  // (or, as in HotROD's simulated stores, is recorded as the callee's own span).
  const crossServiceRule = (span: IndexedSpan) => {
    const parent = span.parent;
    if (!parent || parent.kind === 'client' || parent.node === span.node) return;
    const type: ConnectionType = databaseAttrs(span.attrs) ? 'database' : 'rpc';
    call(parent.node, span.node, type, false, span, {
      server: span,
      dbAttrs: span.attrs,
    });
    facts.paired(parent, span);
    if (type === 'rpc') facts.hops.add(span);
  };

  const rootRule = (server: IndexedSpan) => {
    const caller: NodeObservation = resolveRootCaller(server.attrs) ?? {
      key: UNKNOWN_CALLER_KEY,
      kind: 'unknown-caller',
      name: 'unknown caller',
    };
    facts.addNode(caller);
    call(caller.key, server.node, 'rpc', true, server, { server });
    facts.paired(server);
  };

  const producerRule = (producer: IndexedSpan) => {
    const consumers = [
      ...producer.children.filter((child) => child.kind === 'consumer'),
      ...(linkedConsumers.get(producer.span.spanId) ?? []),
    ];
    const queue = resolveQueue(producer.attrs);
    if (!queue && consumers.length === 0) return facts.unpaired(producer);
    facts.paired(producer);
    if (!queue) return; // the consumers draw direct edges from this producer
    facts.addNode(queue.node);
    call(producer.node, queue.node.key, 'messaging', consumers.length === 0, producer, {
      client: producer,
    });
  };

  /** Returns true when the consumer needs a producer link that cannot be resolved yet. */
  const consumerRule = (consumer: IndexedSpan): boolean => {
    const inTrace: IndexedSpan[] = [];
    const refs: ProducerRef[] = [];
    if (consumer.parent?.kind === 'producer') inTrace.push(consumer.parent);
    for (const link of consumer.span.links) {
      const local = link.traceId === consumer.span.traceId && producersById.get(link.spanId);
      const ref = local ? undefined : options.resolveProducer?.(link.traceId, link.spanId);
      if (local) inTrace.push(local);
      else if (ref) refs.push(ref);
    }
    refs.push(...inTrace.map(queueRef));
    facts.paired(...inTrace);

    const hinted = refs.find((ref) => ref.messagingSystem)?.messagingSystem;
    const fromProducer = refs.find((ref) => ref.queue);
    const queue = consumer.attrs.messagingDestination
      ? resolveQueue(consumer.attrs, hinted)
      : fromProducer
        ? { node: producerQueueNode(fromProducer) }
        : resolveQueue(consumer.attrs);

    if (queue) {
      facts.addNode(queue.node);
      call(queue.node.key, consumer.node, 'messaging', refs.length === 0, consumer, {
        server: consumer,
      });
      facts.paired(consumer);
    } else if (refs.length > 0) {
      for (const source of new Set(refs.map((ref) => ref.node))) {
        call(source, consumer.node, 'messaging', false, consumer, {
          server: consumer,
        });
      }
      facts.paired(consumer);
    } else {
      facts.unpaired(consumer);
    }
    return (
      !consumer.attrs.messagingDestination && consumer.span.links.length > 0 && refs.length === 0
    );
  };

  let unresolved = 0;
  for (const span of spans) {
    facts.addService(span);
    if (span.parentMissing) facts.unpaired(span);
    if (span.kind === 'client') clientRule(span);
    if (span.kind === 'producer') producerRule(span);
    if (span.kind === 'consumer' && consumerRule(span)) unresolved += 1;
    if (span.kind !== 'consumer') crossServiceRule(span);
    if (span.kind === 'server' && !span.parent && !span.parentMissing) rootRule(span);
  }
  return unresolved;
}

function producerQueueNode(ref: ProducerRef): NodeObservation {
  const detail = ref.messagingSystem ? { 'messaging.system': ref.messagingSystem } : undefined;
  return {
    key: ref.queue!,
    kind: 'queue',
    name: ref.queueName ?? ref.queue!,
    detail,
  };
}
