import type { Scene } from './scene';
import { traceShape } from './node-shapes';

// One frame of the death star. Everything of one style goes into one path and one
// stroke()/fill() call: at 5,000 nodes the number of canvas state changes, not the
// geometry, decides the frame time. Highlighting dims the rest rather than hiding it, so
// the user keeps their bearings. A finding (`?highlight=`) names its edges as well as its
// nodes: then exactly those edges are drawn lit, in the ring colour, and every other edge
// is dimmed, even those of the focused node, so the picture shows the finding and no more.

export interface ViewTransform {
  k: number;
  x: number;
  y: number;
}

export interface Highlight {
  matches: ReadonlySet<number>; // search hits (node indexes)
  focus: number; // selected node index or -1
  neighbours: ReadonlySet<number>; // nodes adjacent to the focus
  edges: ReadonlySet<number> | null; // a finding's edges (edge indexes), or null for none
}

export const NO_HIGHLIGHT: Highlight = {
  matches: new Set(),
  focus: -1,
  neighbours: new Set(),
  edges: null,
};

const LIT = '#ffd33d';

const DASH: Record<string, number[]> = { traced: [], observed: [6, 4], declared: [2, 4] };
const LABEL_LIMIT = 400;
const OUTLINE_LIMIT = 300;

function isDimmed(i: number, h: Highlight): boolean {
  if (h.matches.size > 0) return !h.matches.has(i) && i !== h.focus;
  if (h.focus >= 0) return i !== h.focus && !h.neighbours.has(i);
  return false;
}

