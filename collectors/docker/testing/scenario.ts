import type Dockerode from 'dockerode';

import { BUSYBOX_IMAGE } from './private-engine';

// The small compose-like project of issue 3, on a private engine: two services whose
// DATABASE_URL names the same database container with a password in it, one with an AMQP_URL
// to a broker, and a client holding a TCP connection to a web server. Reused by the storage,
// API and page tests to prove the planted password goes nowhere.

export const SCENARIO_PROJECT = 'orrery-it';
export const SCENARIO_NETWORK = 'orrery-it_back';
/** Planted in container environments; must appear in no batch, log, row, response or page. */
export const SCENARIO_PASSWORD = 'planted-Pa55word-7f3c';

export interface ScenarioContainer {
  service: string;
  env?: string[];
  cmd: string;
  dependsOn?: string;
}

export const SCENARIO_CONTAINERS: ScenarioContainer[] = [
  { service: 'db', cmd: 'exec nc -ll -p 5432 -e cat' },
  { service: 'broker', cmd: 'exec nc -ll -p 5672 -e cat' },
  {
    service: 'orders',
    env: [`DATABASE_URL=postgres://orders:${SCENARIO_PASSWORD}@db:5432/orders`],
    cmd: 'exec sleep 3600',
  },
  {
    service: 'billing',
    env: [
      `DATABASE_URL=postgres://billing:${SCENARIO_PASSWORD}@db:5432/orders?sslmode=disable`,
      `AMQP_URL=amqp://guest:${SCENARIO_PASSWORD}@broker:5672/`,
      `BILLING_DB_PASSWORD=${SCENARIO_PASSWORD}`,
    ],
    cmd: 'exec sleep 3600',
  },
  { service: 'web', cmd: 'httpd -p 80 -h /www; exec nc -ll -p 7000 -e cat' },
  {
    service: 'client',
    env: ['WEB_URL=http://web:80', `WEB_TOKEN=${SCENARIO_PASSWORD}`],
    dependsOn: 'web',
    cmd: 'while true; do sleep 3600 | nc web 7000; sleep 1; done',
  },
];

export interface Scenario {
  network: string;
  containerIds: Record<string, string>;
  remove(): Promise<void>;
}

/** Creates the internal network and starts the scenario's containers. */
export async function createScenario(docker: Dockerode): Promise<Scenario> {
  await docker.createNetwork({ Name: SCENARIO_NETWORK, Internal: true, CheckDuplicate: true });
  const containerIds: Record<string, string> = {};
  for (const spec of SCENARIO_CONTAINERS) {
    const labels: Record<string, string> = {
      'com.docker.compose.project': SCENARIO_PROJECT,
      'com.docker.compose.service': spec.service,
    };
    if (spec.dependsOn)
      labels['com.docker.compose.depends_on'] = `${spec.dependsOn}:service_started:false`;
    const container = await docker.createContainer({
      name: `${SCENARIO_PROJECT}-${spec.service}-1`,
      Image: BUSYBOX_IMAGE,
      Cmd: ['sh', '-c', spec.cmd],
      Env: spec.env ?? [],
      Labels: labels,
      HostConfig: {
        NetworkMode: SCENARIO_NETWORK,
        Init: true,
        RestartPolicy: { Name: 'unless-stopped' },
      },
      NetworkingConfig: { EndpointsConfig: { [SCENARIO_NETWORK]: { Aliases: [spec.service] } } },
    });
    await container.start();
    containerIds[spec.service] = container.id;
  }
  return {
    network: SCENARIO_NETWORK,
    containerIds,
    async remove() {
      for (const id of Object.values(containerIds))
        await docker
          .getContainer(id)
          .remove({ force: true })
          .catch(() => undefined);
      await docker
        .getNetwork(SCENARIO_NETWORK)
        .remove()
        .catch(() => undefined);
    },
  };
}
