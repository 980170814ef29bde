import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { parse } from 'yaml';

import {
  ComposeFileError,
  mergeService,
  normalizeService,
  type ComposeService,
} from './compose-service';
import { interpolateTree, parseDotEnv } from './interpolate';

// Reads compose files the way `docker compose -f a.yml -f b.yml` does: `.env` beside the
// first file (the caller's environment wins over it), interpolation per file, `include:`
// loaded as part of the project, later files merged over earlier ones.

export interface ComposeProject {
  name: string;
  workingDir: string;
  services: Map<string, ComposeService>;
  networks: Record<string, { name?: string; external?: boolean; internal?: boolean }>;
  volumes: Record<string, { name?: string; external?: boolean }>;
  warnings: string[];
}

export interface ReadOptions {
  /** The shell environment Compose would see; it overrides `.env`. Default: none. */
  env?: Record<string, string>;
  projectName?: string;
}

type Raw = Record<string, unknown>;
const isMap = (v: unknown): v is Raw => !!v && typeof v === 'object' && !Array.isArray(v);

async function readDotEnv(dir: string): Promise<Record<string, string>> {
  const file = path.join(dir, '.env');
  return existsSync(file) ? parseDotEnv(await readFile(file, 'utf8')) : {};
}

function servicesOf(doc: Raw, file: string, warnings: string[]): Raw {
  if (isMap(doc.services)) return doc.services;
  const entries = Object.entries(doc).filter(([k]) => k !== 'version');
  const looksV1 =
    entries.length > 0 && entries.every(([, v]) => isMap(v) && ('image' in v || 'build' in v));
  if (!looksV1) throw new ComposeFileError(`${file}: no "services:" key and not a compose v1 file`);
  // Compose v1: every top-level key is a service, all on one default network.
  warnings.push(
    `${file}: compose file format v1 (no "services:" key), read as one default network`,
  );
  return Object.fromEntries(entries);
}

interface Accumulator extends ComposeProject {
  seen: Set<string>;
  vars: Record<string, string>;
  explicitName?: string;
}

async function readOne(file: string, acc: Accumulator, included: boolean): Promise<void> {
  if (acc.seen.has(file)) throw new ComposeFileError(`${file}: included more than once (cycle?)`);
  acc.seen.add(file);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (cause) {
    throw new ComposeFileError(`cannot read compose file ${file}`, { cause });
  }
  let parsed: unknown;
  try {
    parsed = parse(text);
  } catch (cause) {
    throw new ComposeFileError(`${file}: invalid YAML`, { cause });
  }
  if (!isMap(parsed)) throw new ComposeFileError(`${file}: top level must be a mapping`);
  const unset = new Set<string>();
  const doc = interpolateTree(parsed, acc.vars, unset) as Raw;
  for (const name of [...unset].sort())
    acc.warnings.push(
      `${path.relative(acc.workingDir, file)}: variable ${name} is not set, using ""`,
    );
  const dir = path.dirname(file);

  for (const entry of Array.isArray(doc.include) ? doc.include : []) {
    const paths = isMap(entry) ? [entry.path].flat() : [entry];
    for (const p of paths.map(String)) await readOne(path.resolve(dir, p), acc, true);
  }

  if (typeof doc.name === 'string' && !included) acc.explicitName = doc.name;
  const rawServices = servicesOf(doc, file, acc.warnings);
  for (const [name, raw] of Object.entries(rawServices)) {
    const service = normalizeService(name, raw, dir, acc.vars);
    const existing = acc.services.get(name);
    if (existing && included) {
      throw new ComposeFileError(`${file}: service "${name}" conflicts with an included service`);
    }
    acc.services.set(name, existing ? mergeService(existing, service) : service);
  }
  if (isMap(doc.networks))
    for (const [k, v] of Object.entries(doc.networks))
      acc.networks[k] = { ...acc.networks[k], ...(isMap(v) ? v : {}) };
  if (isMap(doc.volumes))
    for (const [k, v] of Object.entries(doc.volumes))
      acc.volumes[k] = { ...acc.volumes[k], ...(isMap(v) ? v : {}) };
}

/** Compose's project name rule: lowercase letters, digits, dashes and underscores. */
export function normalizeProjectName(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9_-]/g, '');
}

export async function readComposeProject(
  files: string[],
  options: ReadOptions = {},
): Promise<ComposeProject> {
  if (files.length === 0) throw new ComposeFileError('no compose file given');
  const absolute = files.map((f) => path.resolve(f));
  const workingDir = path.dirname(absolute[0]!);
  const vars = { ...(await readDotEnv(workingDir)), ...options.env };
  const acc: Accumulator = {
    name: '',
    workingDir,
    services: new Map(),
    networks: {},
    volumes: {},
    warnings: [],
    seen: new Set(),
    vars,
  };
  for (const file of absolute) await readOne(file, acc, false);

  for (const service of acc.services.values()) {
    for (const envFile of service.envFiles) {
      if (!existsSync(envFile)) {
        acc.warnings.push(`env_file ${envFile} of ${service.name} not found`);
        continue;
      }
      service.environment = {
        ...parseDotEnv(await readFile(envFile, 'utf8')),
        ...service.environment,
      };
    }
  }

  const name = normalizeProjectName(
    options.projectName ??
      acc.explicitName ??
      vars.COMPOSE_PROJECT_NAME ??
      path.basename(workingDir),
  );
  if (!name) throw new ComposeFileError('project name is empty; pass projectName');
  const { seen: _seen, vars: _vars, explicitName: _n, ...project } = acc;
  return { ...project, name };
}
