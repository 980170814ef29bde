import { callSpans, uniqueName } from './support/otlp';
import { expect, nodeButton, test } from './support/fixtures';

test('changing the window changes the URL and the data', async ({ page, post }) => {
  const [recent, older, old] = [
    uniqueName('win-now'),
    uniqueName('win-api'),
    uniqueName('win-old'),
  ];
  await post(callSpans(recent, older, 1));
  // 40 minutes ago: inside the last hour, outside the default 15 minutes.
  await post(callSpans(older, old, 1, { atMs: Date.now() - 40 * 60_000 }));

  await page.goto('/');
  await expect(nodeButton(page, recent)).toHaveCount(1);
  await expect(nodeButton(page, old)).toHaveCount(0);

  await page.getByRole('combobox', { name: 'Time window' }).selectOption('1h');
  await expect(page).toHaveURL(/[?&]w=1h/);
  await expect(nodeButton(page, old)).toHaveCount(1);

  await page.getByRole('combobox', { name: 'Time window' }).selectOption('5m');
  await expect(page).toHaveURL(/[?&]w=5m/);
  await expect(nodeButton(page, old)).toHaveCount(0);
  await expect(nodeButton(page, recent)).toHaveCount(1);

  await page.goBack();
  await expect(page).toHaveURL(/[?&]w=1h/);
  await expect(nodeButton(page, old)).toHaveCount(1);
});

test('a linked custom window reproduces the view', async ({ page, post }) => {
  const name = uniqueName('win-link');
  const atMs = Date.now() - 3 * 60 * 60_000;
  await post(callSpans(name, uniqueName('win-link-api'), 1, { atMs }));
  await page.goto(`/?w=custom&from=${atMs - 60_000}&to=${atMs + 60_000}`);
  await expect(nodeButton(page, name)).toHaveCount(1);
  await expect(page.getByRole('combobox', { name: 'Time window' })).toHaveValue('custom');
});
