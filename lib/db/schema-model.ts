import {
  parseSchemaSyntax,
  SchemaModelError,
  type Attribute,
  type AttributeValue,
  type EnumDecl,
  type FieldDecl,
  type ModelDecl,
} from './schema-syntax';
import {
  normalizeShape,
  type ColumnShape,
  type EnumShape,
  type IndexShape,
  type SchemaShape,
  type TableShape,
} from './schema-shape';

// The database shape prisma/schema.prisma describes, computed the way Prisma's migrate would
// create it, so lib/db/schema-matches-migrations.db.test.ts can hold the hand-applied
// migrations to it without Prisma's schema engine (not available offline). Strict on
// purpose: an attribute, type or argument it does not know throws with its line number, so
// a schema change cannot slip past the check by being silently ignored.

export { SchemaModelError } from './schema-syntax';

/** Column types Prisma's Postgres connector uses when no `@db.*` native type is given. */
export const PRISMA_TO_POSTGRES = {
  String: 'text',
  Int: 'integer',
  BigInt: 'bigint',
  Float: 'double precision',
  Boolean: 'boolean',
  DateTime: 'timestamp(3) without time zone',
  Json: 'jsonb',
} as const;

type Scalar = keyof typeof PRISMA_TO_POSTGRES;

// Postgres' NAMEDATALEN - 1: Prisma truncates default names to fit, by bytes.
const MAX_IDENTIFIER_BYTES = 63;

interface EnumInfo {
  dbName: string;
  values: Set<string>;
}

export function readSchemaModel(text: string): SchemaShape {
  const { models, enums } = parseSchemaSyntax(text);

  const enumInfo = new Map<string, EnumInfo>();
  const enumShapes = enums.map((decl) => {
    if (enumInfo.has(decl.name)) throw new SchemaModelError(decl.line, `enum ${decl.name} twice`);
    const shape = readEnum(decl);
    enumInfo.set(decl.name, {
      dbName: shape.name,
      values: new Set(decl.values.map((v) => v.name)),
    });
    return shape;
  });

  const tables: TableShape[] = [];
  const indexes: IndexShape[] = [];
  for (const model of models) {
    const { table, tableIndexes } = readModel(model, enumInfo);
    if (tables.some((t) => t.name === table.name)) {
      throw new SchemaModelError(model.line, `table ${table.name} is declared twice`);
    }
    tables.push(table);
    indexes.push(...tableIndexes);
  }
  return normalizeShape({ tables, indexes, enums: enumShapes, foreignKeys: [] });
}

function readEnum(decl: EnumDecl): EnumShape {
  let name = decl.name;
  for (const attr of decl.blockAttributes) {
    if (attr.name !== 'map') throw unsupported(attr, '@@');
    name = stringArg(attr);
  }
  const values = decl.values.map((value) => {
    let dbValue = value.name;
    for (const attr of value.attributes) {
      if (attr.name !== 'map') throw unsupported(attr, '@');
      dbValue = stringArg(attr);
    }
    return dbValue;
  });
  if (values.length === 0) throw new SchemaModelError(decl.line, `enum ${decl.name} has no values`);
  return { name, values };
}

function readModel(model: ModelDecl, enums: Map<string, EnumInfo>) {
  let tableName = model.name;
  let mapped = false;
  const columnOf = new Map<string, string>();
  const columns: ColumnShape[] = [];
  const keys: { kind: 'id' | 'unique' | 'index'; fields: string[]; line: number }[] = [];

  for (const field of model.fields) {
    if (columnOf.has(field.name))
      throw new SchemaModelError(field.line, `field ${field.name} twice`);
    const { column, id, unique } = readField(field, enums);
    if (columns.some((c) => c.name === column.name)) {
      throw new SchemaModelError(field.line, `column ${column.name} is mapped twice`);
    }
    columnOf.set(field.name, column.name);
    columns.push(column);
    if (id) keys.push({ kind: 'id', fields: [field.name], line: field.line });
    if (unique) keys.push({ kind: 'unique', fields: [field.name], line: field.line });
  }

  for (const attr of model.blockAttributes) {
    if (attr.name === 'map') {
      if (mapped) throw new SchemaModelError(attr.line, '@@map twice');
      mapped = true;
      tableName = stringArg(attr);
    } else if (attr.name === 'id' || attr.name === 'unique' || attr.name === 'index') {
      keys.push({ kind: attr.name, fields: fieldListArg(attr), line: attr.line });
    } else throw unsupported(attr, '@@');
  }

  const ids = keys.filter((key) => key.kind === 'id');
  if (ids.length > 1) throw new SchemaModelError(ids[1].line, `${model.name} has two primary keys`);

  const table: TableShape = { name: tableName, columns, primaryKey: null };
  const tableIndexes: IndexShape[] = [];
  for (const key of keys) {
    const cols = key.fields.map((name) => {
      const column = columnOf.get(name);
      if (!column) throw new SchemaModelError(key.line, `${model.name} has no field ${name}`);
      return column;
    });
    if (key.kind === 'id') {
      table.primaryKey = { name: truncate(tableName, '_pkey'), columns: cols };
      for (const col of cols) {
        const column = columns.find((c) => c.name === col)!;
        if (column.nullable) {
          throw new SchemaModelError(key.line, `primary key column ${col} is optional or a list`);
        }
      }
    } else {
      const suffix = key.kind === 'unique' ? '_key' : '_idx';
      const name = truncate(`${tableName}_${cols.join('_')}`, suffix);
      const index = { name, table: tableName, columns: cols, unique: key.kind === 'unique' };
      tableIndexes.push({ ...index, method: 'btree', predicate: null });
    }
  }
  return { table, tableIndexes };
}

