import { quantile } from '@/lib/topology/histogram';
import { CALLS_PER_TRACE_BOUNDS } from '@/lib/topology/types';

import type { LatencySummary } from './types';

// Summaries of the fixed-bucket histograms for the graph response: latency percentiles
// (interpolated inside the bucket, see lib/topology/histogram.ts) and the median number of
// calls per trace.

export function summarize(counts: number[] | null, sumMs: number): LatencySummary {
  const total = counts?.reduce((a, b) => a + b, 0) ?? 0;
  return {
    p50: round(counts ? quantile(counts, 0.5) : null),
    p95: round(counts ? quantile(counts, 0.95) : null),
    p99: round(counts ? quantile(counts, 0.99) : null),
    meanMs: total > 0 ? round(sumMs / total) : null,
  };
}

function round(v: number | null): number | null {
  return v === null ? null : Math.round(v * 100) / 100;
}

/** Median of a calls-per-trace histogram: the upper bound of the bucket holding the middle. */
export function callsPerTraceMedian(counts: readonly number[] | null | undefined): number | null {
  const total = counts?.reduce((a, b) => a + b, 0) ?? 0;
  if (!counts || total === 0) return null;
  let seen = 0;
  for (let i = 0; i < counts.length; i++) {
    seen += counts[i];
    if (seen * 2 >= total) return CALLS_PER_TRACE_BOUNDS[i] ?? CALLS_PER_TRACE_BOUNDS.at(-1)! + 1;
  }
  return null;
}
