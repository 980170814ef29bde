import { describe, expect, it } from 'vitest';

import { loadComposeProject } from '@/lib/compose/load-compose-project';
import { parseDependencyLinks } from '@/lib/formats/dependencies';
import { decodeZipkinJson } from '@/lib/formats/zipkin-json';
import { graphFromBatch } from '@/lib/graph/from-links';
import { TracePipeline } from '@/lib/topology/trace-pipeline';
import { corpusPath, corpusSkipReason, hasCorpus, readCorpusJson } from '@/lib/testing/corpus';

import { evaluateSmells } from './evaluate-smells';
import { namesOf } from './testing/build-graph';

// The real inputs, with their exact expectations.

const IMPORT_MS = Date.UTC(2025, 0, 1, 12, 0, 0);

describe.skipIf(!hasCorpus)(`smells on real inputs ${corpusSkipReason}`, () => {
  it('jaeger-ui large.json: SCCs of 356, 5, 4, 4, 2 and the top hubs', () => {
    const batch = parseDependencyLinks(readCorpusJson('jaeger-ui/dependencies/large.json'), {
      bucketStartMs: IMPORT_MS,
    });
    const graph = graphFromBatch(batch);
    expect(graph.nodes).toHaveLength(1238);
    expect(graph.edges).toHaveLength(4271);
    const findings = evaluateSmells(graph);

    const cycles = findings.filter((f) => f.code === 'cyclic-dependency');
    expect(cycles.map((f) => f.services.length).sort((a, b) => b - a)).toEqual([356, 5, 4, 4, 2]);
    for (const cycle of cycles) {
      // The loop drawn is a real cycle: consecutive members joined by edges, closing up.
      const loop = cycle.evidence.loopNodes as string[];
      const ids = new Set(graph.edges.map((e) => `${e.source}>${e.target}`));
      loop.forEach((id, i) => expect(ids.has(`${id}>${loop[(i + 1) % loop.length]}`)).toBe(true));
      expect(loop).toContain(graph.edges.find((e) => e.id === cycle.evidence.weakestEdge)!.source);
    }

    const hubs = findings
      .filter((f) => f.code === 'hub-like')
      .sort((a, b) => (b.evidence.inDegree as number) - (a.evidence.inDegree as number));
    expect(
      hubs.slice(0, 3).map((f) => [namesOf(graph, f.services)[0], f.evidence.inDegree]),
    ).toEqual([
      ['Service43', 231],
      ['Service57', 199],
      ['Service112', 124],
    ]);
  });

  it('eshoponcontainers: shared sqldata and the central rabbitmq broker', async () => {
    const batch = await loadComposeProject([
      corpusPath('eshoponcontainers/docker-compose.yml'),
      corpusPath('eshoponcontainers/docker-compose.override.yml'),
    ]);
    const graph = graphFromBatch(batch);
    const findings = evaluateSmells(graph);
    const view = (code: string) =>
      findings
        .filter((f) => f.code === code)
        .map((f) => ({
          severity: f.severity,
          database: f.evidence.database ?? null,
          services: namesOf(graph, f.services),
          resources: namesOf(graph, f.resources),
        }));

    expect(view('shared-persistence')).toEqual([
      {
        severity: 'high',
        database: 'Microsoft.eShopOnContainers.Services.OrderingDb',
        services: ['ordering-api', 'ordering-backgroundtasks'],
        resources: ['sqldata'],
      },
    ]);
    expect(view('shared-database-server')).toEqual([
      {
        severity: 'info',
        database: null,
        services: [
          'catalog-api',
          'identity-api',
          'ordering-api',
          'ordering-backgroundtasks',
          'webhooks-api',
        ],
        resources: ['sqldata'],
      },
    ]);
    expect(view('central-broker')).toEqual([
      {
        severity: 'medium',
        database: null,
        services: [
          'basket-api',
          'catalog-api',
          'ordering-api',
          'ordering-backgroundtasks',
          'ordering-signalrhub',
          'payment-api',
          'webhooks-api',
        ],
        resources: ['rabbitmq'],
      },
    ]);
  });

  it('deathstarbench socialNetwork: no shared persistence; jaeger-agent is infra, not a hub', async () => {
    const batch = await loadComposeProject([
      corpusPath('deathstarbench/socialNetwork/docker-compose.yml'),
    ]);
    const graph = graphFromBatch(batch);
    const agent = graph.nodes.find((n) => n.name === 'jaeger-agent')!;
    const dependents = new Set(
      graph.edges.filter((e) => e.target === agent.id).map((e) => e.source),
    );
    expect(dependents.size).toBe(13);

    const findings = evaluateSmells(graph);
    expect(findings.filter((f) => f.code === 'shared-persistence')).toEqual([]);
    expect(findings.filter((f) => f.services.includes(agent.id))).toEqual([]);
    // Counted as an app, the agent would be the one hub: the exclusion is what keeps it out.
    const withInfra = evaluateSmells(graph, { includeInfra: true });
    expect(
      withInfra.filter((f) => f.code === 'hub-like').map((f) => namesOf(graph, f.services)[0]),
    ).toContain('jaeger-agent');
  });

  it('zipkin smartthings trace: exactly one cycle of the seven services', () => {
    const decoded = decodeZipkinJson(
      readCorpusJson('zipkin/lens-testdata/smartthings-mobile-web-install.json'),
    );
    const pipeline = new TracePipeline({
      collector: 'test',
      idleMs: 1_000,
      maxAgeMs: 10_000,
      maxSpans: 100_000,
      groupAttribute: 'service.namespace',
    });
    pipeline.add(decoded.spans);
    const graph = graphFromBatch(pipeline.flushAll()!);
    const cycles = evaluateSmells(graph).filter((f) => f.code === 'cyclic-dependency');
    expect(cycles.map((f) => namesOf(graph, f.services))).toEqual([
      ['bookie', 'coreSrv', 'execution', 'guardian', 'platformapi', 'stLogin', 'strongman'],
    ]);
  });
});
