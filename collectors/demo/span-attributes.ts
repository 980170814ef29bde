import type { Attributes } from '@opentelemetry/api';

import { pascal } from './topologies/build-operations';
import type { Broker, Operation, Service, Store } from './topologies/model';

// Attribute sets of the spans the demo emits, following the current OpenTelemetry semantic
// conventions (https://opentelemetry.io/docs/specs/semconv/): HTTP and RPC client/server
// spans, database client spans and messaging spans. Database spans also carry the older
// `db.system` name, as instrumentations do while they move to `db.system.name`.

export const HTTP_PORT = 8080;
export const GRPC_PORT = 50051;

export function hostOf(service: string, dnsSuffix: string): string {
  return `${service}.${dnsSuffix}`;
}

export function rpcServiceOf(service: Service): string {
  return `${service.namespace.replace(/-/g, '_')}.v1.${pascal(service.name)}`;
}

/** Span name and attributes shared by both ends of a call to `op` of `callee`. */
export function callShape(callee: Service, op: Operation, dnsSuffix: string, statusCode: number) {
  const address = hostOf(callee.name, dnsSuffix);
  if (op.protocol === 'grpc') {
    const rpcService = rpcServiceOf(callee);
    return {
      name: `${rpcService}/${op.name}`,
      common: {
        'rpc.system': 'grpc',
        'rpc.service': rpcService,
        'rpc.method': op.name,
        'rpc.grpc.status_code': statusCode,
        'server.address': address,
        'server.port': GRPC_PORT,
      } satisfies Attributes,
      client: {} as Attributes,
      server: {} as Attributes,
    };
  }
  const [method, route] = splitRoute(op.name);
  const path = route.replace('{id}', String(1000 + (statusCode % 97)));
  return {
    name: `${method} ${route}`,
    common: {
      'http.request.method': method,
      'http.response.status_code': statusCode,
      'server.address': address,
      'server.port': HTTP_PORT,
    } satisfies Attributes,
    client: { 'url.full': `http://${address}:${HTTP_PORT}${path}` } as Attributes,
    server: { 'http.route': route, 'url.path': path, 'url.scheme': 'http' } as Attributes,
  };
}

export function splitRoute(name: string): [string, string] {
  const space = name.indexOf(' ');
  return space < 0 ? ['POST', name] : [name.slice(0, space), name.slice(space + 1)];
}

const QUERY: Record<string, (table: string) => string> = {
  SELECT: (t) => `SELECT * FROM ${t} WHERE id = $1`,
  INSERT: (t) => `INSERT INTO ${t} (id, body) VALUES ($1, $2)`,
  UPDATE: (t) => `UPDATE ${t} SET body = $2 WHERE id = $1`,
  DELETE: (t) => `DELETE FROM ${t} WHERE id = $1`,
};

export function dbSpan(store: Store, operation: string): { name: string; attributes: Attributes } {
  const attributes: Attributes = {
    'db.system.name': store.system,
    'db.system': store.system,
    'db.namespace': store.namespace,
    'db.operation.name': operation,
    'db.collection.name': store.collection,
    'server.address': store.address,
    'server.port': store.port,
  };
  const query = QUERY[operation];
  if (query && store.system !== 'redis') attributes['db.query.text'] = query(store.collection);
  return { name: `${operation} ${store.collection}`, attributes };
}

export function messagingSpan(
  broker: Broker,
  topic: string,
  type: 'send' | 'process',
  consumerGroup?: string,
): { name: string; attributes: Attributes } {
  const attributes: Attributes = {
    'messaging.system': broker.system,
    'messaging.destination.name': topic,
    'messaging.operation.type': type,
    'messaging.operation.name': type,
    'server.address': broker.address,
    'server.port': broker.port,
  };
  if (consumerGroup) attributes['messaging.consumer.group.name'] = consumerGroup;
  return { name: `${type} ${topic}`, attributes };
}
