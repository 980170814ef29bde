import type pg from 'pg';

import {
  normalizeShape,
  type EnumShape,
  type ForeignKeyShape,
  type IndexShape,
  type SchemaShape,
  type TableShape,
} from './schema-shape';

// The shape of the current schema of a live database, read from the catalog, in the same
// terms as lib/db/schema-model.ts. `_prisma_migrations` is the migration runner's own
// bookkeeping and not part of the model. Functions, aggregates and CHECK constraints are
// outside what a Prisma schema can describe (Prisma leaves them alone too), so not read.

type Queryable = Pick<pg.Pool, 'query'> | Pick<pg.Client, 'query'>;

interface ColumnRow {
  table_name: string;
  column_name: string;
  type: string;
  nullable: boolean;
  has_default: boolean;
}

const BOOKKEEPING = '_prisma_migrations';
const NAMESPACE = '(SELECT oid FROM pg_namespace WHERE nspname = current_schema())';

const TABLES_SQL = `
  SELECT table_name FROM information_schema.tables
  WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> $1`;

// format_type gives `bigint[]`, `timestamp(3) with time zone`; enums are named bare (it
// would quote mixed-case names), matching how the model names them.
const COLUMNS_SQL = `
  SELECT c.table_name, c.column_name,
         c.is_nullable = 'YES' AS nullable,
         (c.column_default IS NOT NULL OR c.is_identity = 'YES') AS has_default,
         CASE WHEN t.typtype = 'e' THEN t.typname::text
              WHEN e.typtype = 'e' THEN e.typname::text || '[]'
              ELSE format_type(a.atttypid, a.atttypmod) END AS type
  FROM information_schema.columns c
  JOIN pg_class r ON r.relname = c.table_name AND r.relnamespace = ${NAMESPACE}
  JOIN pg_attribute a ON a.attrelid = r.oid AND a.attname = c.column_name
  JOIN pg_type t ON t.oid = a.atttypid
  LEFT JOIN pg_type e ON e.oid = t.typelem AND t.typcategory = 'A'
  WHERE c.table_schema = current_schema() AND c.table_name <> $1`;

const CONSTRAINTS_SQL = `
  SELECT r.relname AS table_name, con.conname AS name, con.contype AS kind,
         ARRAY(SELECT a.attname::text
               FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
               JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum
               ORDER BY k.ord) AS columns
  FROM pg_constraint con JOIN pg_class r ON r.oid = con.conrelid
  WHERE r.relnamespace = ${NAMESPACE} AND r.relname <> $1 AND con.contype IN ('p', 'f')`;

// Key and INCLUDE columns alike, by their bare names; an expression prints as itself.
// int2vector subscripts start at 0.
const INDEXES_SQL = `
  SELECT i.relname AS name, r.relname AS table_name, x.indisunique AS unique, am.amname AS method,
         pg_get_expr(x.indpred, x.indrelid) AS predicate,
         ARRAY(SELECT CASE WHEN x.indkey[k.ord - 1] = 0
                           THEN pg_get_indexdef(x.indexrelid, k.ord::int, true)
                           ELSE (SELECT a.attname::text FROM pg_attribute a
                                 WHERE a.attrelid = x.indrelid AND a.attnum = x.indkey[k.ord - 1])
                      END
                      || CASE WHEN (x.indoption[k.ord - 1] & 1) = 1 THEN ' DESC' ELSE '' END
               FROM generate_series(1, x.indnatts) AS k(ord) ORDER BY k.ord) AS columns
  FROM pg_index x
  JOIN pg_class i ON i.oid = x.indexrelid
  JOIN pg_class r ON r.oid = x.indrelid
  JOIN pg_am am ON am.oid = i.relam
  WHERE r.relnamespace = ${NAMESPACE} AND r.relname <> $1 AND NOT x.indisprimary`;

const ENUMS_SQL = `
  SELECT t.typname AS name,
         ARRAY(SELECT e.enumlabel::text FROM pg_enum e WHERE e.enumtypid = t.oid
               ORDER BY e.enumsortorder) AS values
  FROM pg_type t WHERE t.typtype = 'e' AND t.typnamespace = ${NAMESPACE}`;

export async function readLiveSchema(db: Queryable): Promise<SchemaShape> {
  const [tables, columns, constraints, indexes, enums] = await Promise.all([
    db.query<{ table_name: string }>(TABLES_SQL, [BOOKKEEPING]),
    db.query<ColumnRow>(COLUMNS_SQL, [BOOKKEEPING]),
    db.query<ForeignKeyShape & { table_name: string; kind: 'p' | 'f' }>(CONSTRAINTS_SQL, [
      BOOKKEEPING,
    ]),
    db.query<IndexShape & { table_name: string }>(INDEXES_SQL, [BOOKKEEPING]),
    db.query<EnumShape>(ENUMS_SQL),
  ]);

  const byTable = new Map<string, TableShape>(
    tables.rows.map(({ table_name }) => [
      table_name,
      { name: table_name, columns: [], primaryKey: null },
    ]),
  );
  for (const row of columns.rows) {
    byTable.get(row.table_name)?.columns.push({
      name: row.column_name,
      type: row.type,
      nullable: row.nullable,
      hasDefault: row.has_default,
    });
  }

  const foreignKeys: ForeignKeyShape[] = [];
  for (const row of constraints.rows) {
    const key = { name: row.name, columns: row.columns };
    const table = byTable.get(row.table_name);
    if (row.kind === 'p' && table) table.primaryKey = key;
    if (row.kind === 'f') foreignKeys.push({ ...key, table: row.table_name });
  }

  return normalizeShape({
    tables: [...byTable.values()],
    indexes: indexes.rows.map((row) => ({
      name: row.name,
      table: row.table_name,
      columns: row.columns,
      unique: row.unique,
      method: row.method,
      predicate: row.predicate,
    })),
    enums: enums.rows.map((row) => ({ name: row.name, values: row.values })),
    foreignKeys,
  });
}
