import { parseServiceMap } from '@/lib/docker/parse-service-map';
import { ConfigError, parseEnv, remoteCollectorEnv } from '@/lib/env';
import { childLogger } from '@/lib/logger';

import { createDockerCollector } from './docker-collector';
import { createHttpSink } from './http-sink';

// The Docker collector as its own process on a Docker host, feeding a remote Orrery over the
// authenticated ingest API:
//   ORRERY_APP_URL=https://orrery.example ORRERY_INGEST_TOKEN=… tsx collectors/docker/main.ts
// The socket it reads is root-equivalent; the collector only lists, inspects, watches events
// and (with ORRERY_DOCKER_OBSERVE_TCP) reads TCP tables. It never creates or changes anything.

const logger = childLogger('collectors.docker');

async function main() {
  const env = parseEnv();
  const settings = remoteCollectorEnv();
  const sink = createHttpSink({
    appUrl: settings.ORRERY_APP_URL,
    token: settings.ORRERY_INGEST_TOKEN,
    logger,
  });
  const collector = createDockerCollector({
    dockerHost: env.DOCKER_HOST,
    sink,
    observeTcp: env.ORRERY_DOCKER_OBSERVE_TCP,
    serviceMap: parseServiceMap(env.ORRERY_SERVICE_MAP),
    logger,
  });
  await collector.start();
  const shutdown = () => void collector.stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError) process.stderr.write(`${err.message}\n`);
  else logger.fatal({ err }, 'docker collector failed to start');
  process.exit(1);
});
