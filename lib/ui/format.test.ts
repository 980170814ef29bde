import { describe, expect, it } from 'vitest';

import {
  formatCompactCount,
  formatMs,
  formatPercent,
  formatRate,
  LABEL_MAX_CHARS,
  truncateLabel,
} from './format';

describe('formatting', () => {
  it('formats error ratios as one-decimal percentages', () => {
    expect(formatPercent(1 / 3)).toBe('33.3 %');
    expect(formatPercent(0)).toBe('0.0 %');
    expect(formatPercent(1)).toBe('100.0 %');
  });

  it('formats latencies by magnitude', () => {
    expect(formatMs(null)).toBe('–');
    expect(formatMs(1.234)).toBe('1.2 ms');
    expect(formatMs(9.96)).toBe('10.0 ms');
    expect(formatMs(42.25)).toBe('42 ms');
    expect(formatMs(250.4)).toBe('250 ms');
    expect(formatMs(9_999)).toBe('9999 ms');
    expect(formatMs(12_500)).toBe('12.5 s');
  });

  it('reads every sub-millisecond latency the same, a p50 of 0.25 and a mean of 0 alike', () => {
    expect(formatMs(0.25)).toBe('<1 ms');
    expect(formatMs(0)).toBe('<1 ms');
    expect(formatMs(0.999)).toBe('<1 ms');
    expect(formatMs(1)).toBe('1.0 ms');
  });

  it('formats rates in the unit that reads best', () => {
    expect(formatRate(250)).toBe('250/s');
    expect(formatRate(2.5)).toBe('2.5/s');
    expect(formatRate(0.1)).toBe('6.0/min');
    expect(formatRate(3 / 900)).toBe('12.0/h');
  });

  it('keeps counts exact below 10,000 and compact above', () => {
    expect(formatCompactCount(3)).toBe('3');
    expect(formatCompactCount(9_999)).toBe('9,999');
    expect(formatCompactCount(12_345)).toBe('12.3K');
    expect(formatCompactCount(4_560_000)).toBe('4.6M');
    expect(formatCompactCount(Number.NaN)).toBe('–');
  });
});

describe('truncateLabel', () => {
  it('leaves short names alone and cuts long ones to the limit with an ellipsis', () => {
    expect(truncateLabel('orders')).toBe('orders');
    const exact = 'a'.repeat(LABEL_MAX_CHARS);
    expect(truncateLabel(exact)).toBe(exact);
    const long = truncateLabel('x'.repeat(5_000));
    expect(long).toBe(`${'x'.repeat(LABEL_MAX_CHARS - 1)}…`);
    expect(Array.from(long)).toHaveLength(LABEL_MAX_CHARS);
  });

  it('counts code points, so an emoji is never split', () => {
    expect(truncateLabel('😀😀😀😀', 3)).toBe('😀😀…');
  });
});
