import { startEmbeddedPostgres } from '@/lib/db/embedded';
import { migrate } from '@/lib/db/migrate';
import { closePool, setDatabaseUrl } from '@/lib/db/pool';
import type { Env } from '@/lib/env';
import { childLogger } from '@/lib/logger';

const log = childLogger('db');

export interface RunningDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** DATABASE_URL when given, else Orrery's own embedded server; migrated either way. */
export async function openDatabase(env: Env): Promise<RunningDatabase> {
  const embedded = env.DATABASE_URL
    ? undefined
    : await startEmbeddedPostgres({
        dataDir: env.ORRERY_DATA_DIR,
        port: env.ORRERY_EMBEDDED_PG_PORT,
      });
  const url = env.DATABASE_URL ?? embedded!.url;
  await migrate(url);
  setDatabaseUrl(url);
  // Route handlers are bundled apart from the server; they find the database through this.
  process.env.DATABASE_URL = url;
  log.info({ embedded: Boolean(embedded), host: new URL(url).host }, 'database ready');
  return {
    url,
    embedded: Boolean(embedded),
    stop: async () => {
      await closePool();
      await embedded?.stop();
    },
  };
}
