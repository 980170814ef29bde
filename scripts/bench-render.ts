import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

import { chromium } from '@playwright/test';

import type { BenchResult } from '@/components/topology/bench-canvas';
import { chromiumPath, quietChromiumArgs } from '@/lib/testing/chromium';

// Frame time of the death star's drawing code at 1,000 and 5,000 nodes in headless Chromium
// (Debian's), next to an empty-canvas redraw loop measured in the same run: the machine is
// shared and noisy, so the ratio is the figure to compare across runs. Frame-rate limiting
// is switched off so that frames are paced by work, not by a 60 Hz vsync.
// Usage: tsx scripts/bench-render.ts [--url http://127.0.0.1:3000] [--frames 120]

const root = path.resolve(import.meta.dirname, '..');
const SIZES = [1000, 5000];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

/** A bare `next start` is enough: the bench page needs no API and no database. */
async function startNext(): Promise<{ url: string; stop: () => void }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production',
  };
  if (!existsSync(path.join(root, '.next', 'BUILD_ID'))) {
    const build = spawnSync('npx', ['next', 'build'], { cwd: root, env, stdio: 'inherit' });
    if (build.status !== 0) throw new Error('next build failed');
  }
  const port = await freePort();
  const child = spawn('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    env,
    detached: true,
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`${url}/bench?n=1&frames=1`)).ok) break;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return { url, stop: () => child.pid && process.kill(-child.pid, 'SIGTERM') };
}

export async function benchRender(opts: { url?: string; frames?: number } = {}) {
  const frames = opts.frames ?? 120;
  const server = opts.url ? { url: opts.url, stop: () => {} } : await startNext();
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: [...quietChromiumArgs, '--disable-gpu-vsync', '--disable-frame-rate-limit'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    const run = async (mode: BenchResult['mode'], n: number): Promise<BenchResult> => {
      await page.goto(`${server.url}/bench?mode=${mode}&n=${n}&frames=${frames}`);
      const text = await page.getByTestId('bench-result').textContent({ timeout: 120_000 });
      return JSON.parse(text ?? '{}') as BenchResult;
    };
    const baseline = await run('baseline', 1);
    const results = [];
    for (const n of SIZES) results.push(await run('graph', n));
    return { baseline, results };
  } finally {
    await browser.close();
    server.stop();
  }
}

export function printRender({ baseline, results }: Awaited<ReturnType<typeof benchRender>>) {
  const f = (x: number) => x.toFixed(2).padStart(8);
  const line = (label: string, r: BenchResult) =>
    `${label.padEnd(22)}${String(r.nodes).padStart(6)}${String(r.edges).padStart(7)}` +
    `${f(r.msPerFrame)}${r.fps.toFixed(1).padStart(8)}${f(r.drawMsMean)}${f(r.drawMsP95)}` +
    `${(r.msPerFrame / baseline.msPerFrame).toFixed(2).padStart(8)}x`;
  process.stdout.write('\nrender (headless Chromium, canvas 1280x800, frame-rate limit off)\n');
  process.stdout.write(
    `${'case'.padEnd(22)} nodes  edges ms/frame     fps draw ms  p95 ms  vs base\n`,
  );
  process.stdout.write(`${line('baseline: empty canvas', baseline)}\n`);
  for (const r of results) process.stdout.write(`${line(`death star ${r.nodes}`, r)}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  benchRender({ url: arg('--url'), frames: Number(arg('--frames') ?? 120) })
    .then(printRender)
    .catch((err) => {
      process.stderr.write(`bench-render failed: ${(err as Error).stack}\n`);
      process.exit(1);
    });
}
