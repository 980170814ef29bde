import type { TopologySpec } from './topology-spec';

// Twitter (Finagle era, 2013-2016): a few hundred services, fan-out heavy. Reads scatter to
// several services at once and batch-call the same one; writes fan out to many consumers of
// one event (timeline fan-out on write). The names are invented.

export const twitter: TopologySpec = {
  name: 'twitter',
  dnsSuffix: 'twitter.internal',
  domains: [
    'tweet',
    'timeline',
    'user',
    'follow',
    'graph',
    'search',
    'trends',
    'notification',
    'dm',
    'media',
    'ads',
    'card',
    'url',
    'geo',
    'hashtag',
    'mention',
    'like',
    'retweet',
    'list',
    'moment',
    'spaces',
    'device',
    'abuse',
    'spam',
    'ranking',
    'feature',
    'profile',
    'badge',
    'analytics',
    'topic',
  ],
  cells: [
    {
      suffix: '',
      gateways: ['tfe-gateway', 'api-gateway', 'ads-api-gateway'],
      api: 30,
      mid: 90,
      leaf: 120,
      worker: 57,
    },
  ],
  grpcShare: 0.7,
  leafSystems: ['mysql', 'redis', 'cassandra'],
  extraCallees: [2, 4],
  repeat: [2, 3],
  consumersPerTopic: [3, 8],
  anchors: {
    sharedDatabase: {
      owner: 'user-store',
      reader: 'follow-lookup',
      writer: 'profile-indexer',
    },
    cycle: ['timeline-api', 'tweet-service', 'ranking-scorer'],
    rollout: { service: 'search-engine', versions: ['2.18.0', '2.19.0'] },
  },
};
