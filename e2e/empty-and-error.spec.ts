import { expect, test } from './support/fixtures';

test('an empty window says exactly where to send spans', async ({ page, otlpUrl }) => {
  await page.goto('/?w=custom&from=1000&to=2000');
  const empty = page.getByTestId('empty-state');
  const port = new URL(otlpUrl).port;
  await expect(empty.getByTestId('otlp-url')).toHaveText(`http://127.0.0.1:${port}/v1/traces`);
  await expect(empty).toContainText(`OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:${port}`);
  await expect(empty).toContainText('protobuf or JSON');
  await expect(empty).toContainText('npm run import -- FILE');
});

// FAULT INJECTION: a failing graph API cannot be caused from the browser without breaking
// the shared server, so this one response is replaced by a 500 at the network layer.
test('a failing graph API shows the error and a working retry', async ({ page }) => {
  let fail = true;
  await page.route('**/api/graph?*', (route) =>
    fail ? route.fulfill({ status: 500, body: 'database unavailable' }) : route.continue(),
  );
  await page.goto('/?w=custom&from=1000&to=2000');
  const error = page.getByTestId('graph-error');
  await expect(error).toContainText('The graph API answered 500: database unavailable');
  fail = false;
  await error.getByRole('button', { name: 'Retry' }).click();
  await expect(page.getByTestId('empty-state')).toBeVisible();
});
