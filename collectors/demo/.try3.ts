import { decodeOtlpProtobuf } from '@/lib/formats/otlp-protobuf';
import { TracePipeline } from '@/lib/topology/trace-pipeline';
import { graphFromBatch } from '@/lib/graph/from-links';
import { evaluateSmells } from '@/lib/smells/evaluate-smells';
import { summarize } from '@/lib/smells/testing/build-graph';
import { startCountingOtlpServer } from '@/collectors/demo/testing/counting-otlp-server';
import { startDemo } from '@/collectors/demo/workload';
import { seededSmells } from '@/collectors/demo/topologies';
const name = (process.argv[2] ?? 'hailo') as any;
const sink = await startCountingOtlpServer();
const demo = await startDemo({ topology: name, endpoint: sink.endpoint, tracesPerSec: 300 });
const want = Number(process.argv[3] ?? 3000);
while (demo.stats().traces < want) await new Promise((r) => setTimeout(r, 200));
await demo.stop();
const p = new TracePipeline({
  collector: 't',
  idleMs: 1000,
  maxAgeMs: 30000,
  maxSpans: 5_000_000,
  groupAttribute: 'service.namespace',
});
for (const r of sink.requests) p.add(decodeOtlpProtobuf(r.body).spans);
const batch = p.flushAll()!;
const graph = graphFromBatch(batch as any);
console.log(
  'nodes',
  graph.nodes.length,
  'edges',
  graph.edges.length,
  Object.entries(graph.nodes.reduce((a: any, n) => ((a[n.kind] = (a[n.kind] ?? 0) + 1), a), {})),
);
const f = summarize(graph, evaluateSmells(graph));
for (const x of f)
  console.log(
    x.code,
    x.severity,
    x.services.length > 8 ? `${x.services.length} services` : x.services.join(','),
    x.resources.slice(0, 4).join(','),
  );
const s = seededSmells(name);
console.log('seeded', JSON.stringify({ ...s, centralBroker: s.centralBroker.services.length }));
await sink.close();
