import { z } from 'zod';

import { parseServiceMap } from '@/lib/docker/parse-service-map';
import { smellConfigFromEnv } from '@/lib/smells/config';

// Every setting Orrery reads, validated once at start. A bad value stops the process with a
// message naming the variable, instead of surfacing later as a confusing failure.

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['true', '1', 'yes', 'on'].includes(v));
const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();

export const envSchema = z.object({
  DATABASE_URL: z.string().url().optional(),
  ORRERY_DATA_DIR: z.string().default('.orrery'),
  ORRERY_EMBEDDED_PG_PORT: port.default(54329),
  HOST: z
    .string()
    .refine(
      (h) => !/^\d+(\.\d+){3}$/.test(h) || h.split('.').every((o) => Number(o) <= 255),
      'not a valid IPv4 address',
    )
    .optional(),
  PORT: port.default(3000),
  ORRERY_OTLP_HOST: z.string().min(1).optional(),
  ORRERY_OTLP_PORT: port.default(4318),
  ORRERY_OTLP_ENABLED: bool.default(true),
  ORRERY_OTLP_MAX_BODY_BYTES: positiveInt.default(16 * 1024 * 1024),
  ORRERY_OTLP_TOKEN: z.string().min(8).optional(),
  ORRERY_OTLP_MAX_PENDING_SPANS: positiveInt.default(500_000),
  ORRERY_INGEST_TOKEN: z.string().min(8).optional(),
  ORRERY_GROUP_ATTRIBUTE: z.string().min(1).default('service.namespace'),
  ORRERY_SERVICE_MAP: z.string().optional(),
  ORRERY_RETENTION_HOURS: positiveInt.default(168),
  ORRERY_PAIRING_IDLE_MS: positiveInt.default(1000),
  ORRERY_PAIRING_MAX_AGE_MS: positiveInt.default(30_000),
  ORRERY_PAIRING_MAX_SPANS: positiveInt.default(200_000),
  ORRERY_PAIRING_PARTNER_WAIT_MS: positiveInt.default(6000),
  ORRERY_DEMO: z.enum(['off', 'hailo', 'gilt', 'netflix', 'twitter']).default('hailo'),
  ORRERY_DEMO_TRACES_PER_SEC: z.coerce.number().positive().max(1000).default(15),
  ORRERY_DOCKER: z.enum(['auto', 'on', 'off']).default('auto'),
  ORRERY_DOCKER_OBSERVE_TCP: bool.default(false),
  DOCKER_HOST: z.string().optional(),
  ORRERY_SMELLS: z.string().optional(),
  LOG_LEVEL: z.enum(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']).optional(),
});

export type Env = z.infer<typeof envSchema>;

/** Settings whose value is itself a small language: checked by the parser that reads them. */
function checkStructured(env: Env): string[] {
  const problems: string[] = [];
  const attempt = (name: string, read: () => unknown) => {
    try {
      read();
    } catch (err) {
      problems.push(`  ${name}: ${(err as Error).message.replace(new RegExp(`^${name}:? ?`), '')}`);
    }
  };
  attempt('ORRERY_SERVICE_MAP', () => parseServiceMap(env.ORRERY_SERVICE_MAP));
  attempt('ORRERY_SMELLS', () => smellConfigFromEnv({ ORRERY_SMELLS: env.ORRERY_SMELLS }));
  return problems;
}

export class ConfigError extends Error {}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const present = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v !== ''),
  );
  const result = envSchema.safeParse(present);
  const lines = result.success
    ? checkStructured(result.data)
    : result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
  if (!result.success || lines.length > 0) {
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}

let cached: Env | undefined;
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}

const remoteSchema = z.object({
  ORRERY_APP_URL: z.string().url(),
  ORRERY_INGEST_TOKEN: z.string().min(8),
});

/** What a collector running as its own process needs to reach the app's ingest API. */
export function remoteCollectorEnv(
  source: Record<string, string | undefined> = process.env,
): z.infer<typeof remoteSchema> {
  const result = remoteSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  return result.data;
}
