// Secrets never leave the parser. Every environment value a container or compose file carries
// goes through here before anything else reads it, so the rest of the Docker source only ever
// sees hosts, ports and database names. Over-stripping is the safe failure: a value we cannot
// read costs one declared edge, a leaked password costs the user's trust.

const REDACTED = '[redacted]';

/** Name parts that mark a whole variable as secret (DB_PASSWORD, EventBusPassword, API_KEY). */
const SECRET_WORDS = new Set([
  'password',
  'passwd',
  'pwd',
  'pass',
  'passphrase',
  'secret',
  'secrets',
  'token',
  'tokens',
  'credential',
  'credentials',
  'apikey',
  'salt',
  'auth',
  'cookie',
  'cert',
  'jwt',
  'sas',
]);

/** Last name parts that say "this names an address", which stays readable (AUTH_SERVICE_URL). */
const ADDRESS_WORDS = new Set([
  'url',
  'uri',
  'host',
  'hostname',
  'addr',
  'address',
  'endpoint',
  'server',
  'servers',
  'port',
  'brokers',
  'user',
  'username',
  'name',
  'enabled',
  'type',
  'file',
  'path',
]);

/** Query-string or key=value parameter names whose value is a credential. */
const SECRET_PARAM =
  '(?:password|passwd|pwd|pass|token|access_token|refresh_token|id_token|auth|authsource_password|' +
  'secret|client_secret|api_key|apikey|key|sig|signature|x-amz-signature|x-amz-credential|' +
  'x-amz-security-token|sharedaccesskey|sharedaccesssignature|accountkey|credential|credentials|' +
  'sslpassword|sslkey)';

/** Splits a variable name into lowercase words: camelCase, snake_case, dots, dashes. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** True when the variable's name says its whole value is a secret. */
export function isSecretName(name: string): boolean {
  const words = nameWords(name);
  if (words.length === 0) return false;
  if (ADDRESS_WORDS.has(words[words.length - 1]!)) return false;
  if (words[words.length - 1] === 'key' && words.length > 1) return true;
  return words.some((w) => SECRET_WORDS.has(w) || w.endsWith('password') || w.endsWith('token'));
}

const urlUserinfo = /([a-z][a-z0-9+.-]*:\/\/)[^\s/?#]*@/gi;
const jdbcOracle = /(jdbc:oracle:[a-z]+:)[^@\s]*@/gi;
const bareUserinfo = /(^|[\s,;=(])(?!jdbc:)[^\s,;=/@:()]*:[^\s,;@()]+@(?=[\w[])/g;
const secretParam = new RegExp(
  `([?&;]|^)\\s*${SECRET_PARAM}\\s*=\\s*("[^"]*"|'[^']*'|\\{[^}]*\\}|[^;&]*)`,
  'gi',
);
const authHeader = /\b(bearer|basic|token)\s+\S{8,}/gi;

/**
 * Removes credentials from one value: URL userinfo (`postgres://u:p@db` → `postgres://db`),
 * secret query/connection-string parameters (`?password=…`, `Password=…;`, `AccountKey=…`),
 * `user:pass@host` without a scheme, Oracle thin `user/pass@`, and auth header tokens.
 */
export function stripSecrets(value: string): string {
  return value
    .replace(urlUserinfo, '$1')
    .replace(jdbcOracle, '$1@')
    .replace(bareUserinfo, '$1')
    .replace(
      secretParam,
      (match: string, sep: string, _v: string, offset: number, whole: string) =>
        offset + match.length === whole.length ? '' : sep,
    )
    .replace(authHeader, `$1 ${REDACTED}`)
    .replace(/([?&;])[?&;]+/g, '$1')
    .replace(/[?&]$/, '');
}

/** An environment with every secret gone: secret-named variables dropped, the rest stripped. */
export function sanitizeEnv(env: Iterable<[string, string]>): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [name, value] of env) {
    if (isSecretName(name)) continue;
    out.push([name, stripSecrets(value)]);
  }
  return out;
}

/** Docker's `Config.Env` is `NAME=value` strings; a name without `=` has no value. */
export function splitEnvList(list: readonly string[]): Array<[string, string]> {
  return list.map((entry) => {
    const eq = entry.indexOf('=');
    return eq < 0 ? [entry, ''] : [entry.slice(0, eq), entry.slice(eq + 1)];
  });
}
