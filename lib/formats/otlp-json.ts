import type { AttributeValue, NormalizedSpan } from '@/lib/topology/types';

import {
  MAX_LINKS_PER_SPAN,
  SpanRejection,
  TraceFormatError,
  type DecodeResult,
} from './decode-result';
import { normalizeId, SPAN_ID_HEX, TRACE_ID_HEX } from './ids';
import {
  durationMs,
  spanKindFromJson,
  splitDecimalNanos,
  startTimeMs,
  statusIsErrorFromJson,
  type SplitNanos,
} from './otlp-enums';
import { attributesFromJson, isObject, pick, type JsonObject } from './otlp-json-values';

// ExportTraceServiceRequest in the OTLP JSON encoding, as the spec defines it
// (https://opentelemetry.io/docs/specs/otlp/#json-protobuf-encoding): hex ids, integer enums,
// int64 as decimal strings. Also accepted, because real exports carry them: base64 ids (the
// generic protobuf JSON mapping), enum names, Jaeger API v3's `{"result": …}` envelope and the
// older `batches` / `instrumentationLibrarySpans` names (Tempo and Jaeger before OTLP 1.0).

function arrayAt(o: JsonObject, names: string[], path: string): unknown[] {
  for (const name of names) {
    const v = o[name];
    if (v === undefined || v === null) continue;
    if (!Array.isArray(v)) throw new TraceFormatError(`${path}${name}: not an array`);
    return v;
  }
  return [];
}

function unwrap(body: unknown): { request: JsonObject; prefix: string } {
  if (!isObject(body)) throw new TraceFormatError('request: not a JSON object');
  if (body.result !== undefined) {
    if (!isObject(body.result)) throw new TraceFormatError('result: not an object');
    return { request: body.result, prefix: 'result.' };
  }
  return { request: body, prefix: '' };
}

function nanos(v: unknown, field: string): SplitNanos {
  if (v === undefined || v === null) return { ms: 0, ns: 0 };
  if (typeof v === 'number' && Number.isFinite(v) && v >= 0) {
    return splitDecimalNanos(BigInt(Math.trunc(v)).toString());
  }
  if (typeof v === 'string' && /^\d{1,20}$/.test(v)) return splitDecimalNanos(v);
  throw new SpanRejection(`${field}: not a timestamp`);
}

function requiredId(v: unknown, width: number, field: string): string {
  const id = normalizeId(v, width);
  if (id === undefined) throw new SpanRejection(`${field}: not a valid id`);
  return id;
}

function optionalId(v: unknown, width: number, field: string): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  if (typeof v === 'string' && /^0+$|^A+=*$/.test(v)) return undefined; // all-zero = no parent
  return requiredId(v, width, field);
}

function linksFrom(v: unknown): NormalizedSpan['links'] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new SpanRejection('links: not an array');
  return v.slice(0, MAX_LINKS_PER_SPAN).map((link, i) => {
    if (!isObject(link)) throw new SpanRejection(`links[${i}]: not an object`);
    return {
      traceId: requiredId(pick(link, 'traceId', 'trace_id'), TRACE_ID_HEX, `links[${i}].traceId`),
      spanId: requiredId(pick(link, 'spanId', 'span_id'), SPAN_ID_HEX, `links[${i}].spanId`),
    };
  });
}

function spanFrom(
  s: unknown,
  service: string,
  resource: Record<string, AttributeValue>,
): NormalizedSpan {
  if (!isObject(s)) throw new SpanRejection('not an object');
  const kind = spanKindFromJson(s.kind);
  if (kind === undefined) throw new SpanRejection('kind: not a span kind');
  const status = s.status;
  if (status !== undefined && status !== null && !isObject(status)) {
    throw new SpanRejection('status: not an object');
  }
  const statusError = statusIsErrorFromJson(status?.code);
  if (statusError === undefined) throw new SpanRejection('status.code: not a status code');
  const name = s.name ?? '';
  if (typeof name !== 'string') throw new SpanRejection('name: not a string');
  const start = nanos(pick(s, 'startTimeUnixNano', 'start_time_unix_nano'), 'startTimeUnixNano');
  const end = nanos(pick(s, 'endTimeUnixNano', 'end_time_unix_nano'), 'endTimeUnixNano');

  const span: NormalizedSpan = {
    traceId: requiredId(pick(s, 'traceId', 'trace_id'), TRACE_ID_HEX, 'traceId'),
    spanId: requiredId(pick(s, 'spanId', 'span_id'), SPAN_ID_HEX, 'spanId'),
    service,
    kind,
    name,
    startTimeMs: startTimeMs(start),
    durationMs: durationMs(start, end),
    statusError,
    attributes: attributesFromJson(s.attributes, 'attributes'),
    resource,
    links: linksFrom(s.links),
  };
  const parent = optionalId(pick(s, 'parentSpanId', 'parent_span_id'), SPAN_ID_HEX, 'parentSpanId');
  if (parent !== undefined) span.parentSpanId = parent;
  return span;
}

export function decodeOtlpJson(body: unknown): DecodeResult {
  const { request, prefix } = unwrap(body);
  const result: DecodeResult = { spans: [], rejected: [] };
  const resourceSpans = arrayAt(request, ['resourceSpans', 'resource_spans', 'batches'], prefix);

  resourceSpans.forEach((rs, r) => {
    const rsPath = `${prefix}resourceSpans[${r}]`;
    if (!isObject(rs)) throw new TraceFormatError(`${rsPath}: not an object`);
    let resource: Record<string, AttributeValue>;
    try {
      const res = rs.resource ?? {};
      if (!isObject(res)) throw new SpanRejection('not an object');
      resource = attributesFromJson(res.attributes, 'attributes');
    } catch (err) {
      if (!(err instanceof SpanRejection)) throw err;
      throw new TraceFormatError(`${rsPath}.resource.${err.message}`, {
        cause: err,
      });
    }
    const name = resource['service.name'];
    const service = name === undefined ? '' : String(name);
    const scopes = ['scopeSpans', 'scope_spans', 'instrumentationLibrarySpans'];

    arrayAt(rs, scopes, `${rsPath}.`).forEach((ss, k) => {
      const ssPath = `${rsPath}.scopeSpans[${k}]`;
      if (!isObject(ss)) throw new TraceFormatError(`${ssPath}: not an object`);
      arrayAt(ss, ['spans'], `${ssPath}.`).forEach((s, i) => {
        try {
          result.spans.push(spanFrom(s, service, resource));
        } catch (err) {
          if (!(err instanceof SpanRejection)) throw err;
          result.rejected.push({
            reason: `${ssPath}.spans[${i}].${err.message}`,
          });
        }
      });
    });
  });
  return result;
}
