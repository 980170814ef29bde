import { callSpans, uniqueName } from './support/otlp';
import { drawnPixels, expect, nodeButton, test } from './support/fixtures';

test('spans posted to the OTLP port become a drawn graph', async ({ page, post }) => {
  const [caller, callee] = [uniqueName('appear-web'), uniqueName('appear-api')];
  await post(callSpans(caller, callee, 2));

  await page.goto('/');

  await expect(nodeButton(page, caller)).toHaveCount(1);
  await expect(nodeButton(page, callee)).toHaveCount(1);
  await expect(page.getByTestId('topology-canvas')).toHaveAttribute('data-layout-pending', 'false');
  await expect.poll(() => drawnPixels(page)).toBeGreaterThan(500);
  await expect(page.getByTestId('legend')).toBeVisible();
  await expect(page.getByTestId('trust-received')).not.toHaveText('0');
  await expect(page.getByTestId('live-indicator')).toHaveAttribute('data-status', 'connected');
});
