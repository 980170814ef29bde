// Number formatting shared by the panel, legend and footer, so "33.3 %" reads the same
// everywhere and tests can assert exact strings.

export function formatPercent(ratio: number): string {
  if (!Number.isFinite(ratio)) return '–';
  return `${(ratio * 100).toFixed(1)} %`;
}

export function formatMs(ms: number | null): string {
  if (ms === null || !Number.isFinite(ms)) return '–';
  if (ms >= 10_000) return `${(ms / 1000).toFixed(1)} s`;
  if (ms >= 100) return `${Math.round(ms)} ms`;
  return `${Number(ms.toFixed(ms < 10 ? 2 : 1))} ms`;
}

export function formatRate(perSec: number): string {
  if (!Number.isFinite(perSec)) return '–';
  if (perSec >= 100) return `${Math.round(perSec)}/s`;
  if (perSec >= 1) return `${perSec.toFixed(1)}/s`;
  const perMin = perSec * 60;
  return perMin >= 1 ? `${perMin.toFixed(1)}/min` : `${(perMin * 60).toFixed(1)}/h`;
}

export function formatCount(n: number): string {
  return new Intl.NumberFormat('en-US').format(n);
}
