import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import Dockerode from 'dockerode';

// A private Docker Engine for real-engine tests (scripts/docker-engine.sh): its own socket
// and data root under a temp dir. Where dockerd is missing or cannot start, `skipReason`
// says why and the tests skip instead of failing on the machine.

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../../..');
const engineScript = path.join(repoRoot, 'scripts/docker-engine.sh');
const imageScript = path.join(repoRoot, 'scripts/busybox-image.sh');

export const BUSYBOX_IMAGE = 'local/busybox:1';

export interface PrivateEngine {
  dir: string;
  dockerHost: string;
  docker: Dockerode;
  /** Stops the daemon (containers with a restart policy come back on start). */
  stop(): Promise<void>;
  start(): Promise<void>;
}

export const engineSkipReason: string = (() => {
  if (process.getuid?.() !== 0) return 'real-engine tests need root to run dockerd; skipping';
  for (const bin of ['/usr/bin/dockerd', '/usr/sbin/dockerd']) if (existsSync(bin)) return '';
  return 'dockerd not installed (apt-get install docker.io busybox-static); skipping real-engine tests';
})();

export async function startPrivateEngine(): Promise<PrivateEngine> {
  const dir = mkdtempSync(path.join(tmpdir(), 'orrery-dockerd-'));
  const dockerHost = `unix://${dir}/docker.sock`;
  const env = { ...process.env, DOCKER_HOST: dockerHost };
  const start = async () => void (await run('bash', [engineScript, 'start', dir], { env }));
  await start();
  await run('bash', [imageScript, BUSYBOX_IMAGE], { env });
  return {
    dir,
    dockerHost,
    docker: new Dockerode({ socketPath: `${dir}/docker.sock` }),
    start,
    stop: async () => void (await run('bash', [engineScript, 'stop', dir], { env })),
  };
}
