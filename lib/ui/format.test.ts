import { describe, expect, it } from 'vitest';

import { formatMs, formatPercent, formatRate } from './format';

describe('formatting', () => {
  it('formats error ratios as one-decimal percentages', () => {
    expect(formatPercent(1 / 3)).toBe('33.3 %');
    expect(formatPercent(0)).toBe('0.0 %');
    expect(formatPercent(1)).toBe('100.0 %');
  });

  it('formats latencies by magnitude', () => {
    expect(formatMs(null)).toBe('–');
    expect(formatMs(1.234)).toBe('1.23 ms');
    expect(formatMs(42.25)).toBe('42.3 ms');
    expect(formatMs(250.4)).toBe('250 ms');
    expect(formatMs(12_500)).toBe('12.5 s');
  });

  it('formats rates in the unit that reads best', () => {
    expect(formatRate(250)).toBe('250/s');
    expect(formatRate(2.5)).toBe('2.5/s');
    expect(formatRate(0.1)).toBe('6.0/min');
    expect(formatRate(3 / 900)).toBe('12.0/h');
  });
});
