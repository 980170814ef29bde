import { NextResponse, type NextRequest } from 'next/server';

import { loadGraph } from '@/lib/graph/query';
import { loadVersionTimeline } from '@/lib/graph/version-timeline';
import { parseWindowParams } from '@/lib/graph/window-params';
import { childLogger } from '@/lib/logger';
import { smellConfigFromEnv } from '@/lib/smells/config';
import { smellsResponse } from '@/lib/smells/response';

export const dynamic = 'force-dynamic';

const log = childLogger('api.smells');

/** GET /api/smells?from&to — coupling-smell findings of a window (docs/smells.md). */
export async function GET(request: NextRequest) {
  const window = parseWindowParams(request.nextUrl.searchParams);
  if (!window.ok) return NextResponse.json({ error: window.error }, { status: 400 });
  let config;
  try {
    config = smellConfigFromEnv();
  } catch (err) {
    return NextResponse.json({ error: (err as Error).message }, { status: 500 });
  }
  try {
    const [graph, versionTimeline] = await Promise.all([
      loadGraph(window),
      loadVersionTimeline(window),
    ]);
    return NextResponse.json(smellsResponse({ ...graph, versionTimeline }, config));
  } catch (err) {
    log.warn({ err }, 'smells query failed');
    return NextResponse.json(
      { error: 'database unavailable' },
      { status: 503, headers: { 'Retry-After': '5' } },
    );
  }
}
