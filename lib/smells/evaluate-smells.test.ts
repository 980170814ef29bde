import { describe, expect, it } from 'vitest';

import { evaluateSmells } from './evaluate-smells';
import { GraphBuilder } from './testing/build-graph';
import { smellsResponseSchema } from './types';

function graph() {
  const g = new GraphBuilder();
  const db = g.database('pg');
  g.edge(g.service('a'), db, 'database', { writes: 1 });
  g.edge(g.service('b'), db, 'database', { writes: 1 });
  g.call('a', 'b');
  g.call('b', 'a', { calls: 2 });
  return g;
}

describe('evaluateSmells', () => {
  it('runs every rule, sorts by severity, and gives stable ids', () => {
    const g = graph();
    const first = evaluateSmells(g.input);
    expect(first.map((f) => [f.code, f.severity])).toEqual([
      ['shared-persistence', 'high'],
      ['cyclic-dependency', 'medium'],
    ]);
    expect(evaluateSmells(graph().input).map((f) => f.id)).toEqual(first.map((f) => f.id));
    expect(first[0].id).toMatch(/^shared-persistence-[0-9a-f]{12}$/);
  });

  it('honours disabled rules and rejects a bad config', () => {
    const g = graph();
    expect(evaluateSmells(g.input, { disabled: ['cyclic-dependency'] }).map((f) => f.code)).toEqual(
      ['shared-persistence'],
    );
    expect(() => evaluateSmells(g.input, { greedyFanOut: 0 })).toThrow(/greedyFanOut/);
  });

  it('produces findings the response schema accepts', () => {
    const findings = evaluateSmells(graph().input);
    const response = {
      window: { fromMs: 0, toMs: 1 },
      generatedAtMs: 1,
      findings,
      nodes: [],
      counts: { bySeverity: {}, byCode: {} },
    };
    expect(smellsResponseSchema.safeParse(response).success).toBe(true);
  });
});

describe('smellsResponse', () => {
  it('adds the mentioned nodes and counts', async () => {
    const { smellsResponse } = await import('./response');
    const g = graph();
    const body = smellsResponse(g.input, {}, 42);
    expect(smellsResponseSchema.parse(body)).toEqual(body);
    expect(body.nodes.map((n) => n.name).sort()).toEqual(['a', 'b', 'pg']);
    expect(body.counts).toEqual({
      bySeverity: { high: 1, medium: 1, low: 0, info: 0 },
      byCode: { 'shared-persistence': 1, 'cyclic-dependency': 1 },
    });
    expect(body.generatedAtMs).toBe(42);
  });
});
