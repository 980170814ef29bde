// The demo's model of a microservice estate: services with operations, the calls each
// operation makes, their private stores and one message broker. The workload walks this model
// to produce traces; the tests analyse it statically to prove which smells are seeded.

export type Tier = 'gateway' | 'api' | 'mid' | 'leaf' | 'worker';
export type Protocol = 'http' | 'grpc';
export type DbSystem = 'postgresql' | 'mysql' | 'cassandra' | 'redis';

export interface Store {
  system: DbSystem;
  /** Host name the clients connect to; identity of the database node. */
  address: string;
  port: number;
  /** Database / keyspace / redis db index: detail, not identity. */
  namespace: string;
  /** Table, collection or key prefix the operations touch. */
  collection: string;
}

export type Step =
  | { type: 'call'; service: string; operation: string; repeat: number }
  | { type: 'db'; store: Store; operation: string }
  | { type: 'produce'; topic: string };

export interface Operation {
  /** http: `GET /v1/…` (route); grpc: the method name. */
  name: string;
  protocol: Protocol;
  /** Steps run in order; the calls inside one group run in parallel. */
  groups: Step[][];
  selfMs: [number, number];
  /** Probability that the operation fails on its own (5xx / gRPC INTERNAL). */
  errorRate: number;
  /** Probability of a 4xx answer (counted apart from errors). */
  clientErrorRate: number;
}

export interface Instance {
  id: string;
  version: string;
}

export interface Service {
  name: string;
  namespace: string;
  tier: Tier;
  instances: Instance[];
  operations: Operation[];
  /** Topics this service consumes, each handled by one of its operations. */
  consumes: Array<{ topic: string; operation: string }>;
}

export interface Broker {
  system: 'kafka';
  address: string;
  port: number;
}

export interface Topic {
  name: string;
  producer: string;
  consumers: string[];
}

export interface Topology {
  name: string;
  /** DNS suffix of service hosts (`<service>.<dnsSuffix>`). */
  dnsSuffix: string;
  services: Service[];
  /** Gateway operations a trace may start at, with relative weights. */
  entries: Array<{ service: string; operation: string; weight: number }>;
  broker: Broker;
  topics: Topic[];
}

/** The smells a topology carries on purpose; the smells view must find exactly these. */
export interface SeededSmells {
  sharedDatabase: {
    system: DbSystem;
    address: string;
    namespace: string;
    services: string[];
    writers: string[];
  };
  centralBroker: { system: 'kafka'; address: string; services: string[] };
  /** The synchronous loop in call order: services[0] → services[1] → … → services[0]. */
  cycle: { services: string[] };
  versionRollout: { service: string; versions: [string, string] };
}

export const WRITE_OPERATIONS = new Set(['INSERT', 'UPDATE', 'DELETE', 'UPSERT', 'SET', 'DEL']);
