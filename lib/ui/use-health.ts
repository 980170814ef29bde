'use client';

import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';

import { statusInWords } from './api-error';

// /api/health as the page needs it: overall status, what is wrong when it is degraded
// (database, ingest, collectors) and, when the server reports it, the OTLP receiver's port
// (so the empty state names the right endpoint). Unknown extra fields are allowed: the
// health document grows with the collectors. A 503 still carries the document (the
// database is down): it is read, not treated as a failed check.

const healthSchema = z.looseObject({
  status: z.enum(['ok', 'degraded']),
  database: z.looseObject({ ok: z.boolean().optional(), error: z.string().nullish() }).optional(),
  ingest: z.looseObject({ failing: z.boolean().optional() }).optional(),
  collectors: z
    .record(z.string(), z.looseObject({ state: z.string(), detail: z.string().nullish() }))
    .optional(),
  otlp: z.object({ port: z.number().int(), path: z.string() }).optional(),
});

export type Health = z.infer<typeof healthSchema>;

export const HEALTH_POLL_MS = 10_000;

export class HealthCheckError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'HealthCheckError';
  }
}

async function fetchHealth(signal: AbortSignal): Promise<Health> {
  let res: Response;
  try {
    res = await fetch('/api/health', { signal, headers: { accept: 'application/json' } });
  } catch (err) {
    throw new HealthCheckError('the server could not be reached', { cause: err });
  }
  const body: unknown = await res.json().catch(() => null);
  const parsed = healthSchema.safeParse(body);
  if (parsed.success) return parsed.data;
  throw new HealthCheckError(res.ok ? 'unexpected answer' : statusInWords(res.status), {
    cause: parsed.error,
  });
}

export function useHealth() {
  return useQuery({
    queryKey: ['health'],
    queryFn: ({ signal }) => fetchHealth(signal),
    refetchInterval: HEALTH_POLL_MS,
    refetchIntervalInBackground: false,
    // One retry: a failing backend should show within a poll or two, not after backoff.
    retry: 1,
  });
}

/** The OTLP port the server says it listens on, if it says so. */
export function otlpPortOf(health: Health | undefined): number | null {
  return health?.otlp?.port ?? null;
}
