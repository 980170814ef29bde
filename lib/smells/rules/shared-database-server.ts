import { byName, nameOf, type SmellContext } from '../context';
import { makeFinding } from '../finding';
import type { SmellRule } from '../rule';
import type { Finding } from '../types';
import { databaseAccesses, type DatabaseAccess } from './database-access';
import { accessorEvidence } from './shared-persistence';

// MS-02: several services keep *different* databases on one server. That is Taibi's
// acceptable "private schema" option, but the server is still one failure and capacity
// domain, so it is reported as info and never as high.

function evaluate(ctx: SmellContext): Finding[] {
  const byServer = new Map<string, DatabaseAccess[]>();
  for (const access of databaseAccesses(ctx)) {
    byServer.set(access.database, [...(byServer.get(access.database) ?? []), access]);
  }

  const findings: Finding[] = [];
  for (const [database, list] of byServer) {
    const dbNames = [...new Set(list.map((a) => a.dbName).filter(Boolean))].sort();
    const services = [...new Set(list.map((a) => a.service))].sort(byName(ctx));
    if (dbNames.length < 2 || services.length < ctx.config.sharedServerMinServices) continue;
    const server = nameOf(ctx, database);
    list.sort((a, b) => byName(ctx)(a.service, b.service) || a.dbName.localeCompare(b.dbName));
    findings.push(
      makeFinding({
        code: 'shared-database-server',
        title: `Shared database server: ${server}`,
        severity: 'info',
        services,
        edges: [...new Set(list.map((a) => a.edge.id))],
        resources: [database],
        evidence: {
          server,
          databases: dbNames,
          databaseCount: dbNames.length,
          accessorCount: services.length,
          accessors: accessorEvidence(ctx, list),
        },
        why: `${services.length} services keep ${dbNames.length} databases on ${server}, one shared failure and capacity domain.`,
        fix: 'Acceptable as private schemas; move the busiest databases to their own servers when load or outages couple the services.',
      }),
    );
  }
  return findings;
}

export const sharedDatabaseServer: SmellRule = {
  code: 'shared-database-server',
  evaluate,
};
