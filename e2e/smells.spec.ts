import { callSpans, hexId, type SpanSpec, uniqueName } from './support/otlp';
import { expect, nodeButton, test } from './support/fixtures';

// The smells journey of issue 4: spans that make a synchronous loop a → b → c → a and a
// database two services write to, /smells lists exactly the findings the rules give for
// them, the cycle's evidence shows the loop in order, and its link lights up exactly the
// loop's services and edges on the death star. The spans sit in a window hours back that
// no other spec posts to (the suite shares one database), so the findings are exact.

const MINUTE = 60_000;

/** One trace per writer: a client span of `service` doing INSERT on pg-main/orders. */
function dbWrite(service: string, atMs: number): SpanSpec {
  return {
    service,
    kind: 'client',
    traceId: hexId(16),
    spanId: hexId(8),
    name: 'INSERT orders',
    startMs: atMs,
    durationMs: 4,
    attributes: {
      'db.system.name': 'postgresql',
      'server.address': 'pg-main',
      'db.namespace': 'orders',
      'db.operation.name': 'INSERT',
    },
  };
}

/** Pixels drawn in the highlight colour (#ffd33d), with a little anti-aliasing slack. */
function litPixels(page: import('@playwright/test').Page): Promise<number> {
  return page.getByTestId('topology-canvas').evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const data = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) {
      const near =
        Math.abs(data[i] - 255) + Math.abs(data[i + 1] - 211) + Math.abs(data[i + 2] - 61);
      if (data[i + 3] === 255 && near <= 24) n++;
    }
    return n;
  });
}

test('a cycle found on /smells is lit, with its edges, on the death star', async ({
  page,
  post,
}) => {
  const [a, b, c] = ['cyc-a', 'cyc-b', 'cyc-c'].map(uniqueName);
  const [orders, billing] = ['db-orders', 'db-billing'].map(uniqueName);
  // Seven to seventeen hours back, on a whole minute: a slot of its own even on a reused server.
  const atMs = Math.floor((Date.now() - (7 + Math.random() * 10) * 60 * MINUTE) / MINUTE) * MINUTE;
  const from = atMs - MINUTE;
  const to = atMs + 2 * MINUTE;
  await post([
    ...callSpans(a, b, 1, { atMs: atMs + 1_000 }),
    ...callSpans(b, c, 1, { atMs: atMs + 2_000 }),
    ...callSpans(c, a, 1, { atMs: atMs + 3_000 }),
    dbWrite(orders, atMs + 4_000),
    dbWrite(billing, atMs + 5_000),
  ]);

  // The smells page reads once (it is not live): wait until the pipeline has stored the
  // traces (derived after a second of quiet), checking that the graph is exactly these.
  await expect
    .poll(async () => {
      const res = await page.request.get(`/api/graph?from=${from}&to=${to}`);
      const graph = (await res.json()) as { nodes: Array<{ name: string }>; edges: unknown[] };
      return [graph.nodes.map((n) => n.name).sort(), graph.edges.length];
    })
    .toEqual([[a, b, c, billing, orders, 'postgresql@pg-main'].sort(), 5]);

  await page.goto(`/smells?w=custom&from=${from}&to=${to}`);

  const findings = page.getByTestId('finding');
  await expect(findings).toHaveCount(2);
  const listed = await findings.evaluateAll((els) =>
    els.map((el) => ({
      code: (el.getAttribute('data-finding-id') ?? '').replace(/-[0-9a-f]{12}$/, ''),
      title: el.querySelector('span')?.textContent ?? '',
      severity: el.closest('section')?.getAttribute('aria-label') ?? '',
    })),
  );
  expect(listed).toEqual([
    {
      code: 'shared-persistence',
      title: 'Shared persistence: orders on postgresql@pg-main',
      severity: 'High severity',
    },
    {
      code: 'cyclic-dependency',
      title: 'Cyclic dependency among 3 services',
      severity: 'Medium severity',
    },
  ]);

  // Shared persistence names exactly the two writers.
  await findings.filter({ hasText: 'Shared persistence' }).click();
  const evidence = page.getByTestId('finding-evidence');
  await expect(evidence).toContainText(`Services: ${[billing, orders].sort().join(', ')}`);

  // The cycle: its loop in call order (starting at the weakest edge), then its graph link.
  await findings.filter({ hasText: 'Cyclic dependency' }).click();
  await expect(evidence.getByRole('heading')).toHaveText('Cyclic dependency among 3 services');
  await expect(evidence).toContainText(`Services: ${[a, b, c].sort().join(', ')}`);
  const loop = await evidence.getByTestId('loop').getByRole('listitem').allTextContents();
  const rotations = [
    [a, b, c, a],
    [b, c, a, b],
    [c, a, b, c],
  ];
  expect(rotations).toContainEqual(loop);
  const show = evidence.getByTestId('show-on-graph');
  await expect(show).toHaveText('Show on the graph (3 services, 3 edges)');
  const findingId = await page
    .getByTestId('finding')
    .filter({ hasText: 'Cyclic dependency' })
    .getAttribute('data-finding-id');
  await show.click();

  await expect(page).toHaveURL(new RegExp(`/\\?.*highlight=${findingId}`));
  const banner = page.getByTestId('highlight-banner');
  await expect(banner.getByTestId('highlight-title')).toHaveText(
    'Showing finding: Cyclic dependency among 3 services',
  );
  await expect(banner.getByTestId('highlight-counts')).toHaveText('3 nodes, 3 edges lit');
  const litEdges = await banner
    .getByTestId('highlight-edges')
    .getByRole('listitem')
    .allTextContents();
  expect(litEdges.sort()).toEqual([`${a} → ${b}`, `${b} → ${c}`, `${c} → ${a}`].sort());

  const marked = page.getByTestId('node-list').locator('button[data-highlighted="true"]');
  await expect
    .poll(async () =>
      (await marked.evaluateAll((els) => els.map((el) => el.firstChild?.textContent ?? ''))).sort(),
    )
    .toEqual([a, b, c].sort());
  for (const name of [a, b, c]) await expect(nodeButton(page, name)).toContainText('highlighted');
  for (const name of [orders, billing, 'postgresql@pg-main']) {
    await expect(nodeButton(page, name)).toHaveCount(1);
    await expect(nodeButton(page, name)).not.toHaveAttribute('data-highlighted', 'true');
  }
  const canvas = page.getByTestId('topology-canvas');
  await expect(canvas).toHaveAttribute('data-layout-pending', 'false');
  await expect(canvas).toHaveAttribute('data-lit-edges', '3');
  await expect.poll(() => litPixels(page)).toBeGreaterThan(200);

  // Clearing keeps the window and the panel, drops the highlight and its colour.
  await banner.getByRole('button', { name: 'Clear the highlight' }).click();
  await expect(banner).toHaveCount(0);
  await expect(page).not.toHaveURL(/highlight=/);
  await expect(canvas).not.toHaveAttribute('data-lit-edges', /.*/);
  await expect(page.getByTestId('node-list').locator('[data-highlighted="true"]')).toHaveCount(0);
  await expect.poll(() => litPixels(page)).toBe(0);
});
