import { smellsResponseSchema, type SmellsResponse } from './types';

// The browser's one reader of /api/smells: checked with zod where it arrives, failures typed
// so the page can tell "server down" from "a response we do not understand".

export class SmellsFetchError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'SmellsFetchError';
  }
}

export async function fetchSmells(
  range: { fromMs: number; toMs: number },
  signal?: AbortSignal,
): Promise<SmellsResponse> {
  const url = `/api/smells?from=${Math.floor(range.fromMs)}&to=${Math.ceil(range.toMs)}`;
  let res: Response;
  try {
    res = await fetch(url, { signal, headers: { accept: 'application/json' } });
  } catch (err) {
    throw new SmellsFetchError('The Orrery server could not be reached.', null, { cause: err });
  }
  if (!res.ok) {
    const text = await res.text().catch(() => '');
    throw new SmellsFetchError(
      `The smells API answered ${res.status}${text ? `: ${text.slice(0, 300)}` : ''}`,
      res.status,
    );
  }
  const parsed = smellsResponseSchema.safeParse(await res.json());
  if (!parsed.success) {
    throw new SmellsFetchError(
      'The smells API sent a response this page does not understand.',
      res.status,
      {
        cause: parsed.error,
      },
    );
  }
  return parsed.data;
}
