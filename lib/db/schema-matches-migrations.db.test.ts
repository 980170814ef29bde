import { readFileSync } from 'node:fs';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { pool } from '@/lib/db/pool';
import { startTestDatabase, type TestDatabase } from '@/lib/testing/postgres';

import { readLiveSchema } from './live-schema';
import { readSchemaModel } from './schema-model';
import { diffSchemaShapes, type SchemaShape } from './schema-shape';

// schema.prisma is the source of truth and the migrations are applied by our own runner,
// so nothing but this test notices when the two drift apart. Both directions are proven
// able to fail: a changed copy of the schema text, and a changed live database.

const SCHEMA_TEXT = readFileSync(
  path.resolve(import.meta.dirname, '../../prisma/schema.prisma'),
  'utf8',
);

/** Applies exact text edits to the schema, failing loudly if one no longer applies. */
function editSchema(edits: [from: string, to: string][]): string {
  return edits.reduce((text, [from, to]) => {
    expect(text.split(from)).toHaveLength(2);
    return text.replace(from, to);
  }, SCHEMA_TEXT);
}

describe('prisma/migrations create exactly what prisma/schema.prisma describes', () => {
  let db: TestDatabase;
  let live: SchemaShape;

  beforeAll(async () => {
    db = await startTestDatabase();
    live = await readLiveSchema(pool());
  });
  afterAll(() => db?.stop());

  it('the migrated catalog equals the shape of schema.prisma', () => {
    const expected = readSchemaModel(SCHEMA_TEXT);

    expect(diffSchemaShapes(expected, live)).toEqual([]);
    expect(live).toEqual(expected);
    // Guards against both sides being read as empty.
    expect(live.tables.map((t) => t.name)).toEqual([
      'container',
      'declared_edge',
      'edge_bucket',
      'entry_bucket',
      'ingest_batch',
      'node',
      'node_bucket',
      'trust_bucket',
    ]);
    expect(live.enums.map((e) => e.name)).toEqual(['connection_type', 'edge_origin', 'node_kind']);
    expect(live.indexes).toHaveLength(9);
  });

  it('reports every difference when the schema says something the migrations do not', () => {
    const changed = editSchema([
      ['  calls              BigInt ', '  calls              Int    '],
      ['  inferred           Boolean        @default(false)', '  inferred Boolean'],
      ['  health    String?', '  health    String'],
      ['  @@index([host])\n', ''],
      ['  receivedAt DateTime', '  source     String?\n  receivedAt DateTime'],
      ['  observed\n  declared\n', '  declared\n  observed\n'],
      ['  @@id([bucketStart, nodeId])', '  @@id([nodeId, bucketStart])'],
      ['  key         String   @unique', '  key         String'],
    ]);

    expect(diffSchemaShapes(readSchemaModel(changed), live)).toEqual([
      'enum edge_origin: values expected (traced, declared, observed), found (traced, observed, declared)',
      'column container.health: nullable expected false, found true',
      'column edge_bucket.calls: type expected integer, found bigint',
      'column edge_bucket.inferred: hasDefault expected false, found true',
      'column ingest_batch.source: missing from the database',
      'table node_bucket: primary key expected node_bucket_pkey(node_id, bucket_start), found node_bucket_pkey(bucket_start, node_id)',
      'index container_host_idx: unexpected in the database',
      'index node_key_key: unexpected in the database',
    ]);
  });

  it('reports every difference when the database holds something the schema does not', async () => {
    // Runs last: it changes this file's private database.
    for (const sql of [
      `ALTER TYPE node_kind ADD VALUE 'broker'`,
      `CREATE TABLE stray (x integer)`,
      `ALTER TABLE container ALTER COLUMN host DROP NOT NULL`,
      `ALTER TABLE trust_bucket ALTER COLUMN received DROP DEFAULT`,
      `DROP INDEX node_key_key`,
      `CREATE UNIQUE INDEX node_key_key ON node (key DESC) WHERE kind = 'service'`,
      `DROP INDEX container_host_idx`,
      `CREATE INDEX container_host_idx ON container USING hash (host)`,
      `ALTER TABLE declared_edge ADD CONSTRAINT declared_edge_source_id_fkey
         FOREIGN KEY (source_id) REFERENCES node (id)`,
    ]) {
      await pool().query(sql);
    }

    const changed = await readLiveSchema(pool());
    expect(diffSchemaShapes(readSchemaModel(SCHEMA_TEXT), changed)).toEqual([
      'enum node_kind: values expected (service, database, queue, external, unknown-caller), found (service, database, queue, external, unknown-caller, broker)',
      'column container.host: nullable expected false, found true',
      'column trust_bucket.received: hasDefault expected true, found false',
      'table stray: unexpected in the database',
      'index container_host_idx: expected plain btree on container(host), found plain hash on container(host)',
      "index node_key_key: expected unique btree on node(key), found unique btree on node(key DESC) where (kind = 'service'::node_kind)",
      'foreign key declared_edge_source_id_fkey: unexpected in the database',
    ]);
  });
});
