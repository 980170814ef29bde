import { childLogger } from '@/lib/logger';
import { notifyStored } from '@/lib/runtime/notifier';

import { checkIngestAuth, isLoopback } from './auth';
import { describeIssues, observationBatchSchema } from './schema';
import { storeBatch } from './store';

// POST /api/ingest without the framework: the Next.js route and the tests call this with
// the request's parts. 200 once stored (or already stored: the batch id makes retries
// safe); 400 naming the field; 401/403 auth; 413 too large; 503 + Retry-After when the
// database is down, so the collector keeps the batch and retries it.

const log = childLogger('ingest.http');

export const MAX_INGEST_BYTES = 32 * 1024 * 1024;

export interface IngestRequest {
  authorization: string | null;
  remoteAddress: string | null;
  contentLength: number;
  readBody: () => Promise<string>;
  token: string | undefined;
}

export interface IngestResponse {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

export async function handleIngestRequest(request: IngestRequest): Promise<IngestResponse> {
  const auth = checkIngestAuth(
    request.authorization,
    request.token,
    isLoopback(request.remoteAddress),
  );
  if (!auth.ok) return { status: auth.status, body: { error: auth.message } };
  if (request.contentLength > MAX_INGEST_BYTES) {
    return { status: 413, body: { error: `body over ${MAX_INGEST_BYTES} bytes` } };
  }

  let json: unknown;
  try {
    json = JSON.parse(await request.readBody());
  } catch (err) {
    return { status: 400, body: { error: `body: not JSON (${(err as Error).message})` } };
  }
  const parsed = observationBatchSchema.safeParse(json);
  if (!parsed.success) return { status: 400, body: { error: describeIssues(parsed.error) } };

  try {
    const result = await storeBatch(parsed.data);
    notifyStored(result);
    return { status: 200, body: { stored: !result.duplicate, duplicate: result.duplicate } };
  } catch (err) {
    log.warn({ err, batchId: parsed.data.batchId }, 'ingest store failed');
    return {
      status: 503,
      body: { error: 'database unavailable, retry later' },
      headers: { 'Retry-After': '5' },
    };
  }
}
