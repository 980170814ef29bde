import { parseDependencyLinks } from '@/lib/formats/dependencies';
import { graphFromBatch } from '@/lib/graph/from-links';
import { readCorpusJson } from '@/lib/testing/corpus';

import { evaluateSmells } from './evaluate-smells';

// Times the smell engine on the 1,238-service Jaeger graph (target: under 1 s). The machine
// is shared and noisy, so a baseline is measured in the same run: building the graph from
// the links, and one plain pass over the adjacency (the least any graph rule must do).

export interface SmellBenchResult {
  services: number;
  edges: number;
  findings: number;
  runs: number;
  /** Median wall time per run, milliseconds. */
  evaluateMs: number;
  buildGraphMs: number;
  adjacencyPassMs: number;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
}

export function benchSmells(runs = 7): SmellBenchResult {
  const links = readCorpusJson('jaeger-ui/dependencies/large.json');
  const build = () => graphFromBatch(parseDependencyLinks(links, { bucketStartMs: 0 }));
  const graph = build();
  const adjacency = () => {
    const out = new Map<string, Set<string>>();
    for (const e of graph.edges)
      (out.get(e.source) ?? out.set(e.source, new Set()).get(e.source)!).add(e.target);
    return out.size;
  };

  evaluateSmells(graph); // warm-up: JIT and lazy module init are not what we measure
  const evaluate: number[] = [];
  const builds: number[] = [];
  const passes: number[] = [];
  let findings = 0;
  for (let i = 0; i < runs; i++) {
    const [result, ms] = time(() => evaluateSmells(graph));
    findings = result.length;
    evaluate.push(ms);
    builds.push(time(build)[1]);
    passes.push(time(adjacency)[1]);
  }
  return {
    services: graph.nodes.length,
    edges: graph.edges.length,
    findings,
    runs,
    evaluateMs: median(evaluate),
    buildGraphMs: median(builds),
    adjacencyPassMs: median(passes),
  };
}
