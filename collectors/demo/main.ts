import { z } from 'zod';

import { childLogger } from '@/lib/logger';

import { TOPOLOGY_NAMES } from './topologies';
import { startDemo } from './workload';

// Runs the demo workload as its own process against any OTLP/HTTP endpoint:
//   npx tsx collectors/demo/main.ts [--endpoint URL] [--topology NAME] [--rate N] [--seed N]
// Defaults come from ORRERY_DEMO, ORRERY_DEMO_TRACES_PER_SEC and
// OTEL_EXPORTER_OTLP_TRACES_ENDPOINT; ORRERY_OTLP_TOKEN, when set, is sent as a bearer token.

const log = childLogger('collectors.demo');

const argsSchema = z.object({
  endpoint: z.string().url(),
  topology: z.enum(TOPOLOGY_NAMES),
  rate: z.coerce.number().positive().max(1000),
  seed: z.coerce.number().int().nonnegative(),
});

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const parsed = argsSchema.safeParse({
  endpoint:
    flag('endpoint') ??
    process.env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT ??
    'http://127.0.0.1:4318/v1/traces',
  topology:
    flag('topology') ??
    (process.env.ORRERY_DEMO && process.env.ORRERY_DEMO !== 'off'
      ? process.env.ORRERY_DEMO
      : 'hailo'),
  rate: flag('rate') ?? process.env.ORRERY_DEMO_TRACES_PER_SEC ?? 15,
  seed: flag('seed') ?? 1,
});
if (!parsed.success) {
  log.fatal(
    { issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) },
    'bad demo arguments',
  );
  process.exit(2);
}

const token = process.env.ORRERY_OTLP_TOKEN;
const demo = await startDemo({
  topology: parsed.data.topology,
  endpoint: parsed.data.endpoint,
  tracesPerSec: parsed.data.rate,
  seed: parsed.data.seed,
  logger: log,
  headers: token ? { Authorization: `Bearer ${token}` } : undefined,
});

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void demo.stop().then(() => process.exit(0));
  });
}
