import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';

import { CustomRangeFields, customRangeProblem } from './custom-range-fields';
import { WindowPicker } from './window-picker';

const noop = () => {};

describe('custom window validation', () => {
  it('says why a range cannot be applied', () => {
    expect(customRangeProblem(2_000, 1_000)).toBe('From must be before To.');
    expect(customRangeProblem(1_000, 1_000)).toBe('From must be before To.');
    expect(customRangeProblem(Number.NaN, 1_000)).toBe('Enter both From and To.');
    expect(customRangeProblem(1_000, 2_000)).toBeNull();
  });

  it('explains an inverted range next to the disabled Apply, tied to both inputs', () => {
    const html = renderToStaticMarkup(
      <CustomRangeFields
        from="2030-01-02T10:00"
        to="2030-01-01T10:00"
        problem="From must be before To."
        onFromChange={noop}
        onToChange={noop}
      />,
    );
    const error = html.match(
      /<span id="([^"]+)"[^>]*data-testid="window-error"[^>]*>(.*?)<\/span>/,
    );
    expect(error?.[2]).toBe('From must be before To.');
    const described = [...html.matchAll(/aria-invalid="true" aria-describedby="([^"]+)"/g)];
    expect(described.map((m) => m[1])).toEqual([error![1], error![1]]);
    expect(html).toContain(`<button type="submit" disabled="" aria-describedby="${error![1]}"`);
  });

  it('shows no error for a linked window shorter than the minutes the inputs hold', () => {
    const html = renderToStaticMarkup(
      <WindowPicker value={{ kind: 'custom', fromMs: 1_000, toMs: 2_000 }} onChange={noop} />,
    );
    expect(html).toContain('aria-invalid="false"');
    expect(html).not.toContain('data-testid="window-error"');
    expect(html).not.toMatch(/<button[^>]*disabled/);
  });
});
