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

  it('walks the seeded cycle gateway → x → y → z → x in one trace', () => {
    const ctx = context('hailo', 5);
    const [x, y, z] = seededSmells('hailo').cycle.services;
    const xFirst = ctx.byName.get(x)!.operations[0].name;
    const entry = ctx.topology.entries.find((e) =>
      ctx.byName
        .get(e.service)!
        .operations.find((o) => o.name === e.operation)!
        .groups.flat()
        .some((s) => s.type === 'call' && s.operation === xFirst),
    )!;
    const paths = serverPaths(planTrace(ctx, entry)).map((p) => p.join(' > '));
    expect(paths).toContain([entry.service, x, y, z, x].join(' > '));
  });

  it('stops adding calls once the span budget is spent', () => {
    const ctx = context('twitter', 2);
    ctx.budget = 10;
    const root = planTrace(ctx, ctx.topology.entries[0]);
    expect([...walk(root)].filter(([s]) => s.kind === 1).length).toBeLessThanOrEqual(10);
  });
});
