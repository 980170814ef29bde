import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

import pg from 'pg';

import { startEmbeddedPostgres } from '@/lib/db/embedded';
import { migrate } from '@/lib/db/migrate';
import { closePool, setDatabaseUrl } from '@/lib/db/pool';

// A real, migrated, empty Postgres for one test file. With TEST_DATABASE_URL (an external
// server, e.g. Debian's PostgreSQL started by scripts/test-all.sh) a fresh database is
// created on it; otherwise an embedded server is started in a temp directory. Both paths
// run in CI, so the store is proven against each.

export interface TestDatabase {
  url: string;
  mode: 'embedded' | 'external';
  stop(): Promise<void>;
  /** Embedded mode only: stop and start the server process itself (data kept). */
  server?: { stop(): Promise<void>; start(): Promise<void> };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function startTestDatabase(): Promise<TestDatabase> {
  const external = process.env.TEST_DATABASE_URL;
  let db: TestDatabase;
  if (external) {
    const name = `orrery_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    await adminQuery(external, `CREATE DATABASE ${name}`);
    const url = new URL(external);
    url.pathname = `/${name}`;
    db = {
      url: url.toString(),
      mode: 'external',
      stop: async () => {
        await closePool();
        await adminQuery(external, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      },
    };
  } else {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'orrery-test-pg-'));
    const embedded = await startEmbeddedPostgres({ dataDir: dir, port: await freePort() });
    db = {
      url: embedded.url,
      mode: 'embedded',
      server: { stop: () => embedded.stop(), start: () => embedded.start() },
      stop: async () => {
        await closePool();
        await embedded.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  await migrate(db.url);
  setDatabaseUrl(db.url);
  return db;
}

async function adminQuery(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
