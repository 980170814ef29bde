// Degree statistics for the structural rules. Degrees are counts of *distinct* neighbouring
// services, never call counts, so one chatty caller does not make a hub.

/**
 * Arcan-style adaptive threshold (smells.md MS-17): the tail starts at the first value after
 * which every value is no more frequent than the median frequency; the threshold is the
 * 75th percentile of that tail. Returns Infinity for an empty distribution.
 */
export function adaptiveThreshold(values: number[]): number {
  if (values.length === 0) return Infinity;
  const freq = new Map<number, number>();
  for (const v of values) freq.set(v, (freq.get(v) ?? 0) + 1);
  const distinct = [...freq.keys()].sort((a, b) => a - b);
  const freqs = [...freq.values()].sort((a, b) => a - b);
  const medianFreq = freqs[Math.floor((freqs.length - 1) / 2)];

  // Walk down from the top: the tail extends while frequencies stay at or under the median.
  let start = distinct.length;
  while (start > 0 && freq.get(distinct[start - 1])! <= medianFreq) start -= 1;
  const from = distinct[Math.min(start, distinct.length - 1)];
  const tail = values.filter((v) => v >= from).sort((a, b) => a - b);
  return percentile(tail, 0.75);
}

/** Nearest-rank percentile of a sorted list. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Infinity;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1];
}

/**
 * MSANose outlier test: over the sorted distinct values, the first gap wider than
 * `factor` × the mean gap starts the outliers. Returns the smallest outlier value, or
 * Infinity when there are fewer than three distinct values or no such gap.
 */
export function gapOutlierStart(values: number[], factor: number): number {
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  if (distinct.length < 3) return Infinity;
  const gaps = distinct.slice(1).map((v, i) => v - distinct[i]);
  const mean = gaps.reduce((s, g) => s + g, 0) / gaps.length;
  const at = gaps.findIndex((g) => g > factor * mean);
  return at < 0 ? Infinity : distinct[at + 1];
}
