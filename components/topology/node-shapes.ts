import type { NodeKind } from '@/lib/topology/types';

// One shape per node kind, traced into the current path so that many nodes of the same
// style can be filled with a single fill() call. The legend draws the same outlines as SVG
// from `shapePoints`, so the two cannot drift apart.

export function shapePoints(kind: NodeKind, r: number): Array<[number, number]> | null {
  switch (kind) {
    case 'database':
      return [
        [-r * 0.85, -r * 0.85],
        [r * 0.85, -r * 0.85],
        [r * 0.85, r * 0.85],
        [-r * 0.85, r * 0.85],
      ];
    case 'queue':
      return [
        [0, -r * 1.15],
        [r * 1.15, 0],
        [0, r * 1.15],
        [-r * 1.15, 0],
      ];
    case 'external':
      return Array.from({ length: 6 }, (_, i) => {
        const a = (Math.PI / 3) * i + Math.PI / 6;
        return [r * Math.cos(a), r * Math.sin(a)] as [number, number];
      });
    case 'unknown-caller':
      return [
        [0, -r * 1.1],
        [r, r * 0.8],
        [-r, r * 0.8],
      ];
    case 'service':
      return null; // a circle
  }
}

export function traceShape(
  ctx: CanvasRenderingContext2D,
  kind: NodeKind,
  x: number,
  y: number,
  r: number,
): void {
  const points = shapePoints(kind, r);
  if (!points) {
    ctx.moveTo(x + r, y);
    ctx.arc(x, y, r, 0, Math.PI * 2);
    return;
  }
  ctx.moveTo(x + points[0][0], y + points[0][1]);
  for (let i = 1; i < points.length; i++) ctx.lineTo(x + points[i][0], y + points[i][1]);
  ctx.closePath();
}

export const KIND_LABELS: Record<NodeKind, string> = {
  service: 'Service',
  database: 'Database',
  queue: 'Queue / topic',
  external: 'External',
  'unknown-caller': 'Unknown caller',
};
