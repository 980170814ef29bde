import { byName, nameOf, type SmellContext } from '../context';
import { makeFinding, raise } from '../finding';
import type { SmellRule } from '../rule';
import type { Finding, Severity } from '../types';
import { databaseAccesses, type DatabaseAccess } from './database-access';

// MS-01: one database (system + resolved host + database name) used by several services.
// They can no longer change its schema, or deploy, independently. Graded by writers: two
// writers on one database is the case Taibi calls worst.

export function accessorEvidence(ctx: SmellContext, list: DatabaseAccess[]) {
  return list.map((a) => ({
    service: nameOf(ctx, a.service),
    database: a.dbName || null,
    via: a.via,
    calls: a.calls,
    ratePerSec: a.ratePerSec,
    writes: a.writes,
    writer: a.writer,
    sampleTraceId: a.edge.sampleTraceId,
  }));
}

function evaluate(ctx: SmellContext): Finding[] {
  const groups = new Map<string, DatabaseAccess[]>();
  for (const access of databaseAccesses(ctx)) {
    const key = `${access.database}\u0000${access.dbName}`;
    groups.set(key, [...(groups.get(key) ?? []), access]);
  }

  const findings: Finding[] = [];
  for (const list of groups.values()) {
    const services = [...new Set(list.map((a) => a.service))].sort(byName(ctx));
    if (services.length < ctx.config.sharedPersistenceMinServices) continue;
    const writers = new Set(list.filter((a) => a.writer).map((a) => a.service));
    let severity: Severity =
      writers.size >= ctx.config.sharedPersistenceHighWriters ? 'high' : 'medium';
    if (services.length >= 4) severity = raise(severity);

    const { database, dbName } = list[0];
    const server = nameOf(ctx, database);
    const label = dbName ? `${dbName} on ${server}` : server;
    list.sort((a, b) => byName(ctx)(a.service, b.service));
    findings.push(
      makeFinding({
        code: 'shared-persistence',
        title: `Shared persistence: ${label}`,
        severity,
        services,
        edges: [...new Set(list.map((a) => a.edge.id))],
        resources: [database],
        discriminator: dbName,
        evidence: {
          server,
          database: dbName || null,
          accessorCount: services.length,
          writerCount: writers.size,
          accessors: accessorEvidence(ctx, list),
        },
        why: `${services.length} services use the database ${label}, so none of them can change its schema or deploy on its own.`,
        fix: 'Give the data one owning service (database per service) and let the others use its API or its events.',
      }),
    );
  }
  return findings;
}

export const sharedPersistence: SmellRule = {
  code: 'shared-persistence',
  evaluate,
};
