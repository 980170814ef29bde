// The database shape both sides of the schema check are reduced to: what schema.prisma
// describes (lib/db/schema-model.ts) and what the migrated catalog holds
// (lib/db/live-schema.ts). Columns and indexes are compared as sets, because a later
// migration appends columns at the end whatever their place in the model; enum values keep
// their order, because Postgres sorts by it.

export interface ColumnShape {
  name: string;
  /** As `format_type` prints it (`bigint[]`, `timestamp(3) with time zone`); enums by name. */
  type: string;
  nullable: boolean;
  hasDefault: boolean;
}

export interface KeyShape {
  name: string;
  columns: string[];
}

export interface TableShape {
  name: string;
  columns: ColumnShape[];
  primaryKey: KeyShape | null;
}

export interface IndexShape {
  name: string;
  table: string;
  /** Key columns in order; a descending one carries ` DESC`. */
  columns: string[];
  unique: boolean;
  method: string;
  /** The WHERE of a partial index. */
  predicate: string | null;
}

export interface ForeignKeyShape {
  name: string;
  table: string;
  columns: string[];
}

export interface EnumShape {
  name: string;
  values: string[];
}

export interface SchemaShape {
  tables: TableShape[];
  indexes: IndexShape[];
  enums: EnumShape[];
  /** The reader supports no relations, so the model always expects none. */
  foreignKeys: ForeignKeyShape[];
}

const byName = <T extends { name: string }>(a: T, b: T) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

/** Sorts everything that is compared as a set, so two equal shapes are deep-equal. */
export function normalizeShape(shape: SchemaShape): SchemaShape {
  return {
    tables: shape.tables
      .map((table) => ({ ...table, columns: [...table.columns].sort(byName) }))
      .sort(byName),
    indexes: [...shape.indexes].sort(byName),
    enums: [...shape.enums].sort(byName),
    foreignKeys: [...shape.foreignKeys].sort(byName),
  };
}

/**
 * One line per difference, empty when the shapes match. "missing" means described by the
 * schema but absent from the database; "unexpected" means the reverse.
 */
export function diffSchemaShapes(expected: SchemaShape, actual: SchemaShape): string[] {
  const out: string[] = [];

  compareNamed('enum', expected.enums, actual.enums, out, (want, got) => {
    if (!sameList(want.values, got.values)) {
      out.push(
        `enum ${want.name}: values expected ${list(want.values)}, found ${list(got.values)}`,
      );
    }
  });

  compareNamed('table', expected.tables, actual.tables, out, (want, got) => {
    const wantKey = keyText(want.primaryKey);
    const gotKey = keyText(got.primaryKey);
    if (wantKey !== gotKey) {
      out.push(`table ${want.name}: primary key expected ${wantKey}, found ${gotKey}`);
    }
    const columns = (table: TableShape) =>
      table.columns.map((column) => ({ ...column, name: `${table.name}.${column.name}` }));
    compareNamed('column', columns(want), columns(got), out, (wantCol, gotCol) => {
      for (const prop of ['type', 'nullable', 'hasDefault'] as const) {
        if (wantCol[prop] !== gotCol[prop]) {
          out.push(
            `column ${wantCol.name}: ${prop} expected ${wantCol[prop]}, found ${gotCol[prop]}`,
          );
        }
      }
    });
  });

  compareNamed('index', expected.indexes, actual.indexes, out, (want, got) => {
    const wantText = indexText(want);
    const gotText = indexText(got);
    if (wantText !== gotText)
      out.push(`index ${want.name}: expected ${wantText}, found ${gotText}`);
  });

  compareNamed('foreign key', expected.foreignKeys, actual.foreignKeys, out, () => {});
  return out;
}

function compareNamed<T extends { name: string }>(
  what: string,
  expected: T[],
  actual: T[],
  out: string[],
  compare: (want: T, got: T) => void,
) {
  const found = new Map(actual.map((item) => [item.name, item]));
  const wanted = new Set(expected.map((item) => item.name));
  for (const want of [...expected].sort(byName)) {
    const got = found.get(want.name);
    if (got) compare(want, got);
    else out.push(`${what} ${want.name}: missing from the database`);
  }
  for (const got of [...actual].sort(byName)) {
    if (!wanted.has(got.name)) out.push(`${what} ${got.name}: unexpected in the database`);
  }
}

const sameList = (a: string[], b: string[]) =>
  a.length === b.length && a.every((v, i) => v === b[i]);
const list = (values: string[]) => `(${values.join(', ')})`;
const keyText = (key: KeyShape | null) => (key ? `${key.name}${list(key.columns)}` : 'none');

function indexText(index: IndexShape): string {
  const kind = index.unique ? 'unique' : 'plain';
  const where = index.predicate === null ? '' : ` where ${index.predicate}`;
  return `${kind} ${index.method} on ${index.table}${list(index.columns)}${where}`;
}
