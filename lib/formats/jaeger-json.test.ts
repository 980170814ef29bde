import { describe, expect, it } from 'vitest';

import { corpusSkipReason, hasCorpus, readCorpusJson } from '@/lib/testing/corpus';

import { TraceFormatError } from './decode-result';
import { decodeJaegerJson } from './jaeger-json';

const brief = (f: string) =>
  decodeJaegerJson(readCorpusJson(f)).spans.map(
    (s) =>
      `${s.service}|${s.kind}|${s.spanId}|${s.parentSpanId ?? '-'}${s.statusError ? '|error' : ''}`,
  );

describe.skipIf(!hasCorpus)(`decodeJaegerJson on the corpus ${corpusSkipReason}`, () => {
  it('reads {data: trace} with a processes map and int64 tags', () => {
    expect(brief('jaeger-ui/jaeger/TraceFlamegraph-testTrace.json')).toEqual([
      'load-generator|unspecified|487f03177ef9cf89|-',
      'load-generator|client|d81ccf159d71bc66|487f03177ef9cf89',
      'ride-sharing-app|server|3d4670fa91902216|d81ccf159d71bc66',
      'ride-sharing-app|unspecified|7bc101ef51dbc40c|3d4670fa91902216',
    ]);
  });

  it('pads 15-character span ids and 31-character trace ids', () => {
    const { spans } = decodeJaegerJson(readCorpusJson('jaeger-analytics-java/ui-trace.json'));
    expect(spans.map((s) => [s.traceId, s.spanId, s.parentSpanId])).toEqual([
      ['00000000000000002db17286b3e6b148', '2db17286b3e6b148', undefined],
      ['00000000000000002db17286b3e6b148', '0ec2b4e0bcea566d', '2db17286b3e6b148'],
    ]);
    expect(spans[0]).toMatchObject({
      service: 'jaeger-query',
      kind: 'server',
      startTimeMs: 1571326774777.373,
      durationMs: 4.199,
      attributes: { 'sampler.param': 1, 'http.status_code': 200, 'http.method': 'GET' },
      resource: {
        'service.name': 'jaeger-query',
        ip: '10.129.2.13',
        hostname: 'simple-streaming-query-66f49db66-8x9hd',
      },
    });
    expect(spans[0].attributes['span.kind']).toBeUndefined();
    const grouped = decodeJaegerJson(
      readCorpusJson('jaeger-ui/jaeger/spanAmongEachOtherGroupedAndSpans.json'),
    );
    expect(grouped.spans).toHaveLength(17);
    expect(grouped.spans[0].traceId).toBe('0df84e36b9e2ee3815d07f0867a5be1f');
  });

  it('reads bare arrays of spans with inline process and a string bool error tag', () => {
    expect(brief('jaeger/jaeger-json/anonymizer-trace_success.json')).toEqual([
      '16af988c443cff37|server|7606ddfe69932d34|492770a15935810f',
      '3c220036602f839e|client|7bd66f09ba90ea3d|7606ddfe69932d34|error',
    ]);
  });

  it('keeps the first of duplicated span ids and counts the other as rejected', () => {
    const out = decodeJaegerJson(readCorpusJson('jaeger-ui/jaeger/otlp2jaeger-out.json'));
    expect(out.spans.map((s) => s.spanId)).toEqual(['e127af99e3b3e074']);
    expect(out.rejected).toEqual([
      { reason: 'traces[0].spans[1].spanID: duplicate e127af99e3b3e074' },
    ]);
    expect(brief('jaeger-ui/jaeger/oltp2jaeger-multi-out.json')).toHaveLength(4);
  });

  it('reads the UI form and the api_v2 model form (base64 ids, RFC 3339) identically', () => {
    const ui = decodeJaegerJson(readCorpusJson('jaeger/jaeger-json/ui_01.json'));
    const domain = decodeJaegerJson(readCorpusJson('jaeger/jaeger-json/domain_01.json'));
    const expected = [
      'service-x|unspecified|0000000000000002|-',
      'service-y|unspecified|0000000000000003|0000000000000002',
      'service-y|unspecified|0000000000000004|0000000000000002',
      'service-y|unspecified|0000000000000005|0000000000000004',
    ];
    expect(brief('jaeger/jaeger-json/ui_01.json')).toEqual(expected);
    expect(brief('jaeger/jaeger-json/domain_01.json')).toEqual(expected);
    for (const r of [ui, domain]) {
      expect(r.rejected).toEqual([
        { reason: 'traces[0].spans[1].spanID: duplicate 0000000000000002' },
      ]);
      expect(r.spans[2].links).toEqual([
        { traceId: '000000000000000000000000000000ff', spanId: '00000000000000ff' },
        { traceId: '00000000000000000000000000000001', spanId: '0000000000000002' },
      ]);
      expect(r.spans[0].durationMs).toBe(0.005);
    }
    expect(domain.spans[0].startTimeMs).toBe(1485467191639.875139);
    expect(ui.spans[0].startTimeMs).toBe(1485467191639.875);
  });

  it('rejects non-hex ids of the UI test fixture with reasons', () => {
    const out = decodeJaegerJson(readCorpusJson('jaeger-ui/jaeger/TraceGraph-testTrace.json'));
    expect(out.spans).toEqual([]);
    expect(out.rejected).toHaveLength(11);
    expect(out.rejected[0]).toEqual({ reason: 'traces[0].spans[0].traceID: not a valid id' });
  });
});

describe('decodeJaegerJson bad input', () => {
  it('throws on shapes that are not Jaeger JSON and rejects spans of unknown processes', () => {
    expect(() => decodeJaegerJson('x')).toThrow(TraceFormatError);
    expect(() => decodeJaegerJson({ data: 3 })).toThrow('data: not an array of traces');
    const out = decodeJaegerJson({
      traceID: 'abc',
      spans: [{ traceID: 'abc', spanID: 'def', processID: 'p9', startTime: 1, duration: 1 }],
      processes: {},
    });
    expect(out.rejected).toEqual([{ reason: 'traces[0].spans[0].processID: p9 not in processes' }]);
  });
});
