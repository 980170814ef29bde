// Pan/zoom arithmetic for the canvas, kept pure so it is tested without a browser.
// A transform maps world (layout) coordinates to CSS pixels: screen = world * k + (x, y).

export interface Transform {
  k: number;
  x: number;
  y: number;
}

export const MIN_ZOOM = 0.02;
export const MAX_ZOOM = 8;

const clampK = (k: number) => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, k));

export function toWorld(t: Transform, sx: number, sy: number): [number, number] {
  return [(sx - t.x) / t.k, (sy - t.y) / t.k];
}

/** Zoom by `factor` keeping the world point under the screen point (sx, sy) in place. */
export function zoomAt(t: Transform, factor: number, sx: number, sy: number): Transform {
  const k = clampK(t.k * factor);
  const [wx, wy] = toWorld(t, sx, sy);
  return { k, x: sx - wx * k, y: sy - wy * k };
}

export function panBy(t: Transform, dx: number, dy: number): Transform {
  return { k: t.k, x: t.x + dx, y: t.y + dy };
}

/** Put world point (wx, wy) at the centre of a viewport, at zoom k (default: unchanged). */
export function centreOn(
  t: Transform,
  wx: number,
  wy: number,
  size: { width: number; height: number },
  k = t.k,
): Transform {
  return { k, x: size.width / 2 - wx * k, y: size.height / 2 - wy * k };
}

/** The transform that shows every point with a margin; identity-ish for no points. */
export function fitTransform(
  points: Iterable<{ x: number; y: number; r?: number }>,
  size: { width: number; height: number },
  margin = 40,
): Transform {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const p of points) {
    const r = p.r ?? 0;
    minX = Math.min(minX, p.x - r);
    minY = Math.min(minY, p.y - r);
    maxX = Math.max(maxX, p.x + r);
    maxY = Math.max(maxY, p.y + r);
  }
  if (!Number.isFinite(minX)) return { k: 1, x: size.width / 2, y: size.height / 2 };
  const w = Math.max(maxX - minX, 1);
  const h = Math.max(maxY - minY, 1);
  const k = clampK(Math.min(1.5, (size.width - 2 * margin) / w, (size.height - 2 * margin) / h));
  return centreOn({ k, x: 0, y: 0 }, (minX + maxX) / 2, (minY + maxY) / 2, size, k);
}
