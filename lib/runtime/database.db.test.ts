import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, describe, expect, it } from 'vitest';

import { migrate } from '@/lib/db/migrate';
import { pool } from '@/lib/db/pool';
import { parseEnv } from '@/lib/env';
import { freePort, startTestDatabase } from '@/lib/testing/postgres';

import { openDatabase } from './database';

// Both ways `npm start` finds its store: no DATABASE_URL → its own embedded server, whose
// data survives a restart; DATABASE_URL → that server (Debian's PostgreSQL in CI).

const dir = mkdtempSync(path.join(os.tmpdir(), 'orrery-open-db-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('openDatabase', () => {
  it('starts an embedded server whose data survives a restart', async () => {
    const env = parseEnv({
      ORRERY_DATA_DIR: dir,
      ORRERY_EMBEDDED_PG_PORT: String(await freePort()),
    });
    const first = await openDatabase(env);
    expect(first.embedded).toBe(true);
    await pool().query(
      `INSERT INTO node (id, key, kind, name) VALUES ('n1', 'service:kept', 'service', 'kept')`,
    );
    await first.stop();

    const second = await openDatabase(env);
    const rows = await pool().query('SELECT name FROM node');
    expect(rows.rows).toEqual([{ name: 'kept' }]);
    expect(await migrate(second.url)).toEqual([]);
    await second.stop();
  });

  it('uses DATABASE_URL when given', async () => {
    const external = await startTestDatabase(); // TEST_DATABASE_URL in CI: Debian's server
    const env = parseEnv({ DATABASE_URL: external.url });
    const db = await openDatabase(env);
    expect([db.embedded, db.url]).toEqual([false, external.url]);
    const tables = await pool().query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
    );
    expect(tables.rows.map((r) => r.table_name)).toEqual([
      '_prisma_migrations',
      'container',
      'declared_edge',
      'edge_bucket',
      'entry_bucket',
      'ingest_batch',
      'node',
      'node_bucket',
      'trust_bucket',
    ]);
    await db.stop();
    await external.stop();
  });
});
