import { pool } from '@/lib/db/pool';
import type { VersionSample } from '@/lib/smells/types';

import type { GraphWindow } from './query';

/** Which versions each node reported per bucket of the window (lock-step evidence). */
export async function loadVersionTimeline({ fromMs, toMs }: GraphWindow): Promise<VersionSample[]> {
  const result = await pool().query(
    `SELECT node_id, (extract(epoch FROM bucket_start) * 1000)::bigint AS ms, versions
     FROM node_bucket
     WHERE bucket_start >= $1 AND bucket_start < $2 AND cardinality(versions) > 0
     ORDER BY bucket_start, node_id`,
    [new Date(Math.floor(fromMs / 60_000) * 60_000), new Date(toMs)],
  );
  return result.rows.map((r) => ({
    node: r.node_id,
    bucketStartMs: Number(r.ms),
    versions: r.versions,
  }));
}
