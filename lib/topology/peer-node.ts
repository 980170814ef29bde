import { hostPort, type SpanAttributes } from './attributes';
import { databaseKey, externalKey, queueKey, serviceKey } from './node-key';
import { resolveService } from './span-index';
import type { ConnectionType, NodeObservation } from './types';

// Naming nodes that send no spans of their own, from what the span on our side says about
// its peer. The order is the one in ../shared/reference/derivation.md: a logical service name
// beats a host, a host beats a socket address, and a database is a system at an address (its
// database name is shown, never part of the identity, or one server would split per schema).

export interface PeerTarget {
  node: NodeObservation;
  connectionType: ConnectionType;
}

/** 'self': the span names its own service (a store's own client span), which is no edge. */
export type PeerResolution = PeerTarget | 'self' | undefined;

function names(own: string, ...candidates: Array<string | undefined>): boolean {
  const lower = own.toLowerCase();
  return candidates.some(
    (candidate) => candidate !== undefined && candidate.toLowerCase() === lower,
  );
}

function compact(detail: Record<string, string | undefined>): Record<string, string> | undefined {
  const entries = Object.entries(detail).filter((entry): entry is [string, string] => !!entry[1]);
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

function external(name: string, connectionType: ConnectionType): PeerTarget {
  return {
    node: { key: externalKey(name), kind: 'external', name },
    connectionType,
  };
}

/** A queue (or broker, when no destination is named) a messaging span talks to. */
export function resolveQueue(attrs: SpanAttributes, systemHint?: string): PeerTarget | undefined {
  const system = attrs.messagingSystem ?? systemHint;
  const name =
    attrs.messagingDestination ??
    attrs.peerService ??
    (attrs.serverAddress && hostPort(attrs.serverAddress, attrs.serverPort)) ??
    system;
  if (!name) return undefined;
  return {
    node: {
      key: queueKey(name, system),
      kind: 'queue',
      name,
      detail: compact({ 'messaging.system': system }),
    },
    connectionType: 'messaging',
  };
}

/** The virtual node a client span with no server child calls. */
export function resolveClientPeer(
  attrs: SpanAttributes,
  ownService: string,
  serviceMap?: Record<string, string>,
): PeerResolution {
  const host = attrs.serverAddress ?? attrs.urlHost ?? attrs.peerAddress;
  const port = attrs.serverAddress
    ? attrs.serverPort
    : attrs.urlHost
      ? attrs.urlPort
      : attrs.peerPort;
  const peer = attrs.peerService && resolveService(attrs.peerService, serviceMap);

  if (attrs.dbSystem) {
    if (names(ownService, host, peer)) return 'self';
    const address = host ? hostPort(host, port) : (peer ?? 'unknown');
    const node: NodeObservation = {
      key: databaseKey(attrs.dbSystem, address),
      kind: 'database',
      name: `${attrs.dbSystem}@${address}`,
      detail: compact({
        'db.system': attrs.dbSystem,
        'db.namespace': attrs.dbNamespace,
        'peer.service': peer,
      }),
    };
    return { node, connectionType: 'database' };
  }

  const connectionType: ConnectionType = attrs.dbStatement ? 'database' : 'rpc';
  if (peer) {
    // A logical name is a service's name: the node joins the real service when it reports.
    if (names(ownService, peer)) return 'self';
    return {
      node: { key: serviceKey(peer), kind: 'service', name: peer },
      connectionType,
    };
  }
  if (attrs.serverAddress) {
    if (names(ownService, attrs.serverAddress)) return 'self';
    return external(hostPort(attrs.serverAddress, attrs.serverPort), connectionType);
  }
  if (attrs.urlHost) {
    if (names(ownService, attrs.urlHost)) return 'self';
    return external(hostPort(attrs.urlHost, attrs.urlPort), connectionType);
  }
  if (attrs.peerAddress)
    return external(hostPort(attrs.peerAddress, attrs.peerPort), connectionType);
  if (attrs.rpcService) return external(attrs.rpcService, 'rpc');
  if (attrs.messagingDestination) return resolveQueue(attrs);
  return undefined;
}

/**
 * Who called a root server span, when its attributes say so.
 * TODO: `client.address` of public traffic is one node per end-user IP; an option to fold
 * public addresses into one "internet" node is missing, and without it such graphs grow
 * without bound.
 */
export function resolveRootCaller(attrs: SpanAttributes): NodeObservation | undefined {
  const name = attrs.peerService ?? attrs.clientAddress;
  return name ? { key: externalKey(name), kind: 'external', name } : undefined;
}
