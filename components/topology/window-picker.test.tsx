import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { customRangeProblem, WindowPicker } from './window-picker';

describe('custom window validation', () => {
  it('says why a range cannot be applied', () => {
    expect(customRangeProblem(2_000, 1_000)).toBe('From must be before To.');
    expect(customRangeProblem(1_000, 1_000)).toBe('From must be before To.');
    expect(customRangeProblem(Number.NaN, 1_000)).toBe('Enter both From and To.');
    expect(customRangeProblem(1_000, 2_000)).toBeNull();
  });

  it('marks a valid linked window as valid, with no error shown', () => {
    const html = renderToStaticMarkup(
      <WindowPicker
        value={{ kind: 'custom', fromMs: 1_700_000_000_000, toMs: 1_700_000_600_000 }}
        onChange={() => {}}
      />,
    );
    expect(html).toContain('aria-invalid="false"');
    expect(html).not.toContain('data-testid="window-error"');
    expect(html).not.toMatch(/<button[^>]*disabled/);
  });

  it('explains an inverted range next to the disabled Apply, tied to both inputs', () => {
    const html = renderToStaticMarkup(
      <WindowPicker
        value={{ kind: 'custom', fromMs: 1_700_000_600_000, toMs: 1_700_000_000_000 }}
        onChange={() => {}}
      />,
    );
    const error = html.match(
      /<span id="([^"]+)"[^>]*data-testid="window-error"[^>]*>(.*?)<\/span>/,
    );
    expect(error?.[2]).toBe('From must be before To.');
    const described = [...html.matchAll(/aria-invalid="true" aria-describedby="([^"]+)"/g)];
    expect(described.map((m) => m[1])).toEqual([error![1], error![1]]);
    expect(html).toMatch(
      new RegExp(`<button type="submit" disabled="" aria-describedby="${error![1]}"`),
    );
  });
});
