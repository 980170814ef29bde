import type { AttributeValue } from './types';

// Semantic-convention aliases, current name first. Instrumentations on semconv <= 1.24 keep
// the old names unless OTEL_SEMCONV_STABILITY_OPT_IN is set, OpenTracing/Jaeger tags use a
// third spelling and Brave (Zipkin) a fourth, so every rule reads through this table and never
// through a raw attribute name.
// https://opentelemetry.io/docs/specs/semconv/registry/attributes/
export const ATTRIBUTE_ALIASES = {
  peerService: ['service.peer.name', 'peer.service'],
  serverAddress: ['server.address', 'net.peer.name', 'peer.hostname'],
  serverPort: ['server.port', 'net.peer.port', 'peer.port'],
  peerAddress: ['network.peer.address', 'net.sock.peer.addr', 'peer.ipv4', 'peer.ipv6'],
  peerPort: ['network.peer.port', 'net.sock.peer.port'],
  dbSystem: ['db.system.name', 'db.system', 'db.type'],
  dbNamespace: ['db.namespace', 'db.name', 'db.instance'],
  dbOperation: ['db.operation.name', 'db.operation'],
  dbStatement: ['db.query.text', 'db.statement', 'sql.query'],
  messagingSystem: ['messaging.system'],
  // `kafka.topic` is what Brave's Kafka instrumentation records (Zipkin has no semconv).
  messagingDestination: [
    'messaging.destination.name',
    'messaging.destination',
    'message_bus.destination',
    'kafka.topic',
  ],
  messagingOperation: ['messaging.operation.type', 'messaging.operation'],
  rpcService: ['rpc.service'],
  httpStatusCode: ['http.response.status_code', 'http.status_code'],
  clientAddress: ['client.address'],
  url: ['url.full', 'http.url'],
} as const satisfies Record<string, readonly string[]>;

type Attributes = Record<string, AttributeValue>;

/**
 * Longest name kept from an attribute. Names become node keys and labels, which the ingest
 * schema caps at 1024 characters; one absurd attribute must not get a whole batch refused.
 */
export const MAX_NAME_LENGTH = 256;

export function clipName(text: string): string {
  return text.length > MAX_NAME_LENGTH ? text.slice(0, MAX_NAME_LENGTH) : text;
}

/** First alias present with a non-empty value, as trimmed text. */
export function readAlias(attributes: Attributes, names: readonly string[]): string | undefined {
  for (const name of names) {
    const value = attributes[name];
    if (value === undefined) continue;
    const text = String(value).trim();
    if (text !== '') return clipName(text);
  }
  return undefined;
}

/** The facts derivation needs from one span's attributes, read once. */
export interface SpanAttributes {
  peerService?: string;
  serverAddress?: string;
  serverPort?: string;
  peerAddress?: string;
  peerPort?: string;
  dbSystem?: string;
  dbNamespace?: string;
  dbOperation?: string;
  dbStatement?: string;
  messagingSystem?: string;
  messagingDestination?: string;
  messagingOperation?: string;
  rpcService?: string;
  httpStatusCode?: number;
  clientAddress?: string;
  urlHost?: string;
  urlPort?: string;
}

export function readSpanAttributes(attributes: Attributes): SpanAttributes {
  const read = (names: readonly string[]) => readAlias(attributes, names);
  const status = Number.parseInt(read(ATTRIBUTE_ALIASES.httpStatusCode) ?? '', 10);
  const url = parseUrl(read(ATTRIBUTE_ALIASES.url));
  // Brave records the Kafka topic without naming the system; the tag itself implies it.
  const impliedSystem = attributes['kafka.topic'] !== undefined ? 'kafka' : undefined;

  return {
    peerService: read(ATTRIBUTE_ALIASES.peerService),
    serverAddress: read(ATTRIBUTE_ALIASES.serverAddress),
    serverPort: read(ATTRIBUTE_ALIASES.serverPort),
    peerAddress: read(ATTRIBUTE_ALIASES.peerAddress),
    peerPort: read(ATTRIBUTE_ALIASES.peerPort),
    dbSystem: read(ATTRIBUTE_ALIASES.dbSystem)?.toLowerCase(),
    dbNamespace: read(ATTRIBUTE_ALIASES.dbNamespace),
    dbOperation: read(ATTRIBUTE_ALIASES.dbOperation),
    dbStatement: read(ATTRIBUTE_ALIASES.dbStatement),
    messagingSystem: (read(ATTRIBUTE_ALIASES.messagingSystem) ?? impliedSystem)?.toLowerCase(),
    messagingDestination: read(ATTRIBUTE_ALIASES.messagingDestination),
    messagingOperation: read(ATTRIBUTE_ALIASES.messagingOperation)?.toLowerCase(),
    rpcService: read(ATTRIBUTE_ALIASES.rpcService),
    httpStatusCode: Number.isFinite(status) ? status : undefined,
    clientAddress: read(ATTRIBUTE_ALIASES.clientAddress),
    urlHost: url?.host,
    urlPort: url?.port,
  };
}

/** Host and port of a URL; credentials and path are dropped, they are never identity. */
function parseUrl(text: string | undefined): { host: string; port?: string } | undefined {
  if (!text) return undefined;
  try {
    const url = new URL(text);
    if (!url.hostname) return undefined;
    return { host: url.hostname, port: url.port || undefined };
  } catch {
    // Not a URL (relative paths appear in `http.url` of old instrumentations): no host.
    return undefined;
  }
}

/** `host:port`, or the host alone when the port is unknown. IPv6 hosts get brackets. */
export function hostPort(host: string, port: string | undefined): string {
  const shown = host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
  return port ? `${shown}:${port}` : shown;
}
