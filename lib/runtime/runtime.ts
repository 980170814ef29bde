import type { Env } from '@/lib/env';
import type { IngestQueue } from '@/lib/ingest/ingest-queue';

// The server's live objects, for route handlers that run in the same process but are
// bundled separately (they cannot share module instances, only globalThis).

export interface Runtime {
  env: Env;
  queue: IngestQueue;
  otlpPort?: number;
  appPort: number;
  startedAtMs: number;
}

const holder = ((globalThis as { __orreryRuntime?: { current?: Runtime } }).__orreryRuntime ??= {});

export function setRuntime(runtime: Runtime) {
  holder.current = runtime;
}

export function runtime(): Runtime | undefined {
  return holder.current;
}
