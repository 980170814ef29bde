import { describe, expect, it } from 'vitest';

import {
  edgeWidth,
  errorColor,
  MAX_NODE_RADIUS,
  MIN_NODE_RADIUS,
  nodeRadius,
} from './visual-scale';

describe('visual scales', () => {
  it('bins error rates into the legend colours', () => {
    expect(errorColor(0)).toBe('#3fb950');
    expect(errorColor(0.005)).toBe('#a3c940');
    expect(errorColor(0.02)).toBe('#e3a008');
    expect(errorColor(1 / 3)).toBe('#f85149');
  });

  it('grows nodes with traffic, within bounds', () => {
    expect(nodeRadius({ callsIn: 0, spans: 0 })).toBe(MIN_NODE_RADIUS);
    expect(nodeRadius({ callsIn: 3, spans: 0 })).toBeCloseTo(6 + 2.2 * 2, 10);
    expect(nodeRadius({ callsIn: 1e12, spans: 0 })).toBe(MAX_NODE_RADIUS);
  });

  it('widens edges with rate, within bounds', () => {
    expect(edgeWidth({ ratePerSec: 0 })).toBe(1);
    expect(edgeWidth({ ratePerSec: 9 / 60 })).toBeCloseTo(2.2, 10);
    expect(edgeWidth({ ratePerSec: 1e9 })).toBe(8);
  });
});
