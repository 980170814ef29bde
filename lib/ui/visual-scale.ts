import type { GraphEdge, GraphNode } from '@/lib/graph/types';

// How numbers become pixels and colours. Logarithmic on purpose: traffic in a service map
// spans five orders of magnitude, and a linear scale would draw one huge node and a sea of
// dots. The error colour bins match the legend exactly.

export const ERROR_BINS = [
  { max: 0.001, color: '#3fb950', label: '< 0.1 %' },
  { max: 0.01, color: '#a3c940', label: '< 1 %' },
  { max: 0.05, color: '#e3a008', label: '< 5 %' },
  { max: Infinity, color: '#f85149', label: '≥ 5 %' },
] as const;

export function errorColor(errorRate: number): string {
  for (const bin of ERROR_BINS) if (errorRate < bin.max) return bin.color;
  return ERROR_BINS[ERROR_BINS.length - 1].color;
}

export const MIN_NODE_RADIUS = 6;
export const MAX_NODE_RADIUS = 28;

export function nodeRadius(node: Pick<GraphNode, 'callsIn' | 'spans'>): number {
  const traffic = Math.max(node.callsIn, node.spans, 0);
  return Math.min(MAX_NODE_RADIUS, MIN_NODE_RADIUS + 2.2 * Math.log2(1 + traffic));
}

export function edgeWidth(edge: Pick<GraphEdge, 'ratePerSec'>): number {
  const perMin = Math.max(edge.ratePerSec, 0) * 60;
  return Math.min(8, 1 + 1.2 * Math.log10(1 + perMin));
}

/** A stable, distinct tint per group name (hash → hue), so a group keeps its colour. */
export function groupHue(group: string): number {
  let h = 2166136261;
  for (let i = 0; i < group.length; i++) {
    h ^= group.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0) % 360;
}
