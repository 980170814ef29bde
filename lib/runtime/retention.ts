import { pool } from '@/lib/db/pool';
import { childLogger } from '@/lib/logger';

// Drops rollups older than the retention period. Rollups are 1-minute buckets only (no
// coarser tier yet), so retention is what bounds the database's size.

const log = childLogger('retention');
const TABLES = ['edge_bucket', 'node_bucket', 'entry_bucket', 'trust_bucket'];

export async function pruneOlderThan(cutoff: Date): Promise<number> {
  let deleted = 0;
  for (const table of TABLES) {
    const result = await pool().query(`DELETE FROM ${table} WHERE bucket_start < $1`, [cutoff]);
    deleted += result.rowCount ?? 0;
  }
  const batches = await pool().query('DELETE FROM ingest_batch WHERE received_at < $1', [cutoff]);
  deleted += batches.rowCount ?? 0;
  return deleted;
}

export function startRetention(hours: number): () => void {
  const run = () => {
    const cutoff = new Date(Date.now() - hours * 3_600_000);
    pruneOlderThan(cutoff)
      .then((deleted) => deleted > 0 && log.info({ deleted, cutoff }, 'old rollups pruned'))
      .catch((err) => log.warn({ err }, 'retention run failed'));
  };
  const first = setTimeout(run, 30_000);
  const timer = setInterval(run, 3_600_000);
  first.unref();
  timer.unref();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
