import { describe, expect, it } from 'vitest';

import { convexHull } from './convex-hull';

describe('convexHull', () => {
  it('drops interior and collinear points', () => {
    const pts = [
      [0, 0],
      [2, 0],
      [1, 0],
      [2, 2],
      [0, 2],
      [1, 1],
    ] as const;
    expect(convexHull(pts)).toEqual([
      [0, 0],
      [2, 0],
      [2, 2],
      [0, 2],
    ]);
  });

  it('returns fewer than three points unchanged (sorted)', () => {
    expect(
      convexHull([
        [3, 1],
        [1, 1],
      ]),
    ).toEqual([
      [1, 1],
      [3, 1],
    ]);
  });
});
