import { describe, expect, it } from 'vitest';

import { parseWindowParams } from './window-params';

const NOW = Date.UTC(2026, 11, 3, 12, 0);
const parse = (query: string) => parseWindowParams(new URLSearchParams(query), NOW);

describe('parseWindowParams', () => {
  it('defaults to the last 15 minutes and reads ms or ISO times', () => {
    expect(parse('')).toEqual({ ok: true, fromMs: NOW - 900_000, toMs: NOW });
    expect(parse('from=2026-12-03T11:00:00Z&to=1796299200000')).toEqual({
      ok: true,
      fromMs: Date.UTC(2026, 11, 3, 11, 0),
      toMs: 1796299200000,
    });
  });

  it.each([
    ['from=abc', 'from: must be epoch milliseconds or an ISO-8601 time'],
    ['to=99999999999999999999999', 'to: is outside the years 1970 to 275760'],
    ['from=-1', 'from: is outside the years 1970 to 275760'],
    ['from=2026-02-30T00:00:00Z', 'from: is not a real calendar date'],
    [`from=${NOW}&to=${NOW - 1}`, 'from: must be before to'],
    [`from=0&to=${NOW}`, 'from: window longer than 31 days'],
  ])('%s → %s', (query, error) => {
    expect(parse(query)).toEqual({ ok: false, error });
  });
});