function drawGroups(ctx: CanvasRenderingContext2D, scene: Scene, k: number): void {
  ctx.lineWidth = 1 / k;
  for (const g of scene.groups) {
    if (g.hull.length < 3) continue;
    ctx.beginPath();
    ctx.moveTo(g.hull[0][0], g.hull[0][1]);
    for (let i = 1; i < g.hull.length; i++) ctx.lineTo(g.hull[i][0], g.hull[i][1]);
    ctx.closePath();
    ctx.fillStyle = `hsla(${g.hue}, 55%, 55%, 0.08)`;
    ctx.strokeStyle = `hsla(${g.hue}, 55%, 65%, 0.35)`;
    ctx.fill();
    ctx.stroke();
  }
  ctx.font = `${12 / k}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  for (const g of scene.groups) {
    ctx.fillStyle = `hsla(${g.hue}, 60%, 75%, 0.9)`;
    ctx.fillText(g.label, g.labelX, g.labelY);
  }
}

function drawEdges(ctx: CanvasRenderingContext2D, scene: Scene, h: Highlight, k: number): void {
  const batches = new Map<string, number[]>();
  scene.edges.forEach((e, i) => {
    let key: string;
    if (h.edges) {
      const lit = h.edges.has(i);
      const width = Math.round((lit ? e.width + 1.5 : e.width) * 2) / 2;
      key = `${lit ? LIT : e.color}|${width}|${e.origin}|${lit ? 0 : 1}`;
    } else {
      const lit = h.focus >= 0 && (e.from === h.focus || e.to === h.focus);
      const dim =
        !lit && (h.focus >= 0 || h.matches.size > 0) && (isDimmed(e.from, h) || isDimmed(e.to, h));
      key = `${e.color}|${Math.round(e.width * 2) / 2}|${e.origin}|${dim ? 1 : 0}`;
    }
    const list = batches.get(key);
    if (list) list.push(i);
    else batches.set(key, [i]);
  });
  // Arrowheads only when they would be a few pixels on screen; smaller ones cost time and
  // show nothing.
  const arrows = k * 5 >= 3 && scene.edges.length <= 3000;
  // Dimmed batches first, so lit edges are drawn over the ones they cross.
  const ordered = [...batches].sort(
    ([a], [b]) => Number(b.endsWith('|1')) - Number(a.endsWith('|1')),
  );
  for (const [key, list] of ordered) {
    const [color, width, origin, dim] = key.split('|');
    ctx.globalAlpha = dim === '1' ? 0.12 : 0.7;
    ctx.strokeStyle = color;
    ctx.fillStyle = color;
    ctx.lineWidth = Number(width);
    ctx.setLineDash(DASH[origin]);
    ctx.beginPath();
    for (const i of list) {
      const e = scene.edges[i];
      const a = scene.nodes[e.from];
      const b = scene.nodes[e.to];
      if (e.from === e.to) {
        ctx.moveTo(a.x + a.r, a.y);
        ctx.arc(a.x + a.r, a.y - a.r, a.r, Math.PI / 2, Math.PI * 2.25);
        continue;
      }
      ctx.moveTo(a.x, a.y);
      ctx.lineTo(b.x, b.y);
    }
    ctx.stroke();
    ctx.setLineDash([]);
    if (!arrows) continue;
    ctx.beginPath();
    for (const i of list) {
      const e = scene.edges[i];
      if (e.from === e.to) continue;
      const a = scene.nodes[e.from];
      const b = scene.nodes[e.to];
      const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
      const [ux, uy] = [(b.x - a.x) / len, (b.y - a.y) / len];
      const tipX = b.x - ux * (b.r + 2);
      const tipY = b.y - uy * (b.r + 2);
      const s = 4 + Number(width);
      ctx.moveTo(tipX, tipY);
      ctx.lineTo(tipX - ux * s - uy * s * 0.5, tipY - uy * s + ux * s * 0.5);
      ctx.lineTo(tipX - ux * s + uy * s * 0.5, tipY - uy * s - ux * s * 0.5);
      ctx.closePath();
    }
    ctx.fill();
  }
  ctx.globalAlpha = 1;
}

function drawNodes(ctx: CanvasRenderingContext2D, scene: Scene, h: Highlight, k: number): void {
  const batches = new Map<string, number[]>();
  scene.nodes.forEach((n, i) => {
    const key = `${n.kind}|${n.color}|${isDimmed(i, h) ? 1 : 0}`;
    const list = batches.get(key);
    if (list) list.push(i);
    else batches.set(key, [i]);
  });
  const outlined = scene.nodes.length <= OUTLINE_LIMIT;
  ctx.lineWidth = 1.5 / k;
  ctx.strokeStyle = '#0d1117';
  for (const [key, list] of batches) {
    const [kind, color, dim] = key.split('|');
    ctx.globalAlpha = dim === '1' ? 0.25 : 1;
    ctx.fillStyle = color;
    // One small path per node: measured in Chromium's software canvas, filling a thousand
    // tiny paths is faster than one path of a thousand contours, and the outline stroke
    // (which doubled the node cost) is kept only for graphs small enough to afford it.
    for (const i of list) {
      const n = scene.nodes[i];
      ctx.beginPath();
      traceShape(ctx, kind as (typeof n)['kind'], n.x, n.y, n.r);
      ctx.fill();
      if (outlined) ctx.stroke();
    }
  }
  ctx.globalAlpha = 1;

  const ring = (i: number, color: string, width: number) => {
    const n = scene.nodes[i];
    ctx.beginPath();
    traceShape(ctx, n.kind, n.x, n.y, n.r + 4 / k);
    ctx.strokeStyle = color;
    ctx.lineWidth = width / k;
    ctx.stroke();
  };
  for (const i of h.matches) ring(i, LIT, 3);
  if (h.focus >= 0) ring(h.focus, '#ffffff', 3);
}

function drawLabels(ctx: CanvasRenderingContext2D, scene: Scene, h: Highlight, k: number): void {
  const all = scene.nodes.length <= LABEL_LIMIT && k >= 0.6;
  ctx.font = `${11 / k}px system-ui, sans-serif`;
  ctx.textAlign = 'center';
  ctx.fillStyle = '#e6edf3';
  scene.nodes.forEach((n, i) => {
    const important = i === h.focus || h.matches.has(i);
    if (!important && (!all || isDimmed(i, h))) return;
    ctx.fillText(n.label, n.x, n.y + n.r + 13 / k);
  });
}

export function drawScene(
  ctx: CanvasRenderingContext2D,
  scene: Scene,
  t: ViewTransform,
  size: { width: number; height: number; dpr: number },
  h: Highlight,
): void {
  ctx.setTransform(size.dpr, 0, 0, size.dpr, 0, 0);
  ctx.clearRect(0, 0, size.width, size.height);
  ctx.setTransform(size.dpr * t.k, 0, 0, size.dpr * t.k, size.dpr * t.x, size.dpr * t.y);
  drawGroups(ctx, scene, t.k);
  drawEdges(ctx, scene, h, t.k);
  drawNodes(ctx, scene, h, t.k);
  drawLabels(ctx, scene, h, t.k);
}
