import { callSpans, uniqueName } from './support/otlp';
import { expect, nodeButton, nodeScreenPoint, test } from './support/fixtures';

test('clicking a node opens its panel with the exact metrics of its edges', async ({
  page,
  post,
}) => {
  const [caller, callee] = [uniqueName('panel-web'), uniqueName('panel-api')];
  await post(callSpans(caller, callee, 3, { errors: 1 }));
  await page.goto('/');
  await expect(nodeButton(page, caller)).toHaveCount(1);
  await expect(page.getByTestId('topology-canvas')).toHaveAttribute('data-layout-pending', 'false');

  const point = await nodeScreenPoint(page, caller);
  await page.mouse.click(point.x, point.y);

  const panel = page.getByTestId('service-panel');
  await expect(panel.getByTestId('service-name')).toHaveText(caller);
  const row = panel.getByTestId('callees').getByTestId('edge-row');
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('button', { name: callee })).toBeVisible();
  await expect(row.getByTestId('edge-calls')).toHaveText('3');
  await expect(row.getByTestId('edge-error-rate')).toHaveText('33.3 %');
  await expect(row.getByTestId('edge-type')).toContainText('rpc');
  await expect(row.getByTestId('edge-origins')).toHaveText('traced');
  for (const p of ['edge-p50', 'edge-p95', 'edge-p99']) {
    await expect(row.getByTestId(p)).toHaveText(/ms$/);
  }
  await expect(panel.getByTestId('callers')).toContainText('None in this window.');
  await expect(panel.getByTestId('containers')).toBeVisible();
  await expect(panel.getByTestId('service-findings')).toBeAttached();
  await expect(page).toHaveURL(/[?&]focus=[0-9a-f]+/);

  // The callee's panel, reached through the peer link, shows the same edge from its side.
  await row.getByRole('button', { name: callee }).click();
  await expect(panel.getByTestId('service-name')).toHaveText(callee);
  await expect(panel.getByTestId('service-calls-in')).toHaveText('3');
  await expect(panel.getByTestId('service-error-rate')).toHaveText('33.3 %');

  // Back walks the focus history; one more back closes the panel.
  await page.goBack();
  await expect(panel.getByTestId('service-name')).toHaveText(caller);
  await page.goBack();
  await expect(panel).toHaveCount(0);
});

test('a node can be selected from the keyboard', async ({ page, post }) => {
  const [caller, callee] = [uniqueName('kbd-web'), uniqueName('kbd-api')];
  await post(callSpans(caller, callee, 1));
  await page.goto('/');
  await nodeButton(page, callee).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('service-name')).toHaveText(callee);
});