function readField(field: FieldDecl, enums: Map<string, EnumInfo>) {
  const scalar = field.type in PRISMA_TO_POSTGRES ? (field.type as Scalar) : null;
  const enumType = enums.get(field.type);
  if (!scalar && !enumType) {
    throw new SchemaModelError(
      field.line,
      `type ${field.type} is neither a supported scalar nor a declared enum`,
    );
  }

  let baseType: string = scalar ? PRISMA_TO_POSTGRES[scalar] : enumType!.dbName;
  let name = field.name;
  let id = false;
  let unique = false;
  let hasDefault = false;
  const seen = new Set<string>();
  for (const attr of field.attributes) {
    if (seen.has(attr.name)) throw new SchemaModelError(attr.line, `@${attr.name} twice`);
    seen.add(attr.name);
    if (attr.name === 'map') name = stringArg(attr);
    else if (attr.name === 'id' && attr.args === null) id = true;
    else if (attr.name === 'unique' && attr.args === null) unique = true;
    else if (attr.name === 'default') hasDefault = readDefault(attr, field, scalar, enumType);
    else if (attr.name === 'db.Timestamptz' && scalar === 'DateTime') {
      baseType = `timestamp(${precisionArg(attr)}) with time zone`;
    } else throw unsupported(attr, '@');
  }

  const column: ColumnShape = {
    name,
    type: field.list ? `${baseType}[]` : baseType,
    // Prisma creates scalar lists without NOT NULL.
    nullable: field.optional || field.list,
    hasDefault,
  };
  return { column, id, unique };
}

/** Whether the default lives in the database (Prisma generates uuid()/cuid() client-side). */
function readDefault(
  attr: Attribute,
  field: FieldDecl,
  scalar: Scalar | null,
  enumType: EnumInfo | undefined,
): boolean {
  const [value, ...extra] = attr.args ?? [];
  if (!value || extra.length > 0) {
    throw new SchemaModelError(attr.line, '@default takes exactly one argument');
  }
  if (field.list) {
    if (value.kind !== 'list') {
      throw new SchemaModelError(attr.line, 'a list default must be a list');
    }
    value.items.forEach((item) => checkLiteral(item, attr, scalar, enumType));
    return true;
  }
  if (value.kind === 'call') {
    const allowed: Record<string, Scalar[]> = {
      now: ['DateTime'],
      autoincrement: ['Int', 'BigInt'],
      dbgenerated: Object.keys(PRISMA_TO_POSTGRES) as Scalar[],
      uuid: ['String'],
      cuid: ['String'],
    };
    const takesArgs = value.name !== 'now' && value.name !== 'autoincrement';
    const fits = Object.hasOwn(allowed, value.name) && allowed[value.name].includes(scalar!);
    if (!fits || (!takesArgs && value.args.length > 0)) {
      throw new SchemaModelError(
        attr.line,
        `@default(${value.name}()) on ${field.type} is not supported`,
      );
    }
    return value.name !== 'uuid' && value.name !== 'cuid';
  }
  checkLiteral(value, attr, scalar, enumType);
  return true;
}

function checkLiteral(
  value: AttributeValue,
  attr: Attribute,
  scalar: Scalar | null,
  enumType: EnumInfo | undefined,
) {
  const ok =
    (value.kind === 'string' &&
      (scalar === 'String' || scalar === 'Json' || scalar === 'DateTime')) ||
    (value.kind === 'number' &&
      (scalar === 'Float' ||
        ((scalar === 'Int' || scalar === 'BigInt') && Number.isInteger(value.value)))) ||
    (value.kind === 'ident' &&
      scalar === 'Boolean' &&
      (value.name === 'true' || value.name === 'false')) ||
    (value.kind === 'ident' && enumType !== undefined && enumType.values.has(value.name));
  if (!ok) throw new SchemaModelError(attr.line, 'default value does not fit the field type');
}

function stringArg(attr: Attribute): string {
  const [value, ...extra] = attr.args ?? [];
  if (value?.kind !== 'string' || extra.length > 0) {
    throw new SchemaModelError(attr.line, `@${attr.name} takes one string argument`);
  }
  return value.value;
}

function precisionArg(attr: Attribute): number {
  const [value, ...extra] = attr.args ?? [];
  if (value?.kind !== 'number' || !Number.isInteger(value.value) || extra.length > 0) {
    throw new SchemaModelError(attr.line, `@${attr.name} takes one integer precision`);
  }
  return value.value;
}

function fieldListArg(attr: Attribute): string[] {
  const [value, ...extra] = attr.args ?? [];
  const fields = value?.kind === 'list' ? value.items : [];
  if (extra.length > 0 || fields.length === 0 || fields.some((f) => f.kind !== 'ident')) {
    throw new SchemaModelError(attr.line, `@@${attr.name} takes one list of field names`);
  }
  return fields.map((f) => (f as { name: string }).name);
}

function unsupported(attr: Attribute, prefix: '@' | '@@') {
  return new SchemaModelError(attr.line, `unsupported attribute ${prefix}${attr.name}`);
}

/** Prisma's default constraint name: the stem cut to fit NAMEDATALEN with its suffix. */
function truncate(stem: string, suffix: string): string {
  const limit = MAX_IDENTIFIER_BYTES - suffix.length;
  let out = stem;
  while (Buffer.byteLength(out) > limit) out = out.slice(0, -1);
  return `${out}${suffix}`;
}
