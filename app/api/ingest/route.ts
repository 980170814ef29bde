import { NextResponse, type NextRequest } from 'next/server';

import { checkIngestAuth, isLoopback, REMOTE_HEADER } from '@/lib/ingest/auth';
import { describeIssues, observationBatchSchema } from '@/lib/ingest/schema';
import { storeBatch } from '@/lib/ingest/store';
import { childLogger } from '@/lib/logger';
import { notifyStored } from '@/lib/runtime/notifier';

export const dynamic = 'force-dynamic';

const log = childLogger('api.ingest');
const MAX_BYTES = 32 * 1024 * 1024;

/**
 * POST /api/ingest — one ObservationBatch from a collector running as its own process.
 * 200 once stored (or already stored: the batch id makes retries safe); 400 naming the
 * field; 401/403 auth; 413 too large; 503 + Retry-After when the database is down.
 */
export async function POST(request: NextRequest) {
  const auth = checkIngestAuth(
    request.headers.get('authorization'),
    process.env.ORRERY_INGEST_TOKEN,
    isLoopback(request.headers.get(REMOTE_HEADER)),
  );
  if (!auth.ok) return NextResponse.json({ error: auth.message }, { status: auth.status });

  const length = Number(request.headers.get('content-length') ?? 0);
  if (length > MAX_BYTES) {
    return NextResponse.json({ error: `body over ${MAX_BYTES} bytes` }, { status: 413 });
  }
  let body: unknown;
  try {
    body = JSON.parse(await request.text());
  } catch (err) {
    return NextResponse.json({ error: `body: not JSON (${(err as Error).message})` }, { status: 400 });
  }
  const parsed = observationBatchSchema.safeParse(body);
  if (!parsed.success) {
    return NextResponse.json({ error: describeIssues(parsed.error) }, { status: 400 });
  }

  try {
    const result = await storeBatch(parsed.data);
    notifyStored(result);
    return NextResponse.json({ stored: !result.duplicate, duplicate: result.duplicate });
  } catch (err) {
    log.warn({ err, batchId: parsed.data.batchId }, 'ingest store failed');
    return NextResponse.json(
      { error: 'database unavailable, retry later' },
      { status: 503, headers: { 'Retry-After': '5' } },
    );
  }
}
