import { describe, expect, it } from 'vitest';

import { evidenceLabel, formatEvidenceValue, humanizeKey } from './evidence-labels';

describe('evidence labels', () => {
  it('names the keys the tester saw in words', () => {
    expect(evidenceLabel('ratePerSec')).toBe('Rate');
    expect(evidenceLabel('accessorCount')).toBe('Accessors');
    expect(evidenceLabel('writerCount')).toBe('Writers');
    expect(evidenceLabel('sampleTraceId')).toBe('Sample trace');
    expect(evidenceLabel('database')).toBe('Database');
    expect(evidenceLabel('calls')).toBe('Calls');
  });

  it('turns an unknown camelCase key into words', () => {
    expect(humanizeKey('sampleTraceId')).toBe('Sample trace ID');
    expect(humanizeKey('retryAfterMs')).toBe('Retry after (ms)');
    expect(humanizeKey('HTTPStatus')).toBe('HTTP status');
    expect(humanizeKey('queue_depth')).toBe('Queue depth');
    expect(evidenceLabel('brandNewThing')).toBe('Brand new thing');
  });
});

describe('evidence values', () => {
  it('formats by what the key measures', () => {
    expect(formatEvidenceValue('ratePerSec', 0.5)).toBe('30.0/min');
    expect(formatEvidenceValue('share', 0.75)).toBe('75.0 %');
    expect(formatEvidenceValue('calls', 12_345)).toBe('12,345');
    expect(formatEvidenceValue('relayRatio', 4 / 3)).toBe('1.33');
    expect(formatEvidenceValue('waveStartsMs', [1_700_000_000_000])).toBe('2023-11-14T22:13 UTC');
  });

  it('spells out empty, boolean and list values', () => {
    expect(formatEvidenceValue('sampleTraceId', null)).toBe('—');
    expect(formatEvidenceValue('writer', true)).toBe('yes');
    expect(formatEvidenceValue('writer', false)).toBe('no');
    expect(formatEvidenceValue('queues', [])).toBe('—');
    expect(formatEvidenceValue('callees', ['a', 'b'])).toBe('a, b');
  });
});
