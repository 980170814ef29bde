import type { Scene } from './scene';

/** Index of the topmost node whose shape contains the world point, or -1. */
export function hitTest(scene: Scene, wx: number, wy: number, slop = 3): number {
  // Later nodes are drawn on top, so search backwards.
  for (let i = scene.nodes.length - 1; i >= 0; i--) {
    const n = scene.nodes[i];
    const r = n.r + slop;
    const dx = wx - n.x;
    const dy = wy - n.y;
    if (dx * dx + dy * dy <= r * r) return i;
  }
  return -1;
}
