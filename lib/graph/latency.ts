import { LATENCY_BOUNDS_MS } from '@/lib/topology/types';

import type { LatencySummary } from './types';

// Percentiles from the fixed-bucket latency histograms, interpolated linearly inside the
// bucket that holds the rank (the same estimate Prometheus' histogram_quantile makes). The
// overflow bucket has no upper bound, so a rank that lands there reports its lower bound.

export function quantileFromCounts(counts: number[] | null, q: number): number | null {
  if (!counts) return null;
  const total = counts.reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const rank = q * total;
  let seen = 0;
  for (let i = 0; i < counts.length; i++) {
    const n = counts[i];
    if (n === 0 || seen + n < rank) {
      seen += n;
      continue;
    }
    const lower = i === 0 ? 0 : LATENCY_BOUNDS_MS[i - 1];
    const upper = LATENCY_BOUNDS_MS[i];
    if (upper === undefined) return lower;
    return lower + ((upper - lower) * (rank - seen)) / n;
  }
  return LATENCY_BOUNDS_MS[LATENCY_BOUNDS_MS.length - 1];
}

export function summarize(counts: number[] | null, sumMs: number): LatencySummary {
  const total = counts?.reduce((a, b) => a + b, 0) ?? 0;
  return {
    p50: round(quantileFromCounts(counts, 0.5)),
    p95: round(quantileFromCounts(counts, 0.95)),
    p99: round(quantileFromCounts(counts, 0.99)),
    meanMs: total > 0 ? round(sumMs / total) : null,
  };
}

function round(v: number | null): number | null {
  return v === null ? null : Math.round(v * 100) / 100;
}
