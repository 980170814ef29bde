import type { CellSpec, TopologySpec } from './topology-spec';

// Netflix (the "death star", 2015-2016): on the order of 1,000 services, the same stack run in
// three AWS regions, each behind its own Zuul edge, with Cassandra and EVCache-style caches
// under the data tier. Regions become service.namespace, so they show as groups; the names are
// invented. The seeded smells live in the first region only; the one Kafka is global.

const region = (name: string, suffix: string, worker: number): CellSpec => ({
  region: name,
  suffix,
  gateways: [`zuul-gateway${suffix}`],
  api: 40,
  mid: 120,
  leaf: 130,
  worker,
});

export const netflix: TopologySpec = {
  name: 'netflix',
  dnsSuffix: 'netflix.internal',
  domains: [
    'playback',
    'subscriber',
    'personalization',
    'history',
    'ratings',
    'recommendation',
    'artwork',
    'metadata',
    'search',
    'billing',
    'signup',
    'device',
    'drm',
    'license',
    'bookmark',
    'profile',
    'mylist',
    'lolomo',
    'experiment',
    'merch',
    'localization',
    'subtitle',
    'encoding',
    'membership',
    'payment',
    'partner',
    'kids',
    'trailer',
    'genre',
    'ranking',
    'similar',
    'evidence',
    'notification',
    'messaging',
    'session',
    'identity',
    'geo',
    'catalog',
    'title',
    'viewing',
  ],
  cells: [
    region('us-east-1', '-use1', 42),
    region('us-west-2', '-usw2', 42),
    region('eu-west-1', '-euw1', 43),
  ],
  grpcShare: 0.6,
  leafSystems: ['cassandra', 'cassandra', 'redis', 'mysql'],
  extraCallees: [0, 2],
  repeat: [2, 3],
  consumersPerTopic: [1, 2],
  anchors: {
    sharedDatabase: {
      owner: 'subscriber-store',
      reader: 'billing-ledger',
      writer: 'membership-worker',
    },
    cycle: ['playback-api', 'license-manager', 'drm-resolver'],
    rollout: {
      service: 'recommendation-engine',
      versions: ['12.0.4', '12.1.0'],
    },
  },
};
