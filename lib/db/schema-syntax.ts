// The syntax half of the schema reader: prisma/schema.prisma split into blocks, fields and
// attributes, each with its line number. It knows only the shapes this project writes (one
// declaration per line, blocks opened by `name {` and closed by a lone `}`) and throws on
// anything else, so a construct the checker does not understand can never be skipped.

export class SchemaModelError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(`schema.prisma line ${line}: ${message}`);
    this.name = 'SchemaModelError';
  }
}

export type AttributeValue =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'ident'; name: string }
  | { kind: 'call'; name: string; args: AttributeValue[] }
  | { kind: 'list'; items: AttributeValue[] };

export interface Attribute {
  /** Without the leading `@`/`@@`; native types keep their prefix (`db.Timestamptz`). */
  name: string;
  /** `null` when written without parentheses. */
  args: AttributeValue[] | null;
  line: number;
}

export interface FieldDecl {
  line: number;
  name: string;
  type: string;
  optional: boolean;
  list: boolean;
  attributes: Attribute[];
}

export interface EnumValueDecl {
  line: number;
  name: string;
  attributes: Attribute[];
}

export interface ModelDecl {
  line: number;
  name: string;
  fields: FieldDecl[];
  blockAttributes: Attribute[];
}

export interface EnumDecl {
  line: number;
  name: string;
  values: EnumValueDecl[];
  blockAttributes: Attribute[];
}

const BLOCK_OPEN = /^(\w+)\s+([A-Za-z][A-Za-z0-9_]*)\s*\{$/;
const FIELD = /^([A-Za-z_][A-Za-z0-9_]*)\s+([A-Za-z_][A-Za-z0-9_]*)(\[\]|\?)?(?=\s|@|$)(.*)$/;
const ENUM_VALUE = /^([A-Za-z_][A-Za-z0-9_]*)(?=\s|@|$)(.*)$/;

export function parseSchemaSyntax(text: string): { models: ModelDecl[]; enums: EnumDecl[] } {
  const models: ModelDecl[] = [];
  const enums: EnumDecl[] = [];
  let open: { kind: 'skip'; line: number } | ModelDecl | EnumDecl | null = null;
  let openKind: 'skip' | 'model' | 'enum' | null = null;

  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    const src = stripComment(raw, line).trim();
    if (src === '') return;

    if (open === null) {
      const match = BLOCK_OPEN.exec(src);
      if (!match)
        throw new SchemaModelError(line, `expected the start of a block, found \`${src}\``);
      const [, keyword, name] = match;
      if (keyword === 'generator' || keyword === 'datasource') {
        open = { kind: 'skip', line };
        openKind = 'skip';
      } else if (keyword === 'model') {
        open = { line, name, fields: [], blockAttributes: [] };
        openKind = 'model';
      } else if (keyword === 'enum') {
        open = { line, name, values: [], blockAttributes: [] };
        openKind = 'enum';
      } else {
        throw new SchemaModelError(line, `unsupported block kind \`${keyword}\``);
      }
      return;
    }

    if (src === '}') {
      if (openKind === 'model') models.push(open as ModelDecl);
      if (openKind === 'enum') enums.push(open as EnumDecl);
      open = null;
      openKind = null;
      return;
    }
    // generator/datasource settings say nothing about the database's shape.
    if (openKind === 'skip') return;

    const block = open as ModelDecl | EnumDecl;
    if (src.startsWith('@@')) {
      const attributes = parseAttributes(src, line, '@@');
      if (attributes.length !== 1) {
        throw new SchemaModelError(line, 'expected exactly one block attribute on the line');
      }
      block.blockAttributes.push(attributes[0]);
    } else if (openKind === 'model') {
      const match = FIELD.exec(src);
      if (!match)
        throw new SchemaModelError(line, `expected a field declaration, found \`${src}\``);
      const [, name, type, modifier, rest] = match;
      (block as ModelDecl).fields.push({
        line,
        name,
        type,
        optional: modifier === '?',
        list: modifier === '[]',
        attributes: parseAttributes(rest, line, '@'),
      });
    } else {
      const match = ENUM_VALUE.exec(src);
      if (!match) throw new SchemaModelError(line, `expected an enum value, found \`${src}\``);
      const [, name, rest] = match;
      (block as EnumDecl).values.push({ line, name, attributes: parseAttributes(rest, line, '@') });
    }
  });

  if (open !== null) {
    throw new SchemaModelError((open as { line: number }).line, 'block is never closed');
  }
  return { models, enums };
}

