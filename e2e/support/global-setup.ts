import { spawn } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

// Starts one real Orrery for the whole suite: `npm start` (which builds when the build is
// missing or stale) or, with ORRERY_E2E_SERVER=dev, the dev server. Everything it needs
// is private: free loopback ports, a temp data dir for the embedded Postgres, demo and
// Docker off so the graph holds exactly what the specs post. An already running server
// can be used instead with ORRERY_E2E_BASE_URL + ORRERY_E2E_OTLP_URL.

const READY_TIMEOUT_MS = 300_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url: string, child: { exitCode: number | null }): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`Orrery exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet: keep polling until the deadline
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`Orrery did not become healthy at ${url} within ${READY_TIMEOUT_MS} ms`);
}

export default async function globalSetup(): Promise<() => Promise<void>> {
  if (process.env.ORRERY_E2E_BASE_URL && process.env.ORRERY_E2E_OTLP_URL) return async () => {};

  const root = path.resolve(import.meta.dirname, '../..');
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'orrery-e2e-'));
  chmodSync(dataDir, 0o755); // the embedded Postgres runs as user postgres when we are root
  const [appPort, otlpPort, pgPort] = [await freePort(), await freePort(), await freePort()];
  const dev = process.env.ORRERY_E2E_SERVER === 'dev';
  const [cmd, args] = dev
    ? ['npx', ['tsx', 'server.ts', '--dev']]
    : ['node', ['scripts/start.mjs']];

  const child = spawn(cmd, args, {
    cwd: root,
    detached: true, // its own process group, so teardown stops the server and its Postgres
    stdio: ['ignore', 'inherit', 'inherit'],
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(appPort),
      ORRERY_OTLP_HOST: '127.0.0.1',
      ORRERY_OTLP_PORT: String(otlpPort),
      ORRERY_EMBEDDED_PG_PORT: String(pgPort),
      ORRERY_DATA_DIR: dataDir,
      ORRERY_DEMO: 'off',
      ORRERY_DOCKER: 'off',
      DATABASE_URL: '',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      NEXT_TELEMETRY_DISABLED: '1',
    },
  });

  const baseUrl = `http://127.0.0.1:${appPort}`;
  process.env.ORRERY_E2E_BASE_URL = baseUrl;
  process.env.ORRERY_E2E_OTLP_URL = `http://127.0.0.1:${otlpPort}`;

  const stop = async () => {
    if (child.exitCode === null && child.pid) {
      const exited = new Promise((r) => child.once('exit', r));
      process.kill(-child.pid, 'SIGTERM');
      const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(baseUrl, child);
  } catch (err) {
    await stop();
    throw err;
  }
  return stop;
}
