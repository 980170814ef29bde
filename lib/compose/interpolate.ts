// Compose's variable substitution (compose-spec "Interpolation"): `$VAR`, `${VAR}`,
// `${VAR:-default}` (unset or empty), `${VAR-default}` (unset), `${VAR:?err}` / `${VAR?err}`
// (required), `${VAR:+alt}` / `${VAR+alt}`, and `$$` for a literal dollar. Defaults may
// themselves hold `${…}`.

export class ComposeInterpolationError extends Error {}

export type Variables = Readonly<Record<string, string | undefined>>;

function findClose(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

function expandBraced(body: string, vars: Variables, unset: Set<string>): string {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])([\s\S]*))?$/.exec(body);
  if (!m) throw new ComposeInterpolationError(`invalid interpolation format for "\${${body}}"`);
  const [, name, op, arg = ''] = m;
  const value = vars[name!];
  const isSet = value !== undefined;
  const nonEmpty = isSet && value !== '';
  switch (op) {
    case ':-':
      return nonEmpty ? value! : interpolate(arg, vars, unset);
    case '-':
      return isSet ? value! : interpolate(arg, vars, unset);
    case ':?':
    case '?':
      if (op === ':?' ? nonEmpty : isSet) return value!;
      throw new ComposeInterpolationError(
        `required variable ${name} is missing a value: ${interpolate(arg, vars, unset)}`,
      );
    case ':+':
      return nonEmpty ? interpolate(arg, vars, unset) : '';
    case '+':
      return isSet ? interpolate(arg, vars, unset) : '';
    default:
      if (!isSet) unset.add(name!);
      return value ?? '';
  }
}

/** Substitutes variables in one string; names used but unset are added to `unset`. */
export function interpolate(text: string, vars: Variables, unset = new Set<string>()): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch !== '$') {
      out += ch;
      continue;
    }
    const next = text[i + 1];
    if (next === '$') {
      out += '$';
      i++;
      continue;
    }
    if (next === '{') {
      const close = findClose(text, i + 1);
      if (close < 0) throw new ComposeInterpolationError(`unterminated "\${" in "${text}"`);
      out += expandBraced(text.slice(i + 2, close), vars, unset);
      i = close;
      continue;
    }
    const name = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(i + 1))?.[0];
    if (!name) {
      out += ch;
      continue;
    }
    if (vars[name] === undefined) unset.add(name);
    out += vars[name] ?? '';
    i += name.length;
  }
  return out;
}

/** Interpolates every string value (not keys) of a parsed compose document. */
export function interpolateTree(
  node: unknown,
  vars: Variables,
  unset = new Set<string>(),
): unknown {
  if (typeof node === 'string') return interpolate(node, vars, unset);
  if (Array.isArray(node)) return node.map((item) => interpolateTree(item, vars, unset));
  if (node && typeof node === 'object') {
    return Object.fromEntries(
      Object.entries(node).map(([k, v]) => [k, interpolateTree(v, vars, unset)]),
    );
  }
  return node;
}

/** A `.env` file: `KEY=value`, `export KEY=value`, quotes, `#` comments. */
export function parseDotEnv(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*(.*)$/.exec(line);
    if (!m) continue;
    let value = m[2]!;
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.lastIndexOf(quote) > 0) {
      value = value.slice(1, value.lastIndexOf(quote));
      if (quote === '"') value = value.replace(/\\n/g, '\n').replace(/\\"/g, '"');
    } else {
      value = value.replace(/\s+#.*$/, '').trim();
    }
    out[m[1]!] = value;
  }
  return out;
}
