import { describe, expect, it } from 'vitest';

import { observationBatchSchema } from '@/lib/ingest/schema';
import { corpusPath, corpusSkipReason, hasCorpus } from '@/lib/testing/corpus';
import type { ObservationBatchWithDocker } from '@/lib/topology/types';

import { loadComposeProject } from './load-compose-project';

// Exact expectations on real compose files (issue 3): who is declared to use whom.

function usersOf(batch: ObservationBatchWithDocker, target: string, via: string): string[] {
  return batch
    .docker!.declared.filter((d) => d.target === target && d.via === via)
    .map((d) => d.source.replace(/^service:/, ''))
    .sort();
}

describe.skipIf(!hasCorpus)(`compose import on the corpus ${corpusSkipReason}`, () => {
  it('eShopOnContainers base + override', async () => {
    const batch = await loadComposeProject([
      corpusPath('eshoponcontainers/docker-compose.yml'),
      corpusPath('eshoponcontainers/docker-compose.override.yml'),
    ]);
    expect(observationBatchSchema.safeParse(batch).success).toBe(true);
    expect(batch.docker!.host).toBe('compose:eshoponcontainers');
    expect(JSON.stringify(batch)).not.toContain('Pass@word');

    const sql = 'database:mssql@sqldata';
    expect(usersOf(batch, sql, 'env')).toEqual([
      'catalog-api',
      'identity-api',
      'ordering-api',
      'ordering-backgroundtasks',
      'webhooks-api',
    ]);
    const dbName = (service: string) =>
      batch.docker!.declared.find(
        (d) => d.source === `service:${service}` && d.target === sql && d.via === 'env',
      )?.detail?.database;
    expect(dbName('ordering-api')).toBe('Microsoft.eShopOnContainers.Services.OrderingDb');
    expect(dbName('ordering-backgroundtasks')).toBe(dbName('ordering-api'));
    expect(dbName('catalog-api')).toBe('Microsoft.eShopOnContainers.Services.CatalogDb');

    const bus = 'queue:rabbitmq/rabbitmq';
    const envUsers = usersOf(batch, bus, 'env');
    expect(envUsers).toEqual([
      'basket-api',
      'catalog-api',
      'ordering-api',
      'ordering-backgroundtasks',
      'ordering-signalrhub',
      'payment-api',
      'webhooks-api',
    ]);
    const dependsUsers = usersOf(batch, bus, 'depends_on');
    expect(dependsUsers.filter((s) => !envUsers.includes(s))).toEqual([
      'mobileshoppingagg',
      'webshoppingagg',
    ]);
    expect(
      batch.docker!.declared.filter((d) => d.via === 'env').every((d) => d.detail?.variable),
    ).toBe(true);
    expect(
      batch
        .docker!.declared.filter((d) => d.target === bus)
        .every((d) => d.connectionType === 'messaging'),
    ).toBe(true);

    const node = (key: string) => batch.nodes.find((n) => n.key === key);
    expect(node(sql)).toEqual({
      key: sql,
      kind: 'database',
      name: 'sqldata',
      group: 'eshoponcontainers',
      version: '2019-latest',
      detail: {
        image: 'mcr.microsoft.com/mssql/server',
        system: 'mssql',
        databases: [
          'Microsoft.eShopOnContainers.Service.IdentityDb',
          'Microsoft.eShopOnContainers.Services.CatalogDb',
          'Microsoft.eShopOnContainers.Services.OrderingDb',
          'Microsoft.eShopOnContainers.Services.WebhooksDb',
        ].join(','),
      },
    });
    expect(node('service:basket-api')).toEqual({
      key: 'service:basket-api',
      kind: 'service',
      name: 'basket-api',
      group: 'eshoponcontainers',
      version: 'linux-latest',
      detail: { image: 'eshop/basket.api' },
    });
    const sqlContainer = batch.docker!.containers.find(
      (c) => c.id === 'compose:eshoponcontainers/sqldata',
    );
    expect(sqlContainer).toMatchObject({
      name: 'eshoponcontainers-sqldata-1',
      state: 'declared',
      image: 'mcr.microsoft.com/mssql/server',
      tag: '2019-latest',
      networks: [{ name: 'eshoponcontainers_default', ips: [], aliases: ['sqldata'] }],
      mounts: [
        {
          type: 'volume',
          name: 'eshoponcontainers_eshop-sqldata',
          destination: '/var/opt/mssql',
          rw: true,
        },
      ],
    });
  });

  it('DeathStarBench socialNetwork: one service per store, jaeger-agent used by 13', async () => {
    const batch = await loadComposeProject([
      corpusPath('deathstarbench/socialNetwork/docker-compose.yml'),
    ]);
    const stores = batch.nodes.filter((n) => n.kind === 'database');
    const usersByStore = Object.fromEntries(
      stores.map((s) => [s.name, usersOf(batch, s.key, 'depends_on')]),
    );
    // Stores named only in the mounted service-config.json (redis, memcached) are declared
    // by no service; every store that is declared has exactly one user.
    expect(usersByStore).toEqual({
      'social-graph-mongodb': ['social-graph-service'],
      'social-graph-redis': [],
      'home-timeline-redis': [],
      'post-storage-memcached': [],
      'post-storage-mongodb': ['post-storage-service'],
      'user-timeline-redis': [],
      'user-timeline-mongodb': ['user-timeline-service'],
      'url-shorten-memcached': [],
      'url-shorten-mongodb': ['url-shorten-service'],
      'user-memcached': [],
      'user-mongodb': ['user-service'],
      'media-memcached': [],
      'media-mongodb': ['media-service'],
    });
    expect(usersOf(batch, 'service:jaeger-agent', 'depends_on')).toHaveLength(13);
    expect(batch.docker!.declared.filter((d) => d.via === 'env')).toEqual([]);
  });

  it('spigo testV2: links', async () => {
    const batch = await loadComposeProject([corpusPath('spigo/compose_yaml/testV2.yml')]);
    expect(usersOf(batch, 'database:postgresql@db', 'links')).toEqual(['result-app', 'worker']);
    expect(usersOf(batch, 'database:redis@redis', 'links')).toEqual(['voting-app', 'worker']);
    expect(batch.docker!.declared).toHaveLength(4);
    const worker = batch.docker!.containers.find((c) => c.name === 'compose_yaml-worker-1');
    expect(worker?.networks.map((n) => n.name)).toEqual(['compose_yaml_back-tier']);
  });

  it('spigo test.yml (compose v1, no services: key) is read as services', async () => {
    const batch = await loadComposeProject([corpusPath('spigo/compose_yaml/test.yml')]);
    expect(batch.docker!.declared.map((d) => `${d.source} ${d.via} ${d.target}`).sort()).toEqual([
      'service:nginx links service:web',
      'service:web links database:redis@db',
    ]);
  });
});
