import { describe, expect, it } from 'vitest';

import { buildDockerTopology } from '@/lib/docker/build-docker-snapshot';
import { sharedWritableMounts } from '@/lib/docker/container-facts';

import { containerInspectSchema } from './engine-schema';
import { inspectToFacts } from './inspect-to-facts';

// Inspect responses shaped as the Engine API (v1.47 ContainerInspectResponse) returns them,
// reduced to the fields read.
function inspect(
  name: string,
  over: {
    env?: string[];
    labels?: Record<string, string>;
    image?: string;
    mounts?: unknown[];
    ip: string;
    links?: string[];
  },
) {
  return containerInspectSchema.parse({
    Id: `${name.padEnd(12, 'x')}0123456789abcdef`,
    Name: `/${name}`,
    Config: {
      Image: over.image ?? 'shop/app:2.0',
      Hostname: name,
      Env: over.env ?? null,
      Labels: over.labels ?? null,
    },
    State: { Status: 'running', Pid: 42, Health: { Status: 'healthy' } },
    HostConfig: { NetworkMode: 'shop', Links: over.links ?? null },
    NetworkSettings: {
      Networks: {
        shop: { IPAddress: over.ip, GlobalIPv6Address: '', Aliases: null, DNSNames: [name] },
      },
    },
    Mounts: over.mounts ?? [],
  });
}

describe('inspectToFacts → buildDockerTopology', () => {
  const containers = [
    inspect('a', {
      env: ['OTEL_SERVICE_NAME=checkout', 'PAYMENTS_ADDR=10.9.0.3:50051'],
      ip: '10.9.0.2',
      mounts: [
        {
          Type: 'volume',
          Name: 'shared',
          Source: '/var/lib/docker/volumes/shared/_data',
          Destination: '/data',
          RW: true,
        },
        {
          Type: 'bind',
          Source: '/var/run/docker.sock',
          Destination: '/var/run/docker.sock',
          RW: true,
        },
      ],
    }),
    inspect('b', {
      env: ['OTEL_RESOURCE_ATTRIBUTES=service.namespace=shop,service.name=payments'],
      ip: '10.9.0.3',
      mounts: [
        { Type: 'volume', Name: 'shared', Destination: '/srv', RW: true },
        {
          Type: 'bind',
          Source: '/var/run/docker.sock',
          Destination: '/var/run/docker.sock',
          RW: true,
        },
        { Type: 'bind', Source: '/etc/conf', Destination: '/conf', RW: false },
      ],
    }),
    inspect('c', {
      ip: '10.9.0.4',
      links: ['/b:/c/pay'],
      env: ['CACHE_HOST=cache.example.com'],
      mounts: [{ Type: 'bind', Source: '/etc/conf', Destination: '/conf', RW: false }],
    }),
    inspect('d', {
      ip: '10.9.0.5',
      image: 'redis:7',
      env: ['REDIS_PASSWORD=x', 'MASTER_HOST=a'],
      labels: {
        'com.docker.compose.project': 'shop',
        'com.docker.compose.service': 'cache',
        'com.docker.compose.depends_on': 'a:service_started:false',
        other: 'x',
      },
    }),
  ].map(inspectToFacts);

  it('names services by compose label, OTEL_SERVICE_NAME, OTEL_RESOURCE_ATTRIBUTES, container name', () => {
    expect(
      containers.map((c) => [c.service, c.project, c.health, c.links, c.dependsOn, c.labels]),
    ).toEqual([
      ['checkout', undefined, 'healthy', [], [], {}],
      ['payments', undefined, 'healthy', [], [], {}],
      ['c', undefined, 'healthy', ['b'], [], {}],
      [
        'cache',
        'shop',
        'healthy',
        [],
        ['a'],
        {
          'com.docker.compose.project': 'shop',
          'com.docker.compose.service': 'cache',
          'com.docker.compose.depends_on': 'a:service_started:false',
        },
      ],
    ]);
  });

  it('resolves by container IP, links to the container, unresolvable hosts to externals; ignores a datastore env', () => {
    const t = buildDockerTopology(containers, { serviceMap: { c: 'catalog' } });
    expect(t.declared.map((d) => `${d.source} ${d.via} ${d.target} ${d.connectionType}`)).toEqual([
      'service:checkout env service:payments rpc',
      'service:catalog env external:cache.example.com rpc',
      'service:catalog links service:payments rpc',
      'database:redis@cache depends_on service:checkout rpc',
    ]);
    expect(t.nodes.map((n) => `${n.key} ${n.kind} ${n.name}`)).toEqual([
      'service:checkout service checkout',
      'service:payments service payments',
      'service:catalog service catalog',
      'database:redis@cache database cache',
      'external:cache.example.com external cache.example.com',
    ]);
  });

  it('counts read-write mounts shared by two containers, not the Docker socket or read-only binds', () => {
    const t = buildDockerTopology(containers);
    expect([...sharedWritableMounts(t.containers)]).toEqual([
      ['shared', [containers[0]!.id, containers[1]!.id]],
    ]);
  });
});
