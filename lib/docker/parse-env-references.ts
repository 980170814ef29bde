import type { ConnectionType } from '@/lib/topology/types';

import { nameWords, sanitizeEnv } from './strip-secrets';

// Reads what a container's environment says it talks to. Input is a sanitised environment
// (see strip-secrets.ts), so nothing here can see a password. Output is addresses only; which
// container an address belongs to is decided later by the resolver, which knows the networks.

export interface EnvReference {
  variable: string;
  connectionType: ConnectionType;
  /** Database or messaging system when the value or the variable name says so. */
  system?: string;
  host: string;
  port?: number;
  database?: string;
  /**
   * True when the value is unmistakably an address (a URL, a connection string, a `*_HOST`
   * variable): unresolvable, it becomes an external node. False for a bare word that only
   * counts when it names a known container (`EventBusConnection=rabbitmq`).
   */
  explicit: boolean;
}

const SCHEMES: Record<string, { type: ConnectionType; system?: string }> = {
  postgres: { type: 'database', system: 'postgresql' },
  postgresql: { type: 'database', system: 'postgresql' },
  mysql: { type: 'database', system: 'mysql' },
  mariadb: { type: 'database', system: 'mariadb' },
  sqlserver: { type: 'database', system: 'mssql' },
  mssql: { type: 'database', system: 'mssql' },
  oracle: { type: 'database', system: 'oracle' },
  mongodb: { type: 'database', system: 'mongodb' },
  'mongodb+srv': { type: 'database', system: 'mongodb' },
  redis: { type: 'database', system: 'redis' },
  rediss: { type: 'database', system: 'redis' },
  memcached: { type: 'database', system: 'memcached' },
  cassandra: { type: 'database', system: 'cassandra' },
  clickhouse: { type: 'database', system: 'clickhouse' },
  amqp: { type: 'messaging', system: 'rabbitmq' },
  amqps: { type: 'messaging', system: 'rabbitmq' },
  kafka: { type: 'messaging', system: 'kafka' },
  nats: { type: 'messaging', system: 'nats' },
  mqtt: { type: 'messaging', system: 'mqtt' },
  http: { type: 'rpc' },
  https: { type: 'rpc' },
  grpc: { type: 'rpc' },
  ws: { type: 'rpc' },
  wss: { type: 'rpc' },
  tcp: { type: 'rpc' },
};

/** Words in a variable's name that say which system its address belongs to. */
const NAME_SYSTEMS: Array<[RegExp, ConnectionType, string | undefined]> = [
  [/^(postgres|postgresql|pg|pghost)$/, 'database', 'postgresql'],
  [/^(mysql|mariadb)$/, 'database', 'mysql'],
  [/^(mongo|mongodb)$/, 'database', 'mongodb'],
  [/^(redis|valkey)$/, 'database', 'redis'],
  [/^memcached?$/, 'database', 'memcached'],
  [/^(mssql|sqlserver)$/, 'database', 'mssql'],
  [/^(db|database)$/, 'database', undefined],
  [/^(rabbit|rabbitmq|amqp)$/, 'messaging', 'rabbitmq'],
  [/^kafka$/, 'messaging', 'kafka'],
  [/^nats$/, 'messaging', 'nats'],
  [/^(mq|broker|brokers)$/, 'messaging', undefined],
];

const ADDRESS_SUFFIX =
  /(^|_)(HOST|HOSTNAME|ADDR|ADDRESS|URL|URI|SERVICE_ADDR|BROKERS|BOOTSTRAP_SERVERS|ENDPOINT|SERVERS)$/i;
/** Variables naming the container itself or where it listens: not dependencies. */
const SELF_VARIABLES =
  /(^|_)(LISTEN[A-Z]*|BIND)(_|$)|(^|_)(URLS|SERVICE_NAME|NAME)$|^(HOSTNAME|PATH.*|OTEL_RESOURCE_ATTRIBUTES)$/i;
const HOSTNAME = /^[a-z0-9](?:[a-z0-9_.-]*[a-z0-9])?$/i;
const NOT_HOSTS = new Set([
  'localhost',
  '0.0.0.0',
  '127.0.0.1',
  '::',
  '::1',
  'true',
  'false',
  'yes',
  'no',
  'on',
  'off',
  'none',
  'null',
]);

function systemFromName(variable: string): { type: ConnectionType; system?: string } | undefined {
  for (const word of nameWords(variable)) {
    for (const [pattern, type, system] of NAME_SYSTEMS)
      if (pattern.test(word)) return { type, system };
  }
  return undefined;
}

