import { NextResponse } from 'next/server';

import { pingDatabase } from '@/lib/db/pool';
import { collectorHealth } from '@/lib/runtime/health';
import { runtime } from '@/lib/runtime/runtime';

export const dynamic = 'force-dynamic';

/** GET /api/health — database and collector state; 503 when the database does not answer. */
export async function GET() {
  const database = await pingDatabase();
  const rt = runtime();
  // The database may answer a ping while batches still fail to store: that is degraded too.
  const stalled = Boolean(rt?.queue.databaseFailing);
  const collectors = collectorHealth();
  const degradedCollectors = Object.entries(collectors)
    .filter(([, c]) => c.state === 'degraded')
    .map(([name]) => name);
  const body = {
    status: database.ok && !stalled && degradedCollectors.length === 0 ? 'ok' : 'degraded',
    database: {
      ok: database.ok,
      embedded: rt ? !rt.env.DATABASE_URL : undefined,
      latencyMs: Math.round(database.latencyMs),
      error: database.error,
    },
    ingest: rt
      ? {
          backlogBatches: rt.queue.backlog,
          storedBatches: rt.queue.stored,
          failing: stalled,
          droppedBatches: rt.queue.dropped,
          lastDropReason: rt.queue.lastDropReason,
        }
      : undefined,
    collectors,
    otlp: rt?.otlpPort ? { port: rt.otlpPort, path: '/v1/traces' } : undefined,
    uptimeSec: rt ? Math.round((Date.now() - rt.startedAtMs) / 1000) : undefined,
  };
  return NextResponse.json(body, { status: database.ok ? 200 : 503 });
}
