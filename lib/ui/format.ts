// Number formatting shared by the panel, legend and footer, so "33.3 %" reads the same
// everywhere and tests can assert exact strings.

export function formatPercent(ratio: number): string {
  if (!Number.isFinite(ratio)) return '–';
  return `${(ratio * 100).toFixed(1)} %`;
}

// Latencies come from bucketed histograms, so digits below a millisecond are an estimate,
// not a measurement: everything under 1 ms reads `<1 ms`, whether it is a p50 of 0.25 or
// a mean the server rounded to 0. Above that one decimal up to 10 ms, whole ms up to 10 s.
export function formatMs(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '–';
  if (ms < 1) return '<1 ms';
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 10_000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

export function formatRate(perSec: number): string {
  if (!Number.isFinite(perSec)) return '–';
  if (perSec >= 100) return `${Math.round(perSec)}/s`;
  if (perSec >= 1) return `${perSec.toFixed(1)}/s`;
  const perMin = perSec * 60;
  return perMin >= 1 ? `${perMin.toFixed(1)}/min` : `${(perMin * 60).toFixed(1)}/h`;
}

const exact = new Intl.NumberFormat('en-US');
const compact = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });

export function formatCount(n: number): string {
  return exact.format(n);
}

/** Counts for narrow table cells: exact below 10,000, then `12.3K`, `4.5M`. */
export function formatCompactCount(n: number): string {
  if (!Number.isFinite(n)) return '–';
  return Math.abs(n) < 10_000 ? exact.format(n) : compact.format(n);
}

export const LABEL_MAX_CHARS = 32;

/**
 * A name shortened for places that cannot wrap or clip it themselves (the canvas): at most
 * `max` code points, the last one an ellipsis. Counts code points, not UTF-16 units, so an
 * emoji is never cut in half.
 */
export function truncateLabel(text: string, max = LABEL_MAX_CHARS): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}
