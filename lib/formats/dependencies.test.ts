import { describe, expect, it } from 'vitest';

import { observationBatchSchema } from '@/lib/ingest/schema';
import { corpusSkipReason, hasCorpus, readCorpusJson } from '@/lib/testing/corpus';

import { DependencyFormatError, isDependencyLinks, parseDependencyLinks } from './dependencies';

const AT = Date.UTC(2025, 0, 1, 12, 0, 30); // floored to 12:00:00

describe('parseDependencyLinks', () => {
  it('reads a Zipkin list with error counts as traced rpc edges at the import minute', () => {
    const batch = parseDependencyLinks(
      [
        { parent: 'web', child: 'api', callCount: 12, errorCount: 2 },
        { parent: 'api', child: 'db', callCount: 3 },
        { parent: 'web', child: 'api', callCount: 1 },
      ],
      { bucketStartMs: AT, batchId: 'batch-0001' },
    );
    expect(batch.nodes.map((n) => n.key)).toEqual(['service:web', 'service:api', 'service:db']);
    expect(
      batch.edges.map((e) => [
        e.source,
        e.target,
        e.calls,
        e.errors,
        e.bucketStartMs,
        e.origin,
        e.connectionType,
      ]),
    ).toEqual([
      ['service:web', 'service:api', 13, 2, Date.UTC(2025, 0, 1, 12), 'traced', 'rpc'],
      ['service:api', 'service:db', 3, 0, Date.UTC(2025, 0, 1, 12), 'traced', 'rpc'],
    ]);
    expect(observationBatchSchema.safeParse(batch).success).toBe(true);
  });

  it('accepts the {data: [...]} envelope', () => {
    const batch = parseDependencyLinks(
      { data: [{ parent: 'a', child: 'b', callCount: 1 }] },
      { bucketStartMs: AT },
    );
    expect(batch.edges).toHaveLength(1);
    expect(isDependencyLinks({ data: [{ parent: 'a', child: 'b', callCount: 1 }] })).toBe(true);
    expect(isDependencyLinks([{ traceID: 'x' }])).toBe(false);
  });

  it('names the bad field', () => {
    expect(() =>
      parseDependencyLinks(
        [
          { parent: 'a', child: 'b', callCount: 1 },
          { parent: 'a', callCount: 2 },
        ],
        { bucketStartMs: AT },
      ),
    ).toThrow(/links\[1\]\.child/);
    expect(() =>
      parseDependencyLinks([{ parent: 'a', child: 'b', callCount: -1 }], { bucketStartMs: AT }),
    ).toThrow(/links\[0\]\.callCount/);
    expect(() => parseDependencyLinks({ links: [] }, { bucketStartMs: AT })).toThrow(
      DependencyFormatError,
    );
  });

  it.skipIf(!hasCorpus)(`reads jaeger-ui small.json and large.json ${corpusSkipReason}`, () => {
    const large = parseDependencyLinks(readCorpusJson('jaeger-ui/dependencies/large.json'), {
      bucketStartMs: AT,
    });
    expect([large.nodes.length, large.edges.length]).toEqual([1238, 4271]);
    const small = parseDependencyLinks(readCorpusJson('jaeger-ui/dependencies/small.json'), {
      bucketStartMs: AT,
    });
    expect(small.nodes).toHaveLength(8);
  });
});
