// `npm run bench`: every benchmark, each printed as ratios against a baseline measured in
// the same run (the machine is shared and noisy; absolute numbers vary between runs).
import { benchSmells } from '@/lib/smells/bench';
import { corpusSkipReason, hasCorpus } from '@/lib/testing/corpus';

import { benchIngest } from './bench-ingest';

const only = process.argv.slice(2).filter((a) => a !== '--');
const want = (name: string) => only.length === 0 || only.includes(name);

async function main() {
  if (want('ingest')) {
    process.stdout.write('\n## OTLP ingest (spans/s)\n');
    const ingest = await benchIngest();
    process.stdout.write(`${ingest.spans} spans per format\n`);
    console.table(ingest.rows);
  }
  if (want('smells') && !hasCorpus) {
    process.stdout.write(`\n## Smell engine: skipped, ${corpusSkipReason}\n`);
  } else if (want('smells')) {
    process.stdout.write('\n## Smell engine on the 1,238-service graph\n');
    const s = benchSmells();
    console.table([
      { what: 'baseline: one adjacency pass', ms: round(s.adjacencyPassMs), ratio: 1 },
      {
        what: 'build graph from links',
        ms: round(s.buildGraphMs),
        ratio: round(s.buildGraphMs / s.adjacencyPassMs),
      },
      {
        what: `evaluate all smells (${s.findings} findings)`,
        ms: round(s.evaluateMs),
        ratio: round(s.evaluateMs / s.adjacencyPassMs),
      },
    ]);
  }
  if (want('render')) {
    process.stdout.write('\n## Death star frame time in headless Chromium\n');
    const { benchRender, printRender } = await import('./bench-render');
    printRender(await benchRender());
  }
}

function round(v: number) {
  return Math.round(v * 100) / 100;
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`bench failed: ${(err as Error).stack}\n`);
    process.exit(1);
  },
);
