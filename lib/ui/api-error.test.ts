import { describe, expect, it } from 'vitest';

import { apiErrorText, errorForDisplay, statusInWords } from './api-error';
import { GraphFetchError } from './fetch-graph';

describe('API error text', () => {
  it('takes the error sentence out of a JSON body', () => {
    expect(apiErrorText('{"error":"database unavailable"}')).toBe('database unavailable');
    expect(apiErrorText('{"message":"from must be before to"}')).toBe('from must be before to');
    expect(apiErrorText('{"other":1}')).toBeNull();
  });

  it('keeps short plain text, drops empty bodies and HTML pages', () => {
    expect(apiErrorText('database unavailable\n')).toBe('database unavailable');
    expect(apiErrorText('  ')).toBeNull();
    expect(apiErrorText('<!DOCTYPE html><html><body>500</body></html>')).toBeNull();
    expect(apiErrorText('{"error":"cut')).toBe('{"error":"cut');
    expect(apiErrorText('x'.repeat(1_000))).toBe(`${'x'.repeat(299)}…`);
  });

  it('spells out the HTTP status', () => {
    expect(statusInWords(503)).toBe('503 Service Unavailable');
    expect(statusInWords(500)).toBe('500 Internal Server Error');
    expect(statusInWords(418)).toBe('418 Client Error');
    expect(statusInWords(599)).toBe('599 Server Error');
  });
});

describe('errors for display', () => {
  it('rewrites a fetcher message that carries a raw JSON body', () => {
    const err = Object.assign(
      new Error('The smells API answered 500: {"error":"relation \\"edge_bucket\\" missing"}'),
      { status: 500 },
    );
    expect(errorForDisplay(err)).toEqual({
      message: 'The smells API answered 500: relation "edge_bucket" missing',
      status: '500 Internal Server Error',
    });
  });

  it('leaves other messages alone and has no status when there was no answer', () => {
    const err = new GraphFetchError('The Orrery server could not be reached.', null);
    expect(errorForDisplay(err)).toEqual({
      message: 'The Orrery server could not be reached.',
      status: null,
    });
    const html = Object.assign(new Error('The graph API answered 502: <html>bad</html>'), {
      status: 502,
    });
    expect(errorForDisplay(html)).toEqual({
      message: 'The graph API answered 502',
      status: '502 Bad Gateway',
    });
  });
});
