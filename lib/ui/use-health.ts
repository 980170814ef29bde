'use client';

import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';

// /api/health as the page needs it: overall status and, when the server reports it, the
// OTLP receiver's port (so the empty state names the right endpoint). Unknown extra
// fields are allowed: the health document grows with the collectors.

const healthSchema = z.looseObject({
  status: z.enum(['ok', 'degraded']),
  database: z.looseObject({}).optional(),
  collectors: z.record(z.string(), z.unknown()).optional(),
  otlp: z.object({ port: z.number().int(), path: z.string() }).optional(),
});

export type Health = z.infer<typeof healthSchema>;

async function fetchHealth(signal: AbortSignal): Promise<Health> {
  const res = await fetch('/api/health', { signal });
  return healthSchema.parse(await res.json());
}

export function useHealth() {
  return useQuery({
    queryKey: ['health'],
    queryFn: ({ signal }) => fetchHealth(signal),
    refetchInterval: 30_000,
  });
}

/** The OTLP port the server says it listens on, if it says so. */
export function otlpPortOf(health: Health | undefined): number | null {
  return health?.otlp?.port ?? null;
}
