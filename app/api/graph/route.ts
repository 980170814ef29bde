import { NextResponse, type NextRequest } from 'next/server';

import { loadGraph } from '@/lib/graph/query';
import { parseWindowParams } from '@/lib/graph/window-params';
import { childLogger } from '@/lib/logger';

export const dynamic = 'force-dynamic';

const log = childLogger('api.graph');

/** GET /api/graph?from&to — the dependency graph of a time window (README "API"). */
export async function GET(request: NextRequest) {
  const window = parseWindowParams(request.nextUrl.searchParams);
  if (!window.ok) return NextResponse.json({ error: window.error }, { status: 400 });
  try {
    return NextResponse.json(await loadGraph(window));
  } catch (err) {
    log.warn({ err }, 'graph query failed');
    return NextResponse.json(
      { error: 'database unavailable' },
      { status: 503, headers: { 'Retry-After': '5' } },
    );
  }
}