function hostPort(text: string): { host: string; port?: number } | undefined {
  const m = /^(?:\[([0-9a-f:.]+)\]|([^:\s[\]]+))(?::(\d{1,5}))?$/i.exec(text.trim());
  if (!m) return undefined;
  const host = (m[1] ?? m[2]!).toLowerCase();
  if (m[2] && !HOSTNAME.test(host)) return undefined;
  if (/^\d+$/.test(host) || NOT_HOSTS.has(host)) return undefined;
  return { host, port: m[3] ? Number(m[3]) : undefined };
}

function fromUrl(variable: string, value: string): EnvReference[] {
  const m = /^(?:jdbc:)?([a-z][a-z0-9+.-]*):\/\/([^/?#;]*)([^?#;]*)?/i.exec(value);
  if (!m) return [];
  const scheme = SCHEMES[m[1]!.toLowerCase()];
  if (!scheme) return [];
  const named = systemFromName(variable);
  const type = scheme.type === 'rpc' && named ? named.type : scheme.type;
  const system = scheme.system ?? (scheme.type === 'rpc' ? named?.system : undefined);
  const path = decodeURIComponent((m[3] ?? '').replace(/^\//, '')).split('/')[0];
  const jdbcDb = /;(?:databaseName|database)=([^;]+)/i.exec(value)?.[1];
  const database =
    type === 'database' && system !== 'redis' ? jdbcDb || path || undefined : undefined;
  return m[2]!
    .split(',')
    .map((part) => hostPort(part))
    .filter((hp): hp is { host: string; port?: number } => hp !== undefined)
    .map((hp) => ({
      variable,
      connectionType: type,
      system,
      ...hp,
      database,
      explicit: true,
    }));
}

function fromKeyValue(variable: string, value: string): EnvReference[] {
  if (!/[;]/.test(value) || !/=/.test(value)) return [];
  const pairs = new Map<string, string>();
  for (const part of value.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0) pairs.set(part.slice(0, eq).trim().toLowerCase(), part.slice(eq + 1).trim());
  }
  const server =
    pairs.get('server') ??
    pairs.get('data source') ??
    pairs.get('host') ??
    pairs.get('address') ??
    pairs.get('addr');
  if (!server) return [];
  // SQL Server writes `tcp:host,1433` or `host\instance`; Npgsql and MySQL write `Port=`.
  const [hostPart, commaPort] = server.replace(/^tcp:/i, '').split(',');
  const hp = hostPort(hostPart!.split('\\')[0]!);
  if (!hp) return [];
  const database = pairs.get('database') ?? pairs.get('initial catalog');
  const port = hp.port ?? (Number(commaPort ?? pairs.get('port')) || undefined);
  const system =
    pairs.has('host') || pairs.has('username')
      ? 'postgresql'
      : pairs.has('uid') || port === 3306
        ? 'mysql'
        : 'mssql';
  return [
    {
      variable,
      connectionType: 'database',
      system,
      host: hp.host,
      port,
      database: database || undefined,
      explicit: true,
    },
  ];
}

/** Addresses named by one (already sanitised) variable. */
export function parseEnvValue(variable: string, value: string): EnvReference[] {
  const trimmed = value.trim();
  if (!trimmed || SELF_VARIABLES.test(variable)) return [];
  const tokens = trimmed.split(/[\s]+/).flatMap((t) => (/:\/\//.test(t) ? [t] : []));
  if (tokens.length > 0) return tokens.flatMap((t) => fromUrl(variable, t));
  const kv = fromKeyValue(variable, trimmed);
  if (kv.length > 0) return kv;
  const explicit = ADDRESS_SUFFIX.test(variable);
  const named = systemFromName(variable);
  const parts = trimmed.split(',');
  if (!explicit && parts.length > 1) return [];
  return parts
    .map((part) => hostPort(part))
    .filter((hp): hp is { host: string; port?: number } => hp !== undefined)
    .map((hp) => ({
      variable,
      connectionType: named?.type ?? 'rpc',
      system: named?.system,
      ...hp,
      explicit,
    }));
}

/** Every address a container's environment names, secrets stripped before parsing. */
export function parseEnvReferences(env: Iterable<[string, string]>): EnvReference[] {
  return sanitizeEnv(env).flatMap(([name, value]) => parseEnvValue(name, value));
}