/** Drops a `//` or `///` comment, leaving `//` inside string literals alone. */
function stripComment(raw: string, line: number): string {
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (inString && ch === '\\') i++;
    else if (ch === '"') inString = !inString;
    else if (!inString && ch === '/' && raw[i + 1] === '/') return raw.slice(0, i);
  }
  if (inString) throw new SchemaModelError(line, 'unterminated string literal');
  return raw;
}

function parseAttributes(src: string, line: number, prefix: '@' | '@@'): Attribute[] {
  const cursor = new Cursor(src, line);
  const attributes: Attribute[] = [];
  for (cursor.skipSpace(); !cursor.done(); cursor.skipSpace()) {
    const isBlock = cursor.peek('@@');
    if (!cursor.peek('@') || isBlock !== (prefix === '@@')) {
      throw cursor.fail(`expected an attribute starting with \`${prefix}\``);
    }
    cursor.advance(prefix.length);
    const name = cursor.take(/^[A-Za-z_]\w*(\.[A-Za-z_]\w*)?/, 'an attribute name');
    const args = cursor.peek('(') ? parseArguments(cursor) : null;
    attributes.push({ name, args, line });
  }
  return attributes;
}

function parseArguments(cursor: Cursor): AttributeValue[] {
  return parseSequence(cursor, '(', ')');
}

function parseSequence(cursor: Cursor, openCh: string, closeCh: string): AttributeValue[] {
  cursor.advance(openCh.length);
  const items: AttributeValue[] = [];
  cursor.skipSpace();
  if (cursor.peek(closeCh)) {
    cursor.advance(1);
    return items;
  }
  for (;;) {
    items.push(parseValue(cursor));
    cursor.skipSpace();
    if (cursor.peek(closeCh)) {
      cursor.advance(1);
      return items;
    }
    if (!cursor.peek(',')) throw cursor.fail(`expected \`,\` or \`${closeCh}\``);
    cursor.advance(1);
  }
}

function parseValue(cursor: Cursor): AttributeValue {
  cursor.skipSpace();
  if (cursor.peek('"'))
    return { kind: 'string', value: JSON.parse(cursor.take(/^"(\\.|[^"\\])*"/, 'a string')) };
  if (cursor.peek('[')) return { kind: 'list', items: parseSequence(cursor, '[', ']') };
  if (/^[-\d]/.test(cursor.rest())) {
    return { kind: 'number', value: Number(cursor.take(/^-?\d+(\.\d+)?/, 'a number')) };
  }
  const name = cursor.take(/^[A-Za-z_]\w*/, 'a value');
  cursor.skipSpace();
  if (cursor.peek(':')) throw cursor.fail(`named argument \`${name}:\` is not supported`);
  if (cursor.peek('(')) return { kind: 'call', name, args: parseArguments(cursor) };
  return { kind: 'ident', name };
}

class Cursor {
  private pos = 0;
  constructor(
    private readonly src: string,
    private readonly line: number,
  ) {}

  done = () => this.pos >= this.src.length;
  rest = () => this.src.slice(this.pos);
  peek = (s: string) => this.src.startsWith(s, this.pos);
  advance = (n: number) => void (this.pos += n);
  skipSpace = () => void (this.pos += /^\s*/.exec(this.rest())![0].length);

  take(pattern: RegExp, what: string): string {
    const match = pattern.exec(this.rest());
    if (!match) throw this.fail(`expected ${what}`);
    this.pos += match[0].length;
    return match[0];
  }

  fail(message: string): SchemaModelError {
    return new SchemaModelError(this.line, `${message} at \`${this.rest() || 'end of line'}\``);
  }
}
