import { randomUUID } from 'node:crypto';
import { gunzipSync } from 'node:zlib';

import { NextResponse, type NextRequest } from 'next/server';

import { importJsonText, ImportError } from '@/lib/import/import-files';
import { checkIngestAuth, isLoopback, REMOTE_HEADER } from '@/lib/ingest/auth';
import { storeBatch } from '@/lib/ingest/store';
import { childLogger } from '@/lib/logger';
import { notifyStored } from '@/lib/runtime/notifier';

export const dynamic = 'force-dynamic';

const log = childLogger('api.import');
const MAX_BYTES = 64 * 1024 * 1024;

/**
 * POST /api/import?name=FILE — a trace file (OTLP / Jaeger / Zipkin JSON) or dependency-link
 * file as the body; same derivation and store as `npm run import`. 400 names the file and
 * the problem; nothing of a refused file is stored.
 */
export async function POST(request: NextRequest) {
  const auth = checkIngestAuth(
    request.headers.get('authorization'),
    process.env.ORRERY_INGEST_TOKEN,
    isLoopback(request.headers.get(REMOTE_HEADER)),
  );
  if (!auth.ok) return NextResponse.json({ error: auth.message }, { status: auth.status });
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BYTES) {
    return NextResponse.json({ error: `body over ${MAX_BYTES} bytes` }, { status: 413 });
  }

  const name = request.nextUrl.searchParams.get('name') || 'upload.json';
  let imported;
  try {
    imported = importJsonText(await readText(request), name);
  } catch (err) {
    if (err instanceof ImportError)
      return NextResponse.json({ error: err.message }, { status: 400 });
    if (err instanceof BodyError)
      return NextResponse.json({ error: err.message }, { status: err.status });
    throw err;
  }
  imported.batch.batchId = randomUUID();
  try {
    const result = await storeBatch(imported.batch);
    notifyStored(result);
  } catch (err) {
    log.warn({ err, file: name }, 'import store failed');
    return NextResponse.json(
      { error: 'database unavailable' },
      { status: 503, headers: { 'Retry-After': '5' } },
    );
  }
  return NextResponse.json({
    file: imported.file,
    format: imported.format,
    spans: imported.spans,
    rejectedSpans: imported.rejectedSpans,
    nodes: imported.batch.nodes.length,
    edges: imported.batch.edges.length,
    fromMs: imported.fromMs,
    toMs: imported.toMs,
  });
}

class BodyError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** The body as text, gunzipped when sent with `Content-Encoding: gzip` (size-capped). */
async function readText(request: NextRequest): Promise<string> {
  const bytes = Buffer.from(await request.arrayBuffer());
  const encoding = request.headers.get('content-encoding')?.toLowerCase() ?? 'identity';
  if (encoding === 'identity') return bytes.toString('utf8');
  if (encoding !== 'gzip')
    throw new BodyError(`content-encoding: ${encoding} is not supported`, 415);
  try {
    return gunzipSync(bytes, { maxOutputLength: MAX_BYTES }).toString('utf8');
  } catch (err) {
    const tooLarge = (err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
    throw tooLarge
      ? new BodyError(`body over ${MAX_BYTES} bytes after gunzip`, 413)
      : new BodyError(`body: not valid gzip (${(err as Error).message})`, 400);
  }
}
