import { ConfigError, parseEnv, remoteCollectorEnv } from '@/lib/env';
import { childLogger } from '@/lib/logger';
import { startOtlpSource } from '@/lib/runtime/otlp-source';

import { createForwardingQueue } from './forwarding-queue';

// The OTLP collector as its own process, on any host, feeding a remote Orrery:
//   ORRERY_APP_URL=http://orrery:3000 ORRERY_INGEST_TOKEN=… npx tsx collectors/otlp/main.ts
// It receives OTLP/HTTP on ORRERY_OTLP_PORT (4318), pairs spans in memory and posts rollup
// batches to /api/ingest. Several such collectors can feed one app: their rollups add up.

const log = childLogger('collectors.otlp');

async function main() {
  const env = parseEnv();
  const settings = remoteCollectorEnv();
  const queue = createForwardingQueue({
    appUrl: settings.ORRERY_APP_URL,
    token: settings.ORRERY_INGEST_TOKEN,
    logger: log,
  });
  const source = await startOtlpSource(env, queue);
  log.info(
    { port: source.port, app: settings.ORRERY_APP_URL },
    'standalone OTLP collector running',
  );

  const shutdown = async () => {
    await source.stop();
    await queue.stop();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

main().catch((err) => {
  if (err instanceof ConfigError) process.stderr.write(`${err.message}\n`);
  else log.fatal({ err }, 'OTLP collector failed to start');
  process.exit(1);
});
