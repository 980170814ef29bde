import { clipName } from './attributes';
import { deriveRules } from './derive-rules';
import { cmp, indexTrace, type IndexedSpan } from './span-index';
import { TraceFacts, nodeActivity } from './trace-facts';
import type { DeriveOptions, DerivedEntry, TraceDerivation } from './trace-derivation';
import type { NormalizedSpan } from './types';

// Spans of one trace -> the graph facts of that trace. Edges come only from a span and its
// direct parent (or its span link), never from siblings or grandparents: a lost span leaves
// its neighbours unpaired instead of inventing a skip edge. Rules, in the words of issue 2:
//   client A -> child in B        A->B, both latencies (B == A and B a server: a real loop)
//   client with no callee         virtual node named by its peer attributes, inferred;
//                                 naming its own service is no edge; naming nothing: unpaired
//   non-client A -> child in B    A->B: the caller's client span is not instrumented
//   root server span              caller named by peer.service/client.address, else unknown
//   producer / consumer           A->queue->B, joined by parent or span link
// The per-span rules live in derive-rules.ts.

export function deriveTrace(spans: NormalizedSpan[], options: DeriveOptions = {}): TraceDerivation {
  const indexed = indexTrace(spans, options.serviceMap);
  const facts = new TraceFacts(options.groupAttribute ?? 'service.namespace');
  const unresolvedLinks = deriveRules(indexed, facts, options);

  const entries: DerivedEntry[] = indexed
    .filter((span) => span.kind === 'server' && !span.parent && !span.parentMissing)
    .map((span) => ({
      node: span.node,
      operation: clipName(span.span.name),
      startTimeMs: span.span.startTimeMs,
      depth: longestChain(span, facts),
    }));

  const startTimeMs = indexed.length > 0 ? indexed[0].span.startTimeMs : 0;
  return {
    traceId: indexed[0]?.span.traceId ?? '',
    startTimeMs,
    nodes: [...facts.nodes.values()].sort((a, b) => cmp(a.key, b.key)),
    calls: facts.sortedCalls(),
    edges: facts.edges(),
    activity: nodeActivity(indexed),
    entries,
    servicesPassed: [...new Set(indexed.map((span) => span.node))].sort(),
    received: spans.length,
    paired: facts.count('paired'),
    unpaired: facts.count('unpaired'),
    unresolvedLinks,
  };
}

/** Services on the longest chain of rpc hops below `root` (cycle-safe: ids may repeat). */
function longestChain(root: IndexedSpan, facts: TraceFacts): number {
  let longest = 1;
  const seen = new Set<IndexedSpan>([root]);
  const stack: Array<[IndexedSpan, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [span, depth] = stack.pop()!;
    longest = Math.max(longest, depth + (facts.leafHops.has(span) ? 1 : 0));
    for (const child of span.children) {
      if (seen.has(child)) continue;
      seen.add(child);
      stack.push([child, depth + (facts.hops.has(child) ? 1 : 0)]);
    }
  }
  return longest;
}
