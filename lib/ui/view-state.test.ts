import { describe, expect, it } from 'vitest';

import { parseViewState, resolveWindow, serializeViewState, windowKey } from './view-state';

describe('view state in the URL', () => {
  it('reads the default view from an empty query', () => {
    expect(parseViewState(new URLSearchParams(''))).toEqual({
      window: { kind: 'preset', preset: '15m' },
      focus: null,
      search: '',
      sources: ['traced', 'observed', 'declared'],
      highlight: null,
    });
    expect(serializeViewState(parseViewState(new URLSearchParams('')))).toBe('');
  });

  it('round-trips every field', () => {
    const q =
      'w=custom&from=1000&to=5000&focus=abc123&q=cart+%3Cimg%3E&src=traced%2Cdeclared&highlight=f1';
    const view = parseViewState(new URLSearchParams(q));
    expect(view).toEqual({
      window: { kind: 'custom', fromMs: 1000, toMs: 5000 },
      focus: 'abc123',
      search: 'cart <img>',
      sources: ['traced', 'declared'],
      highlight: 'f1',
    });
    expect(serializeViewState(view)).toBe(q);
  });

  it('falls back to the default window on nonsense and keeps a preset', () => {
    expect(parseViewState(new URLSearchParams('w=custom&from=9&to=3')).window).toEqual({
      kind: 'preset',
      preset: '15m',
    });
    expect(parseViewState(new URLSearchParams('w=7y')).window.kind).toBe('preset');
    expect(parseViewState(new URLSearchParams('w=6h')).window).toEqual({
      kind: 'preset',
      preset: '6h',
    });
    expect(parseViewState(new URLSearchParams('src=')).sources).toEqual([]);
    expect(parseViewState(new URLSearchParams('src=bogus,observed')).sources).toEqual(['observed']);
  });

  it('resolves relative windows against now and keys them by preset', () => {
    expect(resolveWindow({ kind: 'preset', preset: '5m' }, 1_000_000)).toEqual({
      fromMs: 700_000,
      toMs: 1_000_000,
    });
    expect(windowKey({ kind: 'preset', preset: '1h' })).toBe('1h');
    expect(windowKey({ kind: 'custom', fromMs: 1, toMs: 2 })).toBe('custom:1-2');
  });
});
