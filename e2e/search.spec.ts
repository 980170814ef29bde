import { callSpans, uniqueName } from './support/otlp';
import { expect, nodeButton, nodeScreenPoint, test } from './support/fixtures';

test('search highlights the matching service and centres on it', async ({ page, post }) => {
  const [front, target] = [uniqueName('search-front'), uniqueName('search-needle')];
  await post(callSpans(front, target, 1));
  await page.goto('/');
  await expect(nodeButton(page, target)).toHaveCount(1);

  await page.getByRole('searchbox', { name: 'Search services' }).fill(target);

  await expect(page.getByTestId('search-count')).toHaveText('1 match');
  await expect(nodeButton(page, target)).toHaveAttribute('data-highlighted', 'true');
  await expect(nodeButton(page, front)).not.toHaveAttribute('data-highlighted', 'true');
  await expect(page).toHaveURL(new RegExp(`[?&]q=${target}`));
  const box = (await page.getByTestId('topology-canvas').boundingBox())!;
  await expect
    .poll(async () => {
      const p = await nodeScreenPoint(page, target);
      return Math.round(Math.hypot(p.x - (box.x + box.width / 2), p.y - (box.y + box.height / 2)));
    })
    .toBeLessThanOrEqual(1);
});
