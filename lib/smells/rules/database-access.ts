import type { GraphEdge } from '@/lib/graph/types';

import type { SmellContext } from '../context';

// Who uses which database, from traced/observed database calls and from connection settings
// a container declares (env). A bare depends_on says "start after", not "reads and writes",
// so it is not access: eShopOnContainers' aggregators depend on sqldata without using it.

export interface DatabaseAccess {
  database: string; // node id of the database server
  dbName: string; // '' when unknown
  service: string; // node id
  edge: GraphEdge;
  calls: number;
  ratePerSec: number;
  writes: number;
  /** Traced writes; without traced calls (config or TCP only) a connection may write. */
  writer: boolean;
  via: string; // 'traced' | 'observed' | 'env'
}

const DB_NAME_KEYS = ['database', 'db.namespace', 'db.name', 'dbName', 'db'];

function dbNameFrom(detail: Record<string, string> | null | undefined): string {
  if (!detail) return '';
  for (const key of DB_NAME_KEYS) if (detail[key]) return detail[key];
  return '';
}

export function databaseAccesses(ctx: SmellContext): DatabaseAccess[] {
  const out: DatabaseAccess[] = [];
  for (const edge of ctx.input.edges) {
    const target = ctx.nodes.get(edge.target);
    const source = ctx.nodes.get(edge.source);
    if (!target || !source || source.kind !== 'service') continue;
    if (target.kind !== 'database' && ctx.roles.get(target.id) !== 'datastore') continue;
    const role = ctx.roles.get(source.id);
    if (role !== 'app' && !(ctx.config.includeInfra && role !== 'datastore')) continue;

    const traced = edge.origins.includes('traced') || edge.origins.includes('observed');
    const names = new Set<string>();
    for (const d of edge.declared) if (d.via === 'env') names.add(dbNameFrom(d.detail));
    if (!traced && names.size === 0) continue;
    if (names.size === 0) names.add(dbNameFrom(target.detail));

    for (const dbName of names) {
      out.push({
        database: target.id,
        dbName,
        service: source.id,
        edge,
        calls: edge.calls,
        ratePerSec: edge.ratePerSec,
        writes: edge.writes,
        writer: edge.writes > 0 || !edge.origins.includes('traced'),
        via: edge.origins.includes('traced') ? 'traced' : traced ? 'observed' : 'env',
      });
    }
  }
  return out;
}
