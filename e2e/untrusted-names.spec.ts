import { callSpans, uniqueName } from './support/otlp';
import { expect, nodeButton, test } from './support/fixtures';

test('HTML and script in service names are shown as text', async ({ page, post }) => {
  const tag = uniqueName('x');
  const img = `<img src=x onerror=alert(1)>${tag}`;
  const script = `<script>window.__pwned=1</script>${tag}`;
  await post(callSpans(img, script, 1));
  let dialogs = 0;
  page.on('dialog', (d) => {
    dialogs++;
    void d.dismiss();
  });

  await page.goto(`/?q=${encodeURIComponent(tag)}`);
  await expect(nodeButton(page, img)).toHaveCount(1);
  await expect(nodeButton(page, script)).toHaveCount(1);
  await nodeButton(page, img).focus();
  await page.keyboard.press('Enter');

  await expect(page.getByTestId('service-name')).toHaveText(img);
  const row = page.getByTestId('callees').getByTestId('edge-row');
  await expect(row.getByRole('button', { name: script })).toBeVisible();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
  const scripts = await page
    .locator('script')
    .evaluateAll((els) => els.map((e) => e.textContent ?? ''));
  expect(scripts.some((s) => s.includes('__pwned'))).toBe(false);
  expect(
    await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned),
  ).toBeUndefined();
  expect(dialogs).toBe(0);
});
