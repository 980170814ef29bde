import { callSpans, uniqueName } from './support/otlp';
import { expect, nodeButton, test } from './support/fixtures';

test('the graph grows live, without a reload, when more spans arrive', async ({ page, post }) => {
  const [web, api, db] = [uniqueName('live-web'), uniqueName('live-api'), uniqueName('live-late')];
  await post(callSpans(web, api, 1));
  await page.goto('/');
  await expect(nodeButton(page, api)).toHaveCount(1);
  await expect(page.getByTestId('live-indicator')).toHaveAttribute('data-status', 'connected');
  // A marker on window survives only if the page is never reloaded.
  await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
  await expect(nodeButton(page, db)).toHaveCount(0);

  await post(callSpans(api, db, 1));

  await expect(nodeButton(page, db)).toHaveCount(1);
  expect(
    await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload),
  ).toBe(true);
});
