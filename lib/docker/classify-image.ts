import type { NodeKind } from '@/lib/topology/types';

// Which containers are datastores or brokers, from the image name alone (smells.md §1.4).
// Custom images (`weaveworksdemos/user-db`) defeat this; the resolver then falls back to how
// other containers address the container (a `postgres://` URL makes it a postgresql database).

export interface ImageClass {
  kind: Extract<NodeKind, 'service' | 'database' | 'queue'>;
  /** OTel `db.system` / `messaging.system` value, so the key matches traced nodes. */
  system?: string;
}

const PATTERNS: Array<[RegExp, ImageClass]> = [
  [/postgres|postgis|timescale/, { kind: 'database', system: 'postgresql' }],
  [/mariadb/, { kind: 'database', system: 'mariadb' }],
  [/mysql|percona/, { kind: 'database', system: 'mysql' }],
  [/mongo(?!-express)/, { kind: 'database', system: 'mongodb' }],
  [/redis|valkey|keydb/, { kind: 'database', system: 'redis' }],
  [/memcached/, { kind: 'database', system: 'memcached' }],
  [/cassandra|scylla/, { kind: 'database', system: 'cassandra' }],
  [/couchdb/, { kind: 'database', system: 'couchdb' }],
  [/couchbase/, { kind: 'database', system: 'couchbase' }],
  [/neo4j/, { kind: 'database', system: 'neo4j' }],
  [/influxdb/, { kind: 'database', system: 'influxdb' }],
  [/cockroach/, { kind: 'database', system: 'cockroachdb' }],
  [/clickhouse/, { kind: 'database', system: 'clickhouse' }],
  [/mssql|sql-server|sqlserver|azure-sql-edge/, { kind: 'database', system: 'mssql' }],
  [/elasticsearch|opensearch(?!-dashboards)/, { kind: 'database', system: 'elasticsearch' }],
  [/rabbitmq/, { kind: 'queue', system: 'rabbitmq' }],
  [/kafka|redpanda/, { kind: 'queue', system: 'kafka' }],
  [/(^|\/)nats/, { kind: 'queue', system: 'nats' }],
  [/activemq|artemis/, { kind: 'queue', system: 'activemq' }],
  [/pulsar/, { kind: 'queue', system: 'pulsar' }],
  [/mosquitto|emqx/, { kind: 'queue', system: 'mqtt' }],
];

/** Classifies an image reference (`mcr.microsoft.com/mssql/server:2019-latest`). */
export function classifyImage(image: string): ImageClass {
  const name = parseImageRef(image).name.toLowerCase();
  for (const [pattern, cls] of PATTERNS) if (pattern.test(name)) return cls;
  return { kind: 'service' };
}

/** Splits `registry:5000/ns/name:tag@sha256:…` into name and tag (Docker's default `latest`). */
export function parseImageRef(image: string): { name: string; tag: string } {
  const [withoutDigest, digest] = image.split('@');
  const slash = withoutDigest!.lastIndexOf('/');
  const colon = withoutDigest!.lastIndexOf(':');
  if (colon > slash)
    return {
      name: withoutDigest!.slice(0, colon),
      tag: withoutDigest!.slice(colon + 1),
    };
  if (digest) return { name: withoutDigest!, tag: digest.slice(0, 19) };
  return { name: withoutDigest!, tag: 'latest' };
}
