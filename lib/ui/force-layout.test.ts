import { describe, expect, it } from 'vitest';

import { computeLayout, type LayoutInput } from './force-layout';

function ring(n: number, groups: string[]): LayoutInput {
  const nodes = Array.from({ length: n }, (_, i) => ({
    id: `n${String(i).padStart(3, '0')}`,
    radius: 8,
    group: groups[i % groups.length],
  }));
  const links = nodes.map((nd, i) => ({
    source: nd.id,
    target: nodes[(i + groups.length) % n].id,
  }));
  return { nodes, links, seed: 7 };
}

const dist = (a: { x: number; y: number }, b: { x: number; y: number }) =>
  Math.hypot(a.x - b.x, a.y - b.y);

describe('computeLayout', () => {
  it('is deterministic under a seed, whatever the input order', () => {
    const input = ring(40, ['a', 'b']);
    const first = computeLayout(input);
    const shuffled = {
      ...input,
      nodes: [...input.nodes].reverse(),
      links: [...input.links].reverse(),
    };
    expect(computeLayout(shuffled)).toEqual(first);
    expect(computeLayout({ ...input, seed: 8 })).not.toEqual(first);
    expect(Object.keys(first).length).toBe(40);
  });

  it('places members of a group closer to each other than to other groups', () => {
    const input = ring(60, ['alpha', 'beta', 'gamma']);
    const pos = computeLayout(input);
    let same = 0;
    let other = 0;
    let nSame = 0;
    let nOther = 0;
    for (const a of input.nodes) {
      for (const b of input.nodes) {
        if (a.id >= b.id) continue;
        const d = dist(pos[a.id], pos[b.id]);
        if (a.group === b.group) {
          same += d;
          nSame++;
        } else {
          other += d;
          nOther++;
        }
      }
    }
    expect(same / nSame).toBeLessThan((other / nOther) * 0.7);
  });

  it('keeps known nodes near their previous place on a warm start', () => {
    const input = ring(30, ['g']);
    const before = computeLayout(input);
    const grown = {
      ...input,
      nodes: [...input.nodes, { id: 'zz-new', radius: 8, group: 'g' }],
      links: [...input.links, { source: 'n000', target: 'zz-new' }],
      previous: before,
    };
    const after = computeLayout(grown);
    const moved = input.nodes.map((n) => dist(before[n.id], after[n.id]));
    expect(Math.max(...moved)).toBeLessThan(40);
    expect(dist(after['zz-new'], after.n000)).toBeLessThan(120);
  });
});
