import { describe, expect, it } from 'vitest';

import { GraphBuilder, runRule, summarize } from '../testing/build-graph';
import { sharedDatabaseServer } from './shared-database-server';
import { sharedPersistence } from './shared-persistence';

function ordersDb(writesB: number) {
  const g = new GraphBuilder();
  const db = g.database('orders-db', 'postgresql', {
    detail: { 'db.namespace': 'orders' },
  });
  g.edge(g.service('orders'), db, 'database', {
    writes: 5,
    sampleTraceId: 'abc',
  });
  g.edge(g.service('billing'), db, 'database', { writes: writesB });
  g.edge(g.service('shipping'), g.database('ship-db'), 'database', {
    writes: 3,
  });
  return g;
}

describe('shared persistence', () => {
  it('flags a database used by two services, high when both write', () => {
    const g = ordersDb(2);
    const findings = runRule(sharedPersistence, g.input);
    expect(summarize(g.input, findings)).toEqual([
      {
        code: 'shared-persistence',
        severity: 'high',
        services: ['billing', 'orders'],
        resources: ['orders-db'],
      },
    ]);
    expect(findings[0].evidence.writerCount).toBe(2);
    expect(findings[0].evidence.accessors).toEqual([
      {
        service: 'billing',
        database: 'orders',
        via: 'traced',
        calls: 10,
        ratePerSec: 10 / 3600,
        writes: 2,
        writer: true,
        sampleTraceId: null,
      },
      {
        service: 'orders',
        database: 'orders',
        via: 'traced',
        calls: 10,
        ratePerSec: 10 / 3600,
        writes: 5,
        writer: true,
        sampleTraceId: 'abc',
      },
    ]);
  });

  it('is medium with one writer and readers', () => {
    const g = ordersDb(0);
    expect(summarize(g.input, runRule(sharedPersistence, g.input)).map((f) => f.severity)).toEqual([
      'medium',
    ]);
  });

  it('does not fire for a database per service, nor for depends_on only', () => {
    const g = new GraphBuilder();
    g.edge(g.service('a'), g.database('a-db'), 'database');
    g.edge(g.service('b'), g.database('b-db'), 'database');
    g.edge(g.service('c'), g.database('a-db'), 'database', {
      origins: ['declared'],
      calls: 0,
      declared: [{ via: 'depends_on', detail: { service: 'a-db' } }],
    });
    expect(runRule(sharedPersistence, g.input)).toEqual([]);
  });

  it('does not count infrastructure accessors', () => {
    const g = new GraphBuilder();
    const db = g.database('pg');
    g.edge(g.service('a'), db, 'database');
    g.edge(g.service('postgres-exporter'), db, 'database');
    expect(runRule(sharedPersistence, g.input)).toEqual([]);
  });
});

describe('shared database server', () => {
  it('reports different databases on one server as info', () => {
    const g = new GraphBuilder();
    const db = g.database('sqldata', 'mssql');
    const env = (database: string) => ({
      origins: ['declared' as const],
      calls: 0,
      declared: [{ via: 'env', detail: { variable: 'ConnectionString', database } }],
    });
    g.edge(g.service('catalog'), db, 'database', env('CatalogDb'));
    g.edge(g.service('identity'), db, 'database', env('IdentityDb'));
    const findings = runRule(sharedDatabaseServer, g.input);
    expect(summarize(g.input, findings)).toEqual([
      {
        code: 'shared-database-server',
        severity: 'info',
        services: ['catalog', 'identity'],
        resources: ['sqldata'],
      },
    ]);
    expect(findings[0].evidence.databases).toEqual(['CatalogDb', 'IdentityDb']);
    expect(runRule(sharedPersistence, g.input)).toEqual([]);
  });

  it('does not fire when all share one database name (that is shared persistence)', () => {
    const g = ordersDb(1);
    expect(runRule(sharedDatabaseServer, g.input)).toEqual([]);
  });
});
