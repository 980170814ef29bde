/** Length of one rollup bucket. Storage keys edges and nodes by the bucket's start. */
export const BUCKET_MS = 60_000;

/** Start of the 1-minute bucket holding `timeMs` (floor, also for times before 1970). */
export function bucketStartOf(timeMs: number): number {
  return Math.floor(timeMs / BUCKET_MS) * BUCKET_MS;
}
