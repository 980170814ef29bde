import type { GraphResponse } from '@/lib/graph/types';

import { apiErrorText } from './api-error';
import { graphResponseSchema } from './graph-response-schema';

// The one place the browser reads /api/graph. Failures are typed so the error state can
// say which kind of trouble it is (server down vs. a response we do not understand).

export class GraphFetchError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'GraphFetchError';
  }
}

export async function fetchGraph(
  range: { fromMs: number; toMs: number },
  signal?: AbortSignal,
): Promise<GraphResponse> {
  const url = `/api/graph?from=${Math.floor(range.fromMs)}&to=${Math.ceil(range.toMs)}`;
  let res: Response;
  try {
    res = await fetch(url, { signal, headers: { accept: 'application/json' } });
  } catch (err) {
    throw new GraphFetchError('The Orrery server could not be reached.', null, {
      cause: err,
    });
  }
  if (!res.ok) {
    // The API's own sentence (`{ "error": … }`), not the raw body: the page shows it as is.
    const detail = apiErrorText(await res.text().catch(() => ''));
    throw new GraphFetchError(
      `The graph API answered ${res.status}${detail ? `: ${detail}` : ''}`,
      res.status,
    );
  }
  const parsed = graphResponseSchema.safeParse(await res.json());
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new GraphFetchError(
      `The graph API returned an unexpected shape (${first?.path.join('.')}: ${first?.message}).`,
      res.status,
      { cause: parsed.error },
    );
  }
  return parsed.data;
}
