import { describe, expect, it } from 'vitest';

import { bucketIndex, emptyHistogram, merge, observe, quantile } from './histogram';
import { CALLS_PER_TRACE_BOUNDS, LATENCY_BOUNDS_MS, LATENCY_BUCKETS } from './types';

describe('histogram', () => {
  it('puts a value in the first bucket whose upper bound holds it', () => {
    expect(bucketIndex(LATENCY_BOUNDS_MS, 0)).toBe(0);
    expect(bucketIndex(LATENCY_BOUNDS_MS, 0.5)).toBe(0);
    expect(bucketIndex(LATENCY_BOUNDS_MS, 0.51)).toBe(1);
    expect(bucketIndex(LATENCY_BOUNDS_MS, 100)).toBe(12);
    expect(bucketIndex(LATENCY_BOUNDS_MS, 60_000)).toBe(27);
    expect(bucketIndex(LATENCY_BOUNDS_MS, 60_001)).toBe(28);
    expect(bucketIndex(CALLS_PER_TRACE_BOUNDS, 6)).toBe(5);
  });

  it('observes and merges without changing its inputs', () => {
    const a = observe(observe(emptyHistogram(), 1), 12);
    const b = observe(emptyHistogram(), -3); // a negative clock-skewed duration counts as 0
    const sum = merge(a, b)!;
    expect(sum.counts.length).toBe(LATENCY_BUCKETS);
    expect(sum.counts.slice(0, 9)).toEqual([1, 1, 0, 0, 0, 0, 0, 1, 0]);
    expect(sum.sumMs).toBe(13);
    expect(a.counts.slice(0, 2)).toEqual([0, 1]);
    expect(merge(undefined, undefined)).toBeUndefined();
  });

  it('interpolates quantiles inside the bucket and clamps the overflow bucket', () => {
    const counts = new Array<number>(LATENCY_BUCKETS).fill(0);
    counts[12] = 4; // (75, 100]
    expect(quantile(counts, 0.5)).toBe(87.5);
    expect(quantile(counts, 1)).toBe(100);
    counts[0] = 4; // [0, 0.5]
    expect(quantile(counts, 0.25)).toBe(0.25);
    expect(quantile(counts, 0.75)).toBe(87.5);
    counts[LATENCY_BUCKETS - 1] = 100;
    expect(quantile(counts, 0.99)).toBe(60_000);
    expect(quantile(new Array<number>(LATENCY_BUCKETS).fill(0), 0.5)).toBeNull();
  });
});
