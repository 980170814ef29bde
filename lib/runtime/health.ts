// What /api/health reports about the parts running in this process. Each collector calls
// `reportCollector` on every state change; the registry lives on globalThis because the
// route handler is bundled apart from the server that runs the collectors.

export type CollectorState = 'starting' | 'running' | 'degraded' | 'stopped' | 'disabled';

export interface CollectorHealth {
  state: CollectorState;
  detail?: string;
  updatedAtMs: number;
  stats?: Record<string, number | string>;
}

const registry = ((
  globalThis as { __orreryHealth?: Map<string, CollectorHealth> }
).__orreryHealth ??= new Map());

export function reportCollector(
  name: string,
  state: CollectorState,
  detail?: string,
  stats?: Record<string, number | string>,
) {
  const previous = registry.get(name);
  registry.set(name, { state, detail, updatedAtMs: Date.now(), stats: stats ?? previous?.stats });
}

export function updateCollectorStats(name: string, stats: Record<string, number | string>) {
  const current = registry.get(name);
  if (current) current.stats = stats;
}

export function collectorHealth(): Record<string, CollectorHealth> {
  return Object.fromEntries([...registry.entries()].sort(([a], [b]) => a.localeCompare(b)));
}
