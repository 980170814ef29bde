import { LATENCY_BOUNDS_MS, type LatencyHistogram } from './types';

// Fixed-bound histograms: every collector uses the same bounds, so histograms from several
// collectors, buckets and edges add up by plain element-wise sums (no re-binning, no loss).

/** Index of the bucket holding `value`: the first bound >= value, or the overflow bucket. */
export function bucketIndex(bounds: readonly number[], value: number): number {
  let low = 0;
  let high = bounds.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (value <= bounds[mid]) high = mid;
    else low = mid + 1;
  }
  return low;
}

export function emptyCounts(bounds: readonly number[]): number[] {
  return new Array<number>(bounds.length + 1).fill(0);
}

export function emptyHistogram(): LatencyHistogram {
  return { counts: emptyCounts(LATENCY_BOUNDS_MS), sumMs: 0 };
}

/** Adds one latency to `histogram` in place and returns it. Negative durations count as 0. */
export function observe(histogram: LatencyHistogram, durationMs: number): LatencyHistogram {
  const value = Number.isFinite(durationMs) && durationMs > 0 ? durationMs : 0;
  histogram.counts[bucketIndex(LATENCY_BOUNDS_MS, value)] += 1;
  histogram.sumMs += value;
  return histogram;
}

/** Adds one value to a bare count array on `bounds` in place. */
export function observeCount(counts: number[], bounds: readonly number[], value: number): number[] {
  counts[bucketIndex(bounds, value)] += 1;
  return counts;
}

export function mergeCounts(a: readonly number[], b: readonly number[]): number[] {
  const length = Math.max(a.length, b.length);
  return Array.from({ length }, (_, i) => (a[i] ?? 0) + (b[i] ?? 0));
}

/** Sum of two histograms; `undefined` stands for an empty one. Inputs are not changed. */
export function merge(
  a: LatencyHistogram | undefined,
  b: LatencyHistogram | undefined,
): LatencyHistogram | undefined {
  if (!a) return b && { counts: [...b.counts], sumMs: b.sumMs };
  if (!b) return { counts: [...a.counts], sumMs: a.sumMs };
  return { counts: mergeCounts(a.counts, b.counts), sumMs: a.sumMs + b.sumMs };
}

/**
 * The q-quantile (0..1) of a histogram's counts, interpolated linearly inside the bucket that
 * holds it (bucket i spans bounds[i-1]..bounds[i], the first one starts at 0). The overflow
 * bucket has no upper bound, so a quantile that lands there is reported as the last bound.
 * Null when the histogram is empty.
 */
export function quantile(
  counts: readonly number[],
  q: number,
  bounds: readonly number[] = LATENCY_BOUNDS_MS,
): number | null {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;

  const rank = Math.min(Math.max(q, 0), 1) * total;
  let before = 0;
  for (let i = 0; i < counts.length; i++) {
    const count = counts[i];
    if (count > 0 && before + count >= rank) {
      if (i >= bounds.length) return bounds[bounds.length - 1];
      const lower = i === 0 ? 0 : bounds[i - 1];
      return lower + (bounds[i] - lower) * ((rank - before) / count);
    }
    before += count;
  }
  return bounds[bounds.length - 1];
}
