import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { pool } from '@/lib/db/pool';
import { loadGraph } from '@/lib/graph/query';
import { storeBatch } from '@/lib/ingest/store';
import { corpusPath, corpusSkipReason, hasCorpus } from '@/lib/testing/corpus';
import { startTestDatabase, type TestDatabase } from '@/lib/testing/postgres';

import { importFiles } from './import-files';

let db: TestDatabase;
const dir = mkdtempSync(path.join(os.tmpdir(), 'orrery-import-'));

beforeAll(async () => {
  db = await startTestDatabase();
});
afterAll(async () => {
  await db?.stop();
});

describe('importFiles', () => {
  it('refuses a bad file with a message naming it, and stores nothing', async () => {
    const bad = path.join(dir, 'broken-trace.json');
    writeFileSync(bad, '{"resourceSpans": [ {"scopeSpans": ');
    await expect(importFiles([bad])).rejects.toThrow(/^broken-trace\.json: not valid JSON/);

    const unknown = path.join(dir, 'shopping-list.json');
    writeFileSync(unknown, '{"apples": 3}');
    await expect(importFiles([unknown])).rejects.toThrow(
      /^shopping-list\.json: not a format Orrery reads/,
    );

    await expect(importFiles([path.join(dir, 'missing.json')])).rejects.toThrow(
      /missing\.json: cannot read \(ENOENT\)/,
    );
    const rows = await pool().query('SELECT count(*)::int AS n FROM node');
    expect(rows.rows[0].n).toBe(0);
  });

  it.skipIf(!hasCorpus)(
    `stores the HotROD capture as its exact graph ${corpusSkipReason}`,
    async () => {
      const [imported] = await importFiles([corpusPath('jaeger-ui/otlp/getTrace-response.json')]);
      expect([imported.format, imported.spans, imported.rejectedSpans]).toEqual(['otlp', 40, 0]);
      await storeBatch(imported.batch);

      const graph = await loadGraph({ fromMs: imported.fromMs, toMs: imported.toMs });
      const name = new Map(graph.nodes.map((n) => [n.id, n.name]));
      const edges = graph.edges.map((e) => `${name.get(e.source)}→${name.get(e.target)}`).sort();
      // The root server span names its caller by client.address, so no unknown-caller node.
      expect(edges).toEqual([
        '172.17.0.1→frontend',
        'customer→mysql',
        'driver→redis-manual',
        'frontend→customer',
        'frontend→driver',
        'frontend→route',
      ]);
      expect(graph.trust.received).toBe(40);
      expect(graph.trust.unpaired).toBeGreaterThan(0);
    },
  );
});
