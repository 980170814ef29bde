import { describe, expect, it } from 'vitest';

import { GraphBuilder, runRule, summarize } from '../testing/build-graph';
import { hardCodedEndpoint } from './hard-coded-endpoint';
import { lockStepVersions } from './lock-step-versions';
import { noApiGateway } from './no-api-gateway';
import { sharedWritableVolume } from './shared-writable-volume';
import { versionSkew } from './version-skew';

const MIN = 60_000;

describe('version skew', () => {
  it('flags two live versions as medium and three as high', () => {
    const g = new GraphBuilder();
    g.service('cart', { versions: ['1.2.0', '1.3.0'] });
    g.service('pay', { versions: ['1', '2', '3'] });
    g.service('web', { versions: ['5.0.0', 'unknown'] });
    expect(summarize(g.input, runRule(versionSkew, g.input))).toEqual([
      { code: 'version-skew', severity: 'medium', services: ['cart'], resources: [] },
      { code: 'version-skew', severity: 'high', services: ['pay'], resources: [] },
    ]);
  });
});

describe('lock-step versions', () => {
  function timeline(second: Record<string, number>) {
    const g = new GraphBuilder();
    const samples = [];
    for (const name of ['a', 'b', 'c', 'd', 'e']) {
      const id = g.service(name);
      samples.push({ node: id, bucketStartMs: 0, versions: ['1'] });
      samples.push({
        node: id,
        bucketStartMs: 60 * MIN + (name.charCodeAt(0) - 97) * MIN,
        versions: ['2'],
      });
      samples.push({ node: id, bucketStartMs: (second[name] ?? 180) * MIN, versions: ['3'] });
    }
    g.input.versionTimeline = samples;
    return g;
  }

  it('fires when most services change version together twice', () => {
    const g = timeline({});
    const findings = runRule(lockStepVersions, g.input);
    expect(summarize(g.input, findings)).toEqual([
      {
        code: 'lock-step-versions',
        severity: 'medium',
        services: ['a', 'b', 'c', 'd', 'e'],
        resources: [],
      },
    ]);
    expect(findings[0].evidence.waves).toBe(2);
  });

  it('does not fire when the second release is staggered, or without a timeline', () => {
    const g = timeline({ a: 180, b: 300, c: 420, d: 540, e: 660 });
    expect(runRule(lockStepVersions, g.input)).toEqual([]);
    g.input.versionTimeline = undefined;
    expect(runRule(lockStepVersions, g.input)).toEqual([]);
  });
});

describe('hard-coded endpoint', () => {
  it('flags IP literals and localhost in declared config, high for a container IP', () => {
    const g = new GraphBuilder();
    const declared = (detail: Record<string, string>) => ({
      origins: ['declared' as const],
      calls: 0,
      declared: [{ via: 'env', detail }],
    });
    g.service('users', {
      containers: [
        g.container('users', { networks: [{ name: 'n', ips: ['172.18.0.4'], aliases: [] }] }),
      ],
    });
    g.edge(
      g.service('web'),
      g.node('external:172.18.0.4', 'external', '172.18.0.4'),
      'rpc',
      declared({ variable: 'USERS_URL', host: '172.18.0.4' }),
    );
    g.edge(
      g.service('web'),
      g.service('cart'),
      'rpc',
      declared({ variable: 'CART_URL', host: 'localhost' }),
    );
    g.edge(
      g.service('web'),
      g.service('agent'),
      'rpc',
      declared({ variable: 'OTEL_EXPORTER_OTLP_ENDPOINT', host: '127.0.0.1' }),
    );
    g.edge(
      g.service('web'),
      g.service('users'),
      'rpc',
      declared({ variable: 'USERS', host: 'users' }),
    );
    const findings = runRule(hardCodedEndpoint, g.input);
    expect(findings.map((f) => [f.severity, f.evidence.variable, f.evidence.host])).toEqual([
      ['high', 'USERS_URL', '172.18.0.4'],
      ['medium', 'CART_URL', 'localhost'],
    ]);
  });
});

describe('no API gateway', () => {
  it('fires when outside traffic reaches two non-gateway services', () => {
    const g = new GraphBuilder();
    const outside = g.unknownCaller();
    g.edge(outside, g.service('web'));
    g.edge(outside, g.service('orders'));
    expect(summarize(g.input, runRule(noApiGateway, g.input))).toEqual([
      { code: 'no-api-gateway', severity: 'low', services: ['orders', 'web'], resources: [] },
    ]);
  });

  it('does not fire when outside traffic goes through a gateway', () => {
    const g = new GraphBuilder();
    const outside = g.unknownCaller();
    g.edge(outside, g.service('api-gateway'));
    g.edge(outside, g.service('web'));
    g.call('api-gateway', 'orders');
    expect(runRule(noApiGateway, g.input)).toEqual([]);
  });
});

describe('shared writable volume', () => {
  const mount = (name: string, rw: boolean, destination = '/data') => ({
    type: 'volume',
    name,
    destination,
    rw,
  });

  it('flags a volume mounted read-write by two services', () => {
    const g = new GraphBuilder();
    g.service('writer', {
      containers: [g.container('writer', { mounts: [mount('uploads', true)] })],
    });
    g.service('resizer', {
      containers: [g.container('resizer', { mounts: [mount('uploads', true)] })],
    });
    expect(summarize(g.input, runRule(sharedWritableVolume, g.input))).toEqual([
      {
        code: 'shared-writable-volume',
        severity: 'medium',
        services: ['resizer', 'writer'],
        resources: ['volume:uploads'],
      },
    ]);
  });

  it('ignores read-only mounts and the Docker socket; config mounts are info', () => {
    const g = new GraphBuilder();
    g.service('a', {
      containers: [
        g.container('a', {
          mounts: [
            mount('uploads', true),
            mount('/var/run/docker.sock', true),
            mount('./config', true, '/app/config'),
          ],
        }),
      ],
    });
    g.service('b', {
      containers: [
        g.container('b', {
          mounts: [
            mount('uploads', false),
            mount('/var/run/docker.sock', true),
            mount('./config', true, '/app/config'),
          ],
        }),
      ],
    });
    expect(summarize(g.input, runRule(sharedWritableVolume, g.input))).toEqual([
      {
        code: 'shared-writable-volume',
        severity: 'info',
        services: ['a', 'b'],
        resources: ['volume:./config'],
      },
    ]);
  });
});
