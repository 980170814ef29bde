import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import { describe, expect, it } from 'vitest';

import { TraceFormatError } from './decode-result';
import { decodeOtlpJson } from './otlp-json';
import { decodeOtlpProtobuf, encodeExportTraceResponse, encodeRpcStatus } from './otlp-protobuf';
import { makeSdkSpans } from './testing/sdk-spans';

describe('decodeOtlpProtobuf on bodies written by the OpenTelemetry SDK', () => {
  it('gives exactly the spans the JSON decoder gives for the same SDK spans', async () => {
    const spans = await makeSdkSpans();
    const proto = ProtobufTraceSerializer.serializeRequest(spans)!;
    const json = JSON.parse(Buffer.from(JsonTraceSerializer.serializeRequest(spans)!).toString());

    const fromProto = decodeOtlpProtobuf(proto);
    const fromJson = decodeOtlpJson(json);
    expect(fromProto.rejected).toEqual([]);
    expect(fromJson.rejected).toEqual([]);
    expect(fromProto.spans).toStrictEqual(fromJson.spans);
    expect(fromProto.spans).toHaveLength(6);
  });

  it('reads ids, kinds, status, times, attributes, links and resources', async () => {
    const spans = await makeSdkSpans();
    const byName = new Map(spans.map((s) => [s.name, s]));
    const decoded = decodeOtlpProtobuf(ProtobufTraceSerializer.serializeRequest(spans)!).spans;
    const get = (name: string) => decoded.find((s) => s.name === name)!;

    const client = get('GET /api');
    const sdkClient = byName.get('GET /api')!;
    expect(client.traceId).toBe(sdkClient.spanContext().traceId);
    expect(client.spanId).toBe(sdkClient.spanContext().spanId);
    expect(client.parentSpanId).toBe(byName.get('GET /')!.spanContext().spanId);
    expect(client).toMatchObject({
      service: 'frontend',
      kind: 'client',
      statusError: true,
      startTimeMs: 1_700_000_000_000.5,
      durationMs: 100,
      resource: { 'service.name': 'frontend', 'service.namespace': 'shop' },
      links: [{ traceId: client.traceId, spanId: client.parentSpanId }],
    });
    expect(client.attributes).toEqual({
      'server.address': 'backend',
      'server.port': 8080,
      'http.response.status_code': 503,
      ratio: 0.25,
      retried: true,
      tags: '["a","b"]',
      counts: '[1,2,3]',
      big: 2 ** 40,
      negative: -7,
    });
    expect(get('/api')).toMatchObject({
      service: 'backend',
      kind: 'server',
      parentSpanId: client.spanId,
    });
    expect(get('/api').durationMs).toBe(99);
    expect(get('GET /').parentSpanId).toBeUndefined();
    expect(decoded.map((s) => s.kind).sort()).toEqual([
      'client',
      'consumer',
      'internal',
      'producer',
      'server',
      'server',
    ]);
  });

  it('throws TraceFormatError at every truncation point of a real body, never hangs', async () => {
    const proto = ProtobufTraceSerializer.serializeRequest(await makeSdkSpans())!;
    let thrown = 0;
    for (let cut = 1; cut < proto.length; cut++) {
      try {
        decodeOtlpProtobuf(proto.subarray(0, cut));
      } catch (err) {
        expect(err).toBeInstanceOf(TraceFormatError);
        thrown++;
      }
    }
    // A cut exactly between two top-level ResourceSpans is itself a valid, shorter request.
    expect(thrown).toBe(proto.length - 2);
  });

  it('rejects garbage with TraceFormatError', () => {
    const garbage = [
      Uint8Array.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f]), // length far past the end
      Uint8Array.from([0x00, 0x01]), // field number 0
      Uint8Array.from([0x0b, 0x01]), // group wire type
      Uint8Array.from(Array(12).fill(0xff)), // endless varint
      Buffer.from('{"resourceSpans":[]}'),
    ];
    for (const bytes of garbage) expect(() => decodeOtlpProtobuf(bytes)).toThrow(TraceFormatError);
    expect(decodeOtlpProtobuf(new Uint8Array(0))).toEqual({
      spans: [],
      rejected: [],
    });
  });
});

describe('OTLP protobuf responses', () => {
  it('encodes partial success and google.rpc.Status', () => {
    expect(encodeExportTraceResponse(0, '')).toEqual(new Uint8Array(0));
    expect([...encodeExportTraceResponse(300, 'ab')]).toEqual([
      0x0a, 0x07, 0x08, 0xac, 0x02, 0x12, 0x02, 0x61, 0x62,
    ]);
    expect([...encodeRpcStatus(3, 'x')]).toEqual([0x08, 0x03, 0x12, 0x01, 0x78]);
  });
});
