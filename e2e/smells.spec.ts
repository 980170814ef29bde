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
  // traces (derived after a second of quiet), checking that they make exactly this graph.
  // Other nodes may share the window: containers are current state and the graph query
  // shows them in past windows too (a compose import by another spec lands here).
  const mine = [a, b, c, billing, orders, 'postgresql@pg-main'];
  let ids = new Map<string, string>();
  await expect
    .poll(async () => {
      const res = await page.request.get(`/api/graph?from=${from}&to=${to}`);
      const graph = (await res.json()) as {
        nodes: Array<{ id: string; name: string }>;
        edges: Array<{ source: string; target: string }>;
      };
      ids = new Map(graph.nodes.filter((n) => mine.includes(n.name)).map((n) => [n.id, n.name]));
      const edges = graph.edges
        .filter((e) => ids.has(e.source) || ids.has(e.target))
        .map((e) => `${ids.get(e.source)} → ${ids.get(e.target)}`);
      return [[...ids.values()].sort(), edges.sort()];
    })
    .toEqual([
      [...mine].sort(),
      [
        `${a} → ${b}`,
        `${b} → ${c}`,
        `${c} → ${a}`,
        `${billing} → postgresql@pg-main`,
        `${orders} → postgresql@pg-main`,
      ].sort(),
    ]);
  const api = (await (await page.request.get(`/api/smells?from=${from}&to=${to}`)).json()) as {
    findings: Array<{ id: string; services: string[]; resources: string[] }>;
  };
  const ours = new Set(
    api.findings
      .filter((f) => [...f.services, ...f.resources].some((id) => ids.has(id)))
      .map((f) => f.id),
  );

  await page.goto(`/smells?w=custom&from=${from}&to=${to}`);

  // The page lists every finding of the window; those about these services are exactly two.
  const findings = page.getByTestId('finding');
  await expect(findings).toHaveCount(api.findings.length);
  const listed = await findings.evaluateAll((els) =>
    els.map((el) => ({
      id: el.getAttribute('data-finding-id') ?? '',
      title: el.querySelector('span')?.textContent ?? '',
      severity: el.closest('section')?.getAttribute('aria-label') ?? '',
    })),
  );
  expect(
    listed
      .filter((f) => ours.has(f.id))
      .map(({ id, ...f }) => ({ code: id.replace(/-[0-9a-f]{12}$/, ''), ...f })),
  ).toEqual([
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
  const byCode = (code: string) => {
    const id = listed.find((f) => ours.has(f.id) && f.id.startsWith(`${code}-`))!.id;
    return page.locator(`[data-testid="finding"][data-finding-id="${id}"]`);
  };

  // Shared persistence names exactly the two writers.
  await byCode('shared-persistence').click();
  const evidence = page.getByTestId('finding-evidence');
  await expect(evidence).toContainText(`Services: ${[billing, orders].sort().join(', ')}`);

  // The cycle: its loop in call order (starting at the weakest edge), then its graph link.
  const cycle = byCode('cyclic-dependency');
  await cycle.click();
  await expect(cycle).toHaveAttribute('aria-pressed', 'true');
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
  const findingId = await cycle.getAttribute('data-finding-id');
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
