import { gzipSync } from 'node:zlib';

import { OTLPTraceExporter as HttpExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { OTLPTraceExporter as ProtoExporter } from '@opentelemetry/exporter-trace-otlp-proto';
import { JsonTraceSerializer, ProtobufTraceSerializer } from '@opentelemetry/otlp-transformer';
import type { ReadableSpan } from '@opentelemetry/sdk-trace';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { decodeOtlpJson } from '@/lib/formats/otlp-json';
import { makeSdkSpans } from '@/lib/formats/testing/sdk-spans';
import type { NormalizedSpan } from '@/lib/topology/types';

import { createOtlpReceiver, type OtlpReceiver } from './receiver';
import type { AcceptResult, SpanSink } from './span-sink';
import { post } from './testing-client';

const TOKEN = 'secret-token-123';
const MAX = 1024 * 1024;

class RecordingSink implements SpanSink {
  spans: NormalizedSpan[] = [];
  rejected = 0;
  answer: AcceptResult = { ok: true };
  accept(spans: NormalizedSpan[], rejected: number): AcceptResult {
    if (!this.answer.ok) return this.answer;
    this.spans.push(...spans);
    this.rejected += rejected;
    return this.answer;
  }
}

const json = (o: unknown) => Buffer.from(JSON.stringify(o));
const JSON_CT = { 'content-type': 'application/json' };
const PROTO_CT = { 'content-type': 'application/x-protobuf' };

function otlpBody(spans: object[], resourceAttrs: object[] = []) {
  return {
    resourceSpans: [{ resource: { attributes: resourceAttrs }, scopeSpans: [{ spans }] }],
  };
}
const span = (traceId: string, spanId: string) => ({
  traceId,
  spanId,
  name: 'op',
  kind: 2,
});
const T = '0af7651916cd43dd8448eb211c80319c';

async function exportWith(exporter: HttpExporter | ProtoExporter, spans: ReadableSpan[]) {
  const code = await new Promise<number>((resolve) =>
    exporter.export(spans, (r) => resolve(r.code)),
  );
  await exporter.shutdown();
  return code;
}

describe('OTLP/HTTP receiver over real HTTP', () => {
  const sink = new RecordingSink();
  let receiver: OtlpReceiver;
  let port: number;
  let sdkSpans: ReadableSpan[];
  let expected: NormalizedSpan[];

  beforeAll(async () => {
    receiver = createOtlpReceiver({
      host: '127.0.0.1',
      port: 0,
      maxBodyBytes: MAX,
      sink,
    });
    port = (await receiver.start()).port;
    sdkSpans = await makeSdkSpans();
    const body = JsonTraceSerializer.serializeRequest(sdkSpans)!;
    expected = decodeOtlpJson(JSON.parse(Buffer.from(body).toString())).spans;
  });
  afterAll(() => receiver.stop());
  beforeEach(() => {
    sink.spans = [];
    sink.rejected = 0;
    sink.answer = { ok: true };
  });

  it('receives spans from the real OTLP protobuf exporter, gzip-compressed', async () => {
    const url = `http://127.0.0.1:${port}/v1/traces`;
    expect(
      await exportWith(new ProtoExporter({ url, compression: 'gzip' as never }), sdkSpans),
    ).toBe(0);
    expect(sink.spans).toStrictEqual(expected);
  });

  it('receives spans from the real OTLP JSON exporter', async () => {
    const url = `http://127.0.0.1:${port}/v1/traces`;
    expect(await exportWith(new HttpExporter({ url }), sdkSpans)).toBe(0);
    expect(sink.spans).toStrictEqual(expected);
  });

  it('answers 200 with an empty ExportTraceServiceResponse in the request encoding', async () => {
    const proto = Buffer.from(ProtobufTraceSerializer.serializeRequest(sdkSpans)!);
    const res = await post(port, PROTO_CT, [proto]);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/x-protobuf');
    expect(res.body.length).toBe(0);
    const gz = await post(port, { ...JSON_CT, 'content-encoding': 'gzip' }, [
      gzipSync(json(otlpBody([span(T, 'b7ad6b7169203331')]))),
    ]);
    expect([gz.status, JSON.parse(gz.body.toString())]).toEqual([200, {}]);
    expect(sink.spans.length).toBe(7);
  });

  it('rejects truncated protobuf with 400 and a protobuf google.rpc.Status', async () => {
    const proto = Buffer.from(ProtobufTraceSerializer.serializeRequest(sdkSpans)!);
    const res = await post(port, PROTO_CT, [proto.subarray(0, proto.length - 5)]);
    expect(res.status).toBe(400);
    expect([...res.body.subarray(0, 3)]).toEqual([0x08, 0x03, 0x12]); // code 3, then message
    expect(res.body.subarray(4).toString()).toMatch(/^protobuf: .* at byte \d+$/);
    expect(sink.spans).toEqual([]);
  });

  it('rejects malformed JSON with 400 and a JSON Status', async () => {
    const res = await post(port, JSON_CT, [Buffer.from('{"resourceSpans": [')]);
    expect(res.status).toBe(400);
    const status = JSON.parse(res.body.toString());
    expect(status.code).toBe(3);
    expect(status.message).toMatch(/^invalid JSON: /);
    const shape = await post(port, JSON_CT, [json({ resourceSpans: {} })]);
    expect([shape.status, JSON.parse(shape.body.toString()).message]).toEqual([
      400,
      'resourceSpans: not an array',
    ]);
  });

  it('answers 415 for other content types and encodings, 404 and 405 elsewhere', async () => {
    expect((await post(port, { 'content-type': 'text/plain' }, [Buffer.from('x')])).status).toBe(
      415,
    );
    expect((await post(port, {}, [Buffer.from('x')])).status).toBe(415);
    const br = await post(port, { ...JSON_CT, 'content-encoding': 'br' }, [Buffer.from('{}')]);
    expect(br.status).toBe(415);
    expect((await post(port, JSON_CT, [json({})], 'POST', '/v1/metrics')).status).toBe(404);
    const get = await post(port, {}, [], 'GET');
    expect([get.status, get.headers.allow]).toEqual([405, 'POST, OPTIONS']);
    const options = await post(port, { origin: 'http://app.example' }, [], 'OPTIONS');
    expect(options.status).toBe(204);
    expect(options.headers['access-control-allow-methods']).toBe('POST, OPTIONS');
  });

  it('answers 413 for a declared or streamed body over the limit, and for a gzip bomb', async () => {
    const big = Buffer.alloc(MAX + 1, 0x20);
    expect((await post(port, JSON_CT, [big])).status).toBe(413);
    const chunks = Array.from({ length: 80 }, () => Buffer.alloc(16 * 1024, 0x20));
    const streamed = await post(port, { ...JSON_CT, 'transfer-encoding': 'chunked' }, chunks);
    expect(streamed.status).toBe(413);
    const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x20)); // ~64 KiB on the wire
    expect(bomb.length).toBeLessThan(MAX);
    const res = await post(port, { ...JSON_CT, 'content-encoding': 'gzip' }, [bomb]);
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body.toString())).toEqual({
      code: 8,
      message: `body exceeds ${MAX} bytes`,
    });
  });

  it('keeps valid spans and reports invalid ids as partial success (JSON)', async () => {
    const body = otlpBody([
      span(T, 'b7ad6b7169203331'),
      span('xyz', 'b7ad6b7169203332'),
      span(T, ''),
    ]);
    const res = await post(port, JSON_CT, [json(body)]);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body.toString())).toEqual({
      partialSuccess: {
        rejectedSpans: '2',
        errorMessage:
          '2 span(s) rejected: resourceSpans[0].scopeSpans[0].spans[1].traceId: not a valid id; ' +
          'resourceSpans[0].scopeSpans[0].spans[2].spanId: not a valid id',
      },
    });
    expect(sink.spans.map((s) => s.spanId)).toEqual(['b7ad6b7169203331']);
    expect(sink.rejected).toBe(2);
  });

  it('reports invalid ids as partial success (protobuf)', async () => {
    // ResourceSpans{ ScopeSpans{ Span{ trace_id: 3 bytes, span_id: 8 bytes } } }
    const badSpan = [0x0a, 3, 1, 2, 3, 0x12, 8, 1, 2, 3, 4, 5, 6, 7, 8];
    const scope = [0x12, badSpan.length, ...badSpan];
    const rs = [0x12, scope.length, ...scope];
    const res = await post(port, PROTO_CT, [Buffer.from([0x0a, rs.length, ...rs])]);
    expect(res.status).toBe(200);
    const message =
      '1 span(s) rejected: resourceSpans[0].scopeSpans[0].spans[0].traceId: not a valid id';
    const inner = [0x08, 1, 0x12, message.length, ...Buffer.from(message)];
    expect([...res.body]).toEqual([0x0a, inner.length, ...inner]);
  });

  it('accepts a span with 10,000 attributes, keeping the first 1,000', async () => {
    const attributes = Array.from({ length: 10_000 }, (_, i) => ({
      key: `attr.${i}`,
      value: { stringValue: `value ${i}` },
    }));
    const res = await post(port, JSON_CT, [
      json(otlpBody([{ ...span(T, 'b7ad6b7169203331'), attributes }])),
    ]);
    expect(res.status).toBe(200);
    expect(Object.keys(sink.spans[0].attributes)).toHaveLength(1000);
    expect(sink.spans[0].attributes['attr.999']).toBe('value 999');
  });

  it('passes sink back-pressure on as 429 / 503 with Retry-After', async () => {
    const body = json(otlpBody([span(T, 'b7ad6b7169203331')]));
    sink.answer = {
      ok: false,
      status: 429,
      retryAfterSec: 2,
      message: 'ingest backlog is full',
    };
    const busy = await post(port, JSON_CT, [body]);
    expect([busy.status, busy.headers['retry-after']]).toEqual([429, '2']);
    expect(JSON.parse(busy.body.toString())).toEqual({
      code: 8,
      message: 'ingest backlog is full',
    });
    sink.answer = {
      ok: false,
      status: 503,
      retryAfterSec: 5,
      message: 'database unavailable',
    };
    const down = await post(port, PROTO_CT, [
      Buffer.from(ProtobufTraceSerializer.serializeRequest(sdkSpans)!),
    ]);
    expect([down.status, down.headers['retry-after']]).toEqual([503, '5']);
    expect(down.body.subarray(0, 2)).toEqual(Buffer.from([0x08, 14]));
    expect(sink.spans).toEqual([]);
  });
});

