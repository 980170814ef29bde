import { describe, expect, it } from 'vitest';

import { centreOn, fitTransform, MAX_ZOOM, panBy, toWorld, zoomAt } from './viewport';

describe('viewport arithmetic', () => {
  it('keeps the point under the cursor fixed while zooming', () => {
    const t = { k: 1, x: 10, y: 20 };
    const z = zoomAt(t, 2, 110, 120);
    expect(z).toEqual({ k: 2, x: -90, y: -80 });
    expect(toWorld(z, 110, 120)).toEqual(toWorld(t, 110, 120));
    expect(zoomAt(t, 1e6, 0, 0).k).toBe(MAX_ZOOM);
  });

  it('pans and centres', () => {
    expect(panBy({ k: 2, x: 1, y: 1 }, 5, -5)).toEqual({ k: 2, x: 6, y: -4 });
    expect(centreOn({ k: 2, x: 0, y: 0 }, 10, 10, { width: 200, height: 100 })).toEqual({
      k: 2,
      x: 80,
      y: 30,
    });
  });

  it('fits all points inside the margin', () => {
    const t = fitTransform(
      [
        { x: -100, y: 0 },
        { x: 100, y: 50 },
      ],
      { width: 320, height: 400 },
    );
    // Width decides: (320 - 2 * 40) / 200 = 1.2; the centre (0, 25) lands mid-viewport.
    expect(t.k).toBeCloseTo(1.2, 12);
    expect(t.x).toBeCloseTo(160, 9);
    expect(t.y).toBeCloseTo(170, 9);
    expect(fitTransform([{ x: 0, y: 0, r: 1 }], { width: 400, height: 400 }).k).toBe(1.5);
    expect(fitTransform([], { width: 100, height: 80 })).toEqual({ k: 1, x: 50, y: 40 });
  });
});
