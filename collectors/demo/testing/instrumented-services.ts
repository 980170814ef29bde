import { fork, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

// Test fixture for the end-to-end path: two tiny HTTP services, each its own child process
// instrumented with the real OpenTelemetry SDK and the real http and pg auto-instrumentation,
// exporting OTLP/HTTP protobuf to the given endpoint. A calls B over HTTP; B queries
// Postgres. Child processes are used because ESM modules can only be patched by a loader
// preloaded with `--import` (see otel-register.ts), and because each service needs its own
// global tracer provider.

export interface InstrumentedServicesOptions {
  otlpEndpoint: string;
  /** Postgres connection string for B; passed in the environment, never logged. */
  databaseUrl: string;
  names?: { a: string; b: string };
}

export interface InstrumentedServices {
  /** GET A /checkout (A → B → Postgres), then flushes both services' spans to the endpoint. */
  callA(): Promise<void>;
  stop(): Promise<void>;
  names: { a: string; b: string };
}

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');

class FixtureService {
  private nextId = 1;
  private output = '';
  private readonly waiting = new Map<number, () => void>();
  readonly ready: Promise<number>;
  readonly exited: Promise<void>;

  constructor(readonly child: ChildProcess) {
    child.stdout?.on('data', (c: Buffer) => (this.output = (this.output + c).slice(-4000)));
    child.stderr?.on('data', (c: Buffer) => (this.output = (this.output + c).slice(-4000)));
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    this.ready = new Promise((resolve, reject) => {
      child.on('message', (m: { type: string; port?: number; id?: number }) => {
        if (m.type === 'ready') resolve(m.port!);
        if (m.type === 'done') this.waiting.get(m.id!)?.();
      });
      child.once('exit', (code) =>
        reject(new Error(`fixture service exited (${code}) before it was ready:\n${this.output}`)),
      );
    });
  }

  request(type: 'flush' | 'stop'): Promise<void> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.child.send({ type, id });
    });
  }
}

function spawnService(role: 'a' | 'b', name: string, env: Record<string, string>) {
  const child = fork(path.join(here, 'instrumented-service.ts'), [], {
    cwd: repoRoot,
    execArgv: ['--import', 'tsx', '--import', path.join(here, 'otel-register.ts')],
    env: { ...process.env, ...env, ORRERY_FIXTURE_ROLE: role, ORRERY_FIXTURE_SERVICE: name },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  return new FixtureService(child);
}

function get(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    http
      .get(url, (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
      })
      .on('error', reject);
  });
}

export async function startInstrumentedServices(
  options: InstrumentedServicesOptions,
): Promise<InstrumentedServices> {
  const names = options.names ?? { a: 'e2e-frontend', b: 'e2e-inventory' };
  const common = { ORRERY_FIXTURE_OTLP: options.otlpEndpoint };
  const b = spawnService('b', names.b, { ...common, ORRERY_FIXTURE_DB: options.databaseUrl });
  const portB = await b.ready;
  const a = spawnService('a', names.a, {
    ...common,
    ORRERY_FIXTURE_B_URL: `http://127.0.0.1:${portB}`,
  });
  const portA = await a.ready.catch(async (err: unknown) => {
    await b.request('stop');
    throw err;
  });

  return {
    names,
    async callA() {
      const status = await get(`http://127.0.0.1:${portA}/checkout`);
      if (status !== 200) throw new Error(`fixture service A answered ${status}`);
      // B's spans end before A's; flushing B first keeps the arrival order realistic.
      await b.request('flush');
      await a.request('flush');
    },
    async stop() {
      for (const service of [a, b]) {
        if (service.child.exitCode !== null) continue;
        const timer = setTimeout(() => service.child.kill('SIGKILL'), 10_000);
        await Promise.race([service.request('stop'), service.exited]);
        await service.exited;
        clearTimeout(timer);
      }
    },
  };
}
