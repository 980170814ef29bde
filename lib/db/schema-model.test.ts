import { describe, expect, it } from 'vitest';

import { readSchemaModel } from './schema-model';

const EVERY_CONSTRUCT = `// header comment
generator client {
  provider = "prisma-client"
}

datasource db {
  provider = "postgresql"
}

/// Doc comment
enum Colour {
  red
  dark_blue @map("dark-blue") // trailing comment

  @@map("colour")
}

enum Size {
  small
  large
}

model Thing {
  id        Int       @id @default(autoincrement())
  slug      String    @unique @map("slug_text")
  colour    Colour    @default(dark_blue)
  sizes     Size[]
  count     BigInt    @default(0)
  ratio     Float?
  on        Boolean   @default(true)
  createdAt DateTime  @default(now()) @map("created_at")
  seenAt    DateTime? @map("seen_at") @db.Timestamptz(3)
  tags      String[]  @default([])
  meta      Json      @default("{}")
  token     String    @default(uuid())
  note      String    @default("a // not a comment")

  @@index([colour, createdAt])
  @@unique([slug, colour])
  @@map("thing")
}

model Pair {
  left  String
  right String

  @@id([left, right])
}
`;

const col = (name: string, type: string, nullable: boolean, hasDefault: boolean) => ({
  name,
  type,
  nullable,
  hasDefault,
});

describe('readSchemaModel', () => {
  it('gives the exact database shape of every supported construct', () => {
    expect(readSchemaModel(EVERY_CONSTRUCT)).toEqual({
      enums: [
        { name: 'Size', values: ['small', 'large'] },
        { name: 'colour', values: ['red', 'dark-blue'] },
      ],
      tables: [
        {
          name: 'Pair',
          columns: [col('left', 'text', false, false), col('right', 'text', false, false)],
          primaryKey: { name: 'Pair_pkey', columns: ['left', 'right'] },
        },
        {
          name: 'thing',
          columns: [
            col('colour', 'colour', false, true),
            col('count', 'bigint', false, true),
            col('created_at', 'timestamp(3) without time zone', false, true),
            col('id', 'integer', false, true),
            col('meta', 'jsonb', false, true),
            col('note', 'text', false, true),
            col('on', 'boolean', false, true),
            col('ratio', 'double precision', true, false),
            col('seen_at', 'timestamp(3) with time zone', true, false),
            col('sizes', 'Size[]', true, false),
            col('slug_text', 'text', false, false),
            col('tags', 'text[]', true, true),
            // uuid() is filled in by Prisma's client, not by the database.
            col('token', 'text', false, false),
          ],
          primaryKey: { name: 'thing_pkey', columns: ['id'] },
        },
      ],
      indexes: [
        {
          name: 'thing_colour_created_at_idx',
          table: 'thing',
          columns: ['colour', 'created_at'],
          unique: false,
          method: 'btree',
          predicate: null,
        },
        {
          name: 'thing_slug_text_colour_key',
          table: 'thing',
          columns: ['slug_text', 'colour'],
          unique: true,
          method: 'btree',
          predicate: null,
        },
        {
          name: 'thing_slug_text_key',
          table: 'thing',
          columns: ['slug_text'],
          unique: true,
          method: 'btree',
          predicate: null,
        },
      ],
      foreignKeys: [],
    });
  });

  it('cuts default names to 63 bytes the way Prisma does', () => {
    const table = 'a'.repeat(60);
    const shape = readSchemaModel(
      `model M {\n  id String @id\n  x String @map("${'b'.repeat(30)}")\n` +
        `  @@index([x])\n  @@map("${table}")\n}\n`,
    );
    expect(shape.tables[0].primaryKey?.name).toBe(`${'a'.repeat(58)}_pkey`);
    expect(shape.indexes.map((i) => i.name)).toEqual([`${'a'.repeat(59)}_idx`]);
  });

  const inModel = (line: string) => `model M {\n  id String @id\n${line}\n}\n`;

  it.each([
    ['  at DateTime @updatedAt', 'unsupported attribute @updatedAt'],
    ['  price Decimal', 'type Decimal is neither a supported scalar nor a declared enum'],
    ['  owner User', 'type User is neither a supported scalar'],
    ['  owner User @relation(fields: [id])', 'named argument `fields:` is not supported'],
    ['  name String @db.VarChar(10)', 'unsupported attribute @db.VarChar'],
    ['  name String @default(1)', 'default value does not fit the field type'],
    ['  at DateTime @default(uuid())', '@default(uuid()) on DateTime is not supported'],
    ['  at DateTime @default(now(3))', '@default(now()) on DateTime is not supported'],
    ['  n Int @default(constructor())', '@default(constructor()) on Int is not supported'],
    ['  name String @map("a") @map("b")', '@map twice'],
    ['  tags String[]?', 'expected a field declaration'],
    ['  @@index([id], map: "x")', 'named argument `map:` is not supported'],
    ['  @@index([missing])', 'M has no field missing'],
    ['  @@fulltext([id])', 'unsupported attribute @@fulltext'],
    ['  @@id([id])', 'M has two primary keys'],
    ['  name String @map("unterminated)', 'unterminated string literal'],
  ])('throws naming line 3 for `%s`', (line, message) => {
    expect(() => readSchemaModel(inModel(line))).toThrow(`schema.prisma line 3: ${message}`);
  });

  it('throws on unknown blocks, stray text and unclosed blocks with their line', () => {
    expect(() => readSchemaModel('\nview V {\n}\n')).toThrow(
      'schema.prisma line 2: unsupported block kind `view`',
    );
    expect(() => readSchemaModel('enum E {\n  a = 1\n}\n')).toThrow('schema.prisma line 2:');
    expect(() => readSchemaModel('x = 1\n')).toThrow('schema.prisma line 1: expected the start');
    expect(() => readSchemaModel('\n\nmodel M {\n  id String @id\n')).toThrow(
      'schema.prisma line 3: block is never closed',
    );
  });
});
