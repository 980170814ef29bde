import type { GraphNode } from '@/lib/graph/types';

import type { NodeRole, SmellConfig } from './config';

// What part a node plays (smells.md §1.4). Graph-metric rules count only `app` nodes unless
// includeInfra is set: a tracing agent every service depends on is not a hub, and a gateway
// relaying everything is not an ESB. Decided from, in order: the user's override, the node
// kind, then the node's name and its containers' images matched against known products.

const PATTERNS: Array<[Exclude<NodeRole, 'app' | 'external'>, RegExp]> = [
  [
    'loadgen',
    /(^|[-_./])(locust|k6|wrk|loadgen|load-?test(er)?|load-?generator|user-?sim)([-_./:]|$)/,
  ],
  [
    'infra',
    new RegExp(
      '(^|[-_./])(eureka|consul|etcd|nacos|config-?server|config-?service|registry|discovery|' +
        'otel-?collector|opentelemetry-collector|collector|jaeger(-agent|-collector|-query)?|' +
        'all-in-one|zipkin|tempo|prometheus|grafana|loki|fluentd|fluent-bit|logstash|kibana|' +
        'turbine|hystrix-dashboard|flagd|unleash|zookeeper|seq|admin-?server|cadvisor|' +
        'node-exporter|[a-z]+-exporter|webstatus|health-?checks?(-ui)?|status-?page)([-_./:]|$)',
    ),
  ],
  [
    'gateway',
    /(^|[-_./])(nginx|openresty|envoy|envoyproxy|traefik|haproxy|kong|krakend|zuul|apisix|tyk|[a-z]*gateway|[a-z]*apigw|api-gw|ingress-?gateway|edge-router|frontend-proxy)([-_./:]|$)/,
  ],
  [
    'datastore',
    /(^|[-_./])(postgres(ql)?|mysql|mariadb|mongo(db)?|redis|valkey|memcached|cassandra|couchdb|couchbase|neo4j|influxdb|arangodb|orientdb|rethinkdb|aerospike|cockroach(db)?|clickhouse|mssql|sqlserver|elasticsearch|opensearch)([-_./:]|$)/,
  ],
  [
    'broker',
    /(^|[-_./])(rabbitmq|kafka|nats|activemq|artemis|pulsar|mosquitto|redpanda)([-_./:]|$)/,
  ],
];

function matchRole(text: string): NodeRole | null {
  const lower = text.toLowerCase();
  for (const [role, pattern] of PATTERNS) if (pattern.test(lower)) return role;
  return null;
}

export function classifyNode(node: GraphNode, config: SmellConfig): NodeRole {
  const override = config.roles[node.name];
  if (override) return override;
  if (node.kind === 'database') return 'datastore';
  if (node.kind === 'queue') return 'broker';
  if (node.kind === 'external' || node.kind === 'unknown-caller') return 'external';

  // The name first: an image shared by many services (DeathStarBench runs one image for all
  // of them) says less than the service's own name.
  const byName = matchRole(node.name);
  if (byName) return byName;
  for (const container of node.containers) {
    const byImage = matchRole(container.image.split('/').pop() ?? container.image);
    if (byImage) return byImage;
  }
  return 'app';
}
