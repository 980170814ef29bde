import path from 'node:path';

// One compose service in a shape that merges the way Compose merges an override file onto
// its base (compose-spec "Merge and override"): maps merge by key, `volumes` by target
// path, `depends_on` by service, `links` as a set, scalars are replaced.

export class ComposeFileError extends Error {}

export interface ComposeMount {
  type: 'volume' | 'bind' | 'tmpfs';
  source: string;
  target: string;
  readOnly: boolean;
}

export interface ComposeService {
  name: string;
  image?: string;
  containerName?: string;
  hostname?: string;
  hasBuild: boolean;
  /** Raw values: may hold secrets; only ever read through parseEnvReferences. */
  environment: Record<string, string>;
  envFiles: string[];
  labels: Record<string, string>;
  dependsOn: string[];
  links: string[];
  networks: Record<string, { aliases: string[] }>;
  networkMode?: string;
  volumes: ComposeMount[];
}

type Raw = Record<string, unknown>;
const isMap = (v: unknown): v is Raw => !!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown) => (v === null || v === undefined ? undefined : String(v));

function keyValues(
  value: unknown,
  where: string,
  shellEnv: Record<string, string>,
): Record<string, string> {
  if (value === undefined || value === null) return {};
  if (Array.isArray(value)) {
    const out: Record<string, string> = {};
    for (const entry of value.map(String)) {
      const eq = entry.indexOf('=');
      if (eq < 0) {
        if (shellEnv[entry] !== undefined) out[entry] = shellEnv[entry]!;
      } else out[entry.slice(0, eq)] = entry.slice(eq + 1);
    }
    return out;
  }
  if (isMap(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, str(v) ?? shellEnv[k] ?? '']),
    );
  }
  throw new ComposeFileError(`${where} must be a list or a mapping`);
}

function mountOf(entry: unknown, baseDir: string, where: string): ComposeMount | undefined {
  if (isMap(entry)) {
    const target = str(entry.target);
    if (!target) throw new ComposeFileError(`${where}: volume without target`);
    const type = (str(entry.type) ?? 'volume') as ComposeMount['type'];
    const source = str(entry.source) ?? '';
    return {
      type,
      source: type === 'bind' ? path.resolve(baseDir, source) : source,
      target,
      readOnly: entry.read_only === true,
    };
  }
  const parts = String(entry).split(':');
  if (parts.length === 1) return undefined; // anonymous volume: nothing another container can share
  const [source, target, mode = ''] = parts as [string, string, string?];
  const isPath = /^[./~]/.test(source) || source.startsWith('$');
  return {
    type: isPath ? 'bind' : 'volume',
    source: isPath ? path.resolve(baseDir, source) : source,
    target,
    readOnly: mode.split(',').includes('ro'),
  };
}

export function normalizeService(
  name: string,
  raw: unknown,
  baseDir: string,
  shellEnv: Record<string, string>,
): ComposeService {
  if (!isMap(raw)) throw new ComposeFileError(`services.${name} must be a mapping`);
  const dependsOn = Array.isArray(raw.depends_on)
    ? raw.depends_on.map(String)
    : isMap(raw.depends_on)
      ? Object.keys(raw.depends_on)
      : [];
  const networks: ComposeService['networks'] = {};
  if (Array.isArray(raw.networks))
    for (const n of raw.networks) networks[String(n)] = { aliases: [] };
  else if (isMap(raw.networks)) {
    for (const [n, cfg] of Object.entries(raw.networks)) {
      networks[n] = {
        aliases: isMap(cfg) && Array.isArray(cfg.aliases) ? cfg.aliases.map(String) : [],
      };
    }
  }
  const envFiles =
    raw.env_file === undefined
      ? []
      : (Array.isArray(raw.env_file) ? raw.env_file : [raw.env_file]).map((f) =>
          path.resolve(baseDir, isMap(f) ? String(f.path) : String(f)),
        );
  return {
    name,
    image: str(raw.image),
    containerName: str(raw.container_name),
    hostname: str(raw.hostname),
    hasBuild: raw.build !== undefined,
    environment: keyValues(raw.environment, `services.${name}.environment`, shellEnv),
    envFiles,
    labels: keyValues(raw.labels, `services.${name}.labels`, {}),
    dependsOn,
    links: Array.isArray(raw.links) ? raw.links.map(String) : [],
    networks,
    networkMode: str(raw.network_mode),
    volumes: (Array.isArray(raw.volumes) ? raw.volumes : [])
      .map((v, i) => mountOf(v, baseDir, `services.${name}.volumes[${i}]`))
      .filter((m): m is ComposeMount => m !== undefined),
  };
}

/** `override` applied on top of `base`, as a later `-f` file is applied by Compose. */
export function mergeService(base: ComposeService, override: ComposeService): ComposeService {
  const volumes = new Map(base.volumes.map((v) => [v.target, v]));
  for (const v of override.volumes) volumes.set(v.target, v);
  return {
    name: base.name,
    image: override.image ?? base.image,
    containerName: override.containerName ?? base.containerName,
    hostname: override.hostname ?? base.hostname,
    hasBuild: base.hasBuild || override.hasBuild,
    environment: { ...base.environment, ...override.environment },
    envFiles: [...new Set([...base.envFiles, ...override.envFiles])],
    labels: { ...base.labels, ...override.labels },
    dependsOn: [...new Set([...base.dependsOn, ...override.dependsOn])],
    links: [...new Set([...base.links, ...override.links])],
    networks: { ...base.networks, ...override.networks },
    networkMode: override.networkMode ?? base.networkMode,
    volumes: [...volumes.values()],
  };
}
