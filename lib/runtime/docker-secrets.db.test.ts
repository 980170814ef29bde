import { Writable } from 'node:stream';

import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createDockerCollector, type DockerCollector } from '@/collectors/docker/docker-collector';
import {
  engineSkipReason,
  startPrivateEngine,
  type PrivateEngine,
} from '@/collectors/docker/testing/private-engine';
import {
  createScenario,
  SCENARIO_PASSWORD,
  SCENARIO_PROJECT,
  type Scenario,
} from '@/collectors/docker/testing/scenario';
import { pool } from '@/lib/db/pool';
import { loadGraph } from '@/lib/graph/query';
import { storeBatch } from '@/lib/ingest/store';
import { smellsResponse } from '@/lib/smells/response';
import { startTestDatabase, type TestDatabase } from '@/lib/testing/postgres';
import { waitFor } from '@/lib/testing/wait';

// The Docker source end to end on a real Engine and a real Postgres: the scenario's
// containers become stored nodes, containers and declared edges, and the password planted
// in their environments is in no row of any table, no log line (debug level) and no API
// response. (The page is checked by e2e/secrets.spec.ts.)

let db: TestDatabase;
let engine: PrivateEngine;
let scenario: Scenario;
let collector: DockerCollector;
const logLines: string[] = [];

beforeAll(async () => {
  if (engineSkipReason) return;
  db = await startTestDatabase();
  engine = await startPrivateEngine();
  scenario = await createScenario(engine.docker);
  const logger = pino(
    { level: 'debug' },
    new Writable({ write: (chunk, _enc, done) => (logLines.push(String(chunk)), done()) }),
  );
  collector = createDockerCollector({
    docker: engine.docker,
    sink: { send: async (batch) => void (await storeBatch(batch)) },
    observeTcp: false,
    logger,
  });
  await collector.start();
}, 180_000);

afterAll(async () => {
  await collector?.stop();
  await scenario?.remove();
  await engine?.stop();
  await db?.stop();
}, 120_000);

describe.skipIf(Boolean(engineSkipReason))(
  `Docker source into Postgres ${engineSkipReason}`,
  () => {
    it('stores the scenario and leaks the planted password nowhere', async () => {
      const window = { fromMs: Date.now() - 15 * 60_000, toMs: Date.now() + 60_000 };
      const graph = await waitFor(
        async () => {
          const g = await loadGraph(window);
          return g.nodes.filter((n) => n.containers.length > 0).length >= 6 ? g : undefined;
        },
        { timeoutMs: 30_000, what: 'six services with containers' },
      );

      const name = new Map(graph.nodes.map((n) => [n.id, n.name]));
      const declared = graph.edges
        .filter((e) => e.origins.includes('declared'))
        .map((e) => `${name.get(e.source)}→${name.get(e.target)}:${e.connectionType}`)
        .sort();
      expect(declared).toEqual(
        expect.arrayContaining([
          'billing→broker:messaging',
          'client→web:rpc',
          'orders→db:database',
        ]),
      );
      const services = graph.nodes.filter((n) => n.group === SCENARIO_PROJECT).map((n) => n.name);
      expect(services.sort()).toEqual(['billing', 'broker', 'client', 'db', 'orders', 'web']);

      const tables = [
        'node',
        'container',
        'declared_edge',
        'edge_bucket',
        'node_bucket',
        'ingest_batch',
      ];
      for (const table of tables) {
        const rows = await pool().query(`SELECT row_to_json(t)::text AS row FROM ${table} t`);
        const leaked = rows.rows.filter((r) => r.row.includes(SCENARIO_PASSWORD));
        expect({ table, leaked }).toEqual({ table, leaked: [] });
      }
      const responses = JSON.stringify(graph) + JSON.stringify(smellsResponse(graph));
      expect(responses.includes(SCENARIO_PASSWORD)).toBe(false);
      expect(logLines.length).toBeGreaterThan(0);
      expect(logLines.filter((l) => l.includes(SCENARIO_PASSWORD))).toEqual([]);
    });
  },
);
