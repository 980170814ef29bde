import { expect, type Locator, type Page, test as base } from '@playwright/test';

import { postSpans, type SpanSpec } from './otlp';

// The suite's fixtures: the app's URL (from global setup), a way to post spans to its
// OTLP receiver, and helpers that find nodes the way a screen reader would.

interface OrreryFixtures {
  otlpUrl: string;
  post: (spans: SpanSpec[]) => Promise<void>;
}

export const test = base.extend<OrreryFixtures>({
  baseURL: async ({}, use) => use(process.env.ORRERY_E2E_BASE_URL),
  otlpUrl: async ({}, use) => use(process.env.ORRERY_E2E_OTLP_URL ?? ''),
  post: async ({ otlpUrl }, use) => use((spans) => postSpans(otlpUrl, spans)),
});

export { expect };

/** The node's button in the off-screen node list; its accessible name starts with the name. */
export function nodeButton(page: Page, name: string): Locator {
  return page.getByTestId('node-list').getByRole('button', { name: `${name}, ` });
}

/** Where a node is drawn, in page coordinates (layout position through the canvas transform). */
export async function nodeScreenPoint(page: Page, name: string): Promise<{ x: number; y: number }> {
  const button = nodeButton(page, name).first();
  const [wx, wy] = [
    Number(await button.getAttribute('data-x')),
    Number(await button.getAttribute('data-y')),
  ];
  const canvas = page.getByTestId('topology-canvas');
  const [k, tx, ty] = ((await canvas.getAttribute('data-transform')) ?? '1,0,0')
    .split(',')
    .map(Number);
  const box = (await canvas.boundingBox())!;
  return { x: box.x + tx + wx * k, y: box.y + ty + wy * k };
}

/** Count of canvas pixels that are not fully transparent: something was drawn. */
export async function drawnPixels(page: Page): Promise<number> {
  return page.getByTestId('topology-canvas').evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) n++;
    return n;
  });
}
