import { NextResponse, type NextRequest } from 'next/server';

import { REMOTE_HEADER } from '@/lib/ingest/auth';
import { handleIngestRequest } from '@/lib/ingest/ingest-request';

export const dynamic = 'force-dynamic';

/** POST /api/ingest — one ObservationBatch from a collector running as its own process. */
export async function POST(request: NextRequest) {
  const response = await handleIngestRequest({
    authorization: request.headers.get('authorization'),
    remoteAddress: request.headers.get(REMOTE_HEADER),
    contentLength: Number(request.headers.get('content-length') ?? 0),
    readBody: () => request.text(),
    token: process.env.ORRERY_INGEST_TOKEN,
  });
  return NextResponse.json(response.body, { status: response.status, headers: response.headers });
}
