import type { TraceDerivation } from '../trace-derivation';
import type { NormalizedSpan } from '../types';

// Hand-built spans for derivation tests: only the fields a test is about are spelled out.

export const T0 = Date.UTC(2026, 0, 1, 12, 0, 0);
export const TRACE = 'a'.repeat(32);

export function span(fields: Partial<NormalizedSpan> & { spanId: string }): NormalizedSpan {
  return {
    traceId: TRACE,
    service: 'svc',
    kind: 'internal',
    name: 'op',
    startTimeMs: T0,
    durationMs: 10,
    statusError: false,
    attributes: {},
    resource: {},
    links: [],
    ...fields,
  };
}

/** `source>target type` plus ` inferred` and ` xN` when N calls, sorted: easy exact asserts. */
export function edgeList(derivation: Pick<TraceDerivation, 'edges'>): string[] {
  return derivation.edges.map(
    (edge) =>
      `${edge.source}>${edge.target} ${edge.connectionType}` +
      (edge.inferred ? ' inferred' : '') +
      (edge.calls > 1 ? ` x${edge.calls}` : ''),
  );
}

export function nodeList(derivation: Pick<TraceDerivation, 'nodes'>): string[] {
  return derivation.nodes.map((node) => `${node.key} ${node.kind} ${node.name}`);
}

/** Deterministic shuffle (mulberry32) so permutation tests are reproducible. */
export function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j], result[i]];
  }
  return result;
}