describe('OTLP/HTTP receiver with a bearer token', () => {
  const sink = new RecordingSink();
  let receiver: OtlpReceiver;
  let port: number;
  beforeAll(async () => {
    receiver = createOtlpReceiver({
      host: '127.0.0.1',
      port: 0,
      maxBodyBytes: MAX,
      token: TOKEN,
      sink,
    });
    port = (await receiver.start()).port;
  });
  afterAll(() => receiver.stop());

  it('answers 401 without or with a wrong token, 200 with the right one', async () => {
    const body = [json(otlpBody([span(T, 'b7ad6b7169203331')]))];
    const missing = await post(port, JSON_CT, body);
    expect([missing.status, missing.headers['www-authenticate']]).toEqual([401, 'Bearer']);
    expect(
      (await post(port, { ...JSON_CT, authorization: 'Bearer wrong-token' }, body)).status,
    ).toBe(401);
    expect((await post(port, { ...JSON_CT, authorization: TOKEN }, body)).status).toBe(401);
    expect((await post(port, { ...JSON_CT, authorization: `Bearer ${TOKEN}` }, body)).status).toBe(
      200,
    );
    expect(sink.spans).toHaveLength(1);
  });

  it('lets the real exporter authenticate through its headers option', async () => {
    const url = `http://127.0.0.1:${port}/v1/traces`;
    const spans = await makeSdkSpans();
    const denied = new ProtoExporter({ url });
    expect(await exportWith(denied, spans)).toBe(1);
    const allowed = new ProtoExporter({
      url,
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(await exportWith(allowed, spans)).toBe(0);
    expect(sink.spans).toHaveLength(7);
  });
});
