import { describe, expect, it } from 'vitest';

import { planTrace, type PlanContext, type PlannedSpan } from './trace-plan';
import { buildTopology, seededSmells, TOPOLOGY_NAMES } from './topologies';
import { createRandom } from './topologies/random';

function context(name: (typeof TOPOLOGY_NAMES)[number], seed: number): PlanContext {
  const topology = buildTopology(name);
  return {
    topology,
    byName: new Map(topology.services.map((s) => [s.name, s])),
    rng: createRandom(seed),
    errorBoost: () => 0,
    budget: 400,
  };
}

function* walk(
  span: PlannedSpan,
  parent?: PlannedSpan,
): Generator<[PlannedSpan, PlannedSpan | undefined]> {
  yield [span, parent];
  for (const child of span.children) yield* walk(child, span);
}

/** Service sequence of server spans from the root down to each leaf. */
function serverPaths(span: PlannedSpan, prefix: string[] = []): string[][] {
  const here = span.kind === 1 ? [...prefix, span.service.name] : prefix;
  const below = span.children.filter((c) => !c.detached).flatMap((c) => serverPaths(c, here));
  return below.length > 0 ? below : [here];
}

describe('trace plan', () => {
  it.each(TOPOLOGY_NAMES)('%s: children sit inside their parents, consumers after them', (name) => {
    const ctx = context(name, 11);
    for (const entry of ctx.topology.entries.slice(0, 60)) {
      ctx.budget = 400;
      for (const [span, parent] of walk(planTrace(ctx, entry))) {
        expect(span.durationMs).toBeGreaterThan(0);
        if (!parent) continue;
        if (span.kind === 4) {
          expect(span.startMs).toBeGreaterThan(parent.startMs + parent.durationMs);
        } else {
          expect(span.startMs).toBeGreaterThanOrEqual(parent.startMs);
          expect(span.startMs + span.durationMs).toBeLessThanOrEqual(
            parent.startMs + parent.durationMs + 1e-9,
          );
        }
      }
    }
  });

  it('walks each hop of the seeded cycle, but never the whole loop in one request', () => {
    const ctx = context('hailo', 5);
    const [x, y, z] = seededSmells('hailo').cycle.services;
    const seen = new Set<string>();
    for (let i = 0; i < 3; i++) {
      for (const entry of ctx.topology.entries) {
        ctx.budget = 400;
        for (const path of serverPaths(planTrace(ctx, entry))) {
          expect(new Set(path).size).toBe(path.length);
          const joined = path.slice(1).join(' > ');
          if (joined.includes(`${x} > ${y} > ${z}`)) seen.add('x>y>z');
          if (joined.endsWith(`${z} > ${x}`)) seen.add('z>x');
        }
      }
    }
    expect([...seen].sort()).toEqual(['x>y>z', 'z>x']);
  });

  it('stops adding calls once the span budget is spent', () => {
    const ctx = context('twitter', 2);
    ctx.budget = 10;
    const root = planTrace(ctx, ctx.topology.entries[0]);
    expect([...walk(root)].filter(([s]) => s.kind === 1).length).toBeLessThanOrEqual(10);
  });
});
