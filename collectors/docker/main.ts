import { z } from 'zod';

import { parseServiceMap } from '@/lib/docker/parse-service-map';
import { parseEnv } from '@/lib/env';
import { childLogger } from '@/lib/logger';

import { createDockerCollector } from './docker-collector';
import { createHttpSink } from './http-sink';

// The Docker collector as its own process on a Docker host, feeding a remote Orrery over the
// authenticated ingest API:
//   ORRERY_APP_URL=https://orrery.example ORRERY_INGEST_TOKEN=… tsx collectors/docker/main.ts
// The socket it reads is root-equivalent; the collector only lists, inspects, watches events
// and (with ORRERY_DOCKER_OBSERVE_TCP) reads TCP tables. It never creates or changes anything.

const logger = childLogger('collectors.docker');

const remote = z.object({
  ORRERY_APP_URL: z.string().url(),
  ORRERY_INGEST_TOKEN: z.string().min(8),
});

async function main() {
  const env = parseEnv();
  const settings = remote.safeParse(process.env);
  if (!settings.success) {
    logger.fatal(
      { missing: settings.error.issues.map((i) => i.path.join('.')) },
      'ORRERY_APP_URL and ORRERY_INGEST_TOKEN are required',
    );
    process.exit(2);
  }
  const sink = createHttpSink({
    appUrl: settings.data.ORRERY_APP_URL,
    token: settings.data.ORRERY_INGEST_TOKEN,
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
  logger.fatal({ err }, 'docker collector failed to start');
  process.exit(1);
});
