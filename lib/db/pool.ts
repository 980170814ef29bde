import pg from 'pg';

import { childLogger } from '@/lib/logger';

// One pg pool per process, shared by the custom server and the Next.js route handlers
// (they are bundled separately, so the pool lives on globalThis rather than in a module).
// Rollup upserts use it directly: they are multi-row, array-valued SQL that an ORM would
// only slow down. Prisma (lib/db/client.ts) serves the plain reads.

const log = childLogger('db');

// BIGINT counters come back as strings by default; ours stay far below 2^53.
pg.types.setTypeParser(20, (v) => Number(v));
// BIGINT[] (oid 1016) likewise: histograms arrive as number arrays.
const INT8_ARRAY = 1016 as Parameters<typeof pg.types.getTypeParser>[0];
const parseTextArray = pg.types.getTypeParser(INT8_ARRAY);
pg.types.setTypeParser(INT8_ARRAY, (v: string) => (parseTextArray(v) as string[]).map(Number));

interface Holder {
  pool?: pg.Pool;
  url?: string;
}
const holder = ((globalThis as { __orreryDb?: Holder }).__orreryDb ??= {});

export function databaseUrl(): string {
  const url = holder.url ?? process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set and no embedded database was started');
  return url;
}

export function setDatabaseUrl(url: string) {
  holder.url = url;
}

export function pool(): pg.Pool {
  if (!holder.pool) {
    holder.pool = new pg.Pool({
      connectionString: databaseUrl(),
      max: 10,
      connectionTimeoutMillis: 3000,
      // A server that stops answering must fail queries, not hang them: the ingest queue
      // then retries and the receivers answer 503.
      query_timeout: 30_000,
      idleTimeoutMillis: 30_000,
    });
    holder.pool.on('error', (err: Error & { code?: string }) =>
      log.warn({ message: err.message, code: err.code }, 'idle database connection failed'),
    );
  }
  return holder.pool;
}

export async function closePool() {
  const current = holder.pool;
  holder.pool = undefined;
  await current?.end();
}

/** True when the database answers a trivial query within the pool's connect timeout. */
export async function pingDatabase(): Promise<{ ok: boolean; error?: string; latencyMs: number }> {
  const started = performance.now();
  try {
    await pool().query({ text: 'SELECT 1', query_timeout: 2000 } as pg.QueryConfig);
    return { ok: true, latencyMs: performance.now() - started };
  } catch (err) {
    return { ok: false, error: (err as Error).message, latencyMs: performance.now() - started };
  }
}
