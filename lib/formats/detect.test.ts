import { describe, expect, it } from 'vitest';

import { corpusSkipReason, hasCorpus, readCorpus, readCorpusJson } from '@/lib/testing/corpus';

import { TraceFormatError } from './decode-result';
import { decodeTraceFile, detectFormat } from './detect';

describe.skipIf(!hasCorpus)(`detectFormat on the corpus ${corpusSkipReason}`, () => {
  it.each([
    ['jaeger-ui/otlp/getTrace-response.json', 'otlp', 40],
    ['otel-proto/trace.json', 'otlp', 1],
    ['jaeger/otlp/memory-otel_traces_01.json', 'otlp', 4],
    ['jaeger-ui/jaeger/TraceFlamegraph-testTrace.json', 'jaeger', 4],
    ['jaeger-ui/jaeger/oltp2jaeger-multi-out.json', 'jaeger', 4],
    ['jaeger-ui/jaeger/spanAmongEachOtherGroupedAndSpans.json', 'jaeger', 17],
    ['jaeger/jaeger-json/anonymizer-trace_success.json', 'jaeger', 2],
    ['jaeger/jaeger-json/domain_01.json', 'jaeger', 4],
    ['jaeger/jaeger-json/ui_01.json', 'jaeger', 4],
    ['jaeger-analytics-java/ui-trace.json', 'jaeger', 2],
    ['zipkin/lens-testdata/yelp.json', 'zipkin', 16],
    ['zipkin/lens-testdata/envoy.json', 'zipkin', 1],
    ['zipkin/benchmarks/zipkin2-chinese.json', 'zipkin', 1],
  ])('%s is %s with %i spans', (file, format, spans) => {
    expect(detectFormat(readCorpusJson(file))).toBe(format);
    expect(decodeTraceFile(readCorpus(file), file).spans).toHaveLength(spans);
  });

  it('recognises dependency links without parsing them', () => {
    expect(detectFormat(readCorpusJson('jaeger-ui/dependencies/small.json'))).toBe(
      'jaeger-dependencies',
    );
    expect(detectFormat({ data: readCorpusJson('jaeger-ui/dependencies/small.json') })).toBe(
      'jaeger-dependencies',
    );
    expect(detectFormat([{ parent: 'a', child: 'b', callCount: 3, errorCount: 1 }])).toBe(
      'zipkin-dependencies',
    );
    expect(() =>
      decodeTraceFile(readCorpus('jaeger-ui/dependencies/small.json'), 'small.json'),
    ).toThrow('small.json: holds jaeger-dependencies links, not traces');
  });
});

describe('decodeTraceFile errors name the file and the problem', () => {
  it('reports invalid JSON with its position, unknown formats, and structural errors', () => {
    expect(() => decodeTraceFile('{"resourceSpans": [\n  1,2', 'bad.json')).toThrow(
      new TraceFormatError(
        "bad.json: invalid JSON: Expected ',' or ']' after array element in JSON at position 25 (line 2 column 6)",
      ),
    );
    expect(() => decodeTraceFile('{"hello": 1}', 'x.json')).toThrow(
      new TraceFormatError(
        'x.json: unknown format (expected OTLP JSON, Jaeger JSON or Zipkin v2 JSON)',
      ),
    );
    expect(() => decodeTraceFile('{"resourceSpans": [{"scopeSpans": 5}]}', 'o.json')).toThrow(
      'o.json: otlp: resourceSpans[0].scopeSpans: not an array',
    );
    expect(detectFormat('text')).toBeNull();
    expect(detectFormat([])).toBeNull();
  });
});
