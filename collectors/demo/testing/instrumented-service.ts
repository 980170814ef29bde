import http from 'node:http';
import type { AddressInfo } from 'node:net';

import pg from 'pg';

// One fixture service, run as a child process with otel-register.ts preloaded. Role `a`
// answers GET /checkout by calling B; role `b` answers GET /inventory with one Postgres query.
// Nothing here mentions OpenTelemetry: the spans come from the auto-instrumentation alone.
// The parent talks to it over the IPC channel: it reports its port, then serves
// 'flush' and 'stop' messages.

type Message = { type: 'flush' | 'stop'; id: number };
const hooks = globalThis as {
  __orreryFlush?: () => Promise<void>;
  __orreryShutdown?: () => Promise<void>;
};

const role = process.env.ORRERY_FIXTURE_ROLE;
const pool =
  role === 'b'
    ? new pg.Pool({ connectionString: process.env.ORRERY_FIXTURE_DB, max: 2 })
    : undefined;

function callB(): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${process.env.ORRERY_FIXTURE_B_URL}/inventory`, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
  });
}

const server = http.createServer((req, res) => {
  const answer = (status: number, body: string) =>
    res.writeHead(status, { 'content-type': 'text/plain' }).end(body);
  if (role === 'a' && req.url === '/checkout') {
    callB().then(
      (status) => answer(status === 200 ? 200 : 502, 'ok'),
      () => answer(502, 'b failed'),
    );
  } else if (role === 'b' && req.url === '/inventory') {
    pool!.query('SELECT count(*) AS n FROM pg_catalog.pg_class WHERE relkind = $1', ['r']).then(
      () => answer(200, 'ok'),
      () => answer(500, 'db failed'),
    );
  } else {
    answer(404, 'not found');
  }
});

server.listen(0, '127.0.0.1', () => {
  process.send!({ type: 'ready', port: (server.address() as AddressInfo).port });
});

process.on('message', (m: Message) => {
  if (m.type === 'flush') {
    void hooks.__orreryFlush!().then(() => process.send!({ type: 'done', id: m.id }));
    return;
  }
  server.close();
  void (async () => {
    await pool?.end();
    await hooks.__orreryShutdown!();
    process.send!({ type: 'done', id: m.id }, () => process.exit(0));
  })();
});
