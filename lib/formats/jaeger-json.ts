import type { AttributeValue, NormalizedSpan, SpanKind } from '@/lib/topology/types';

import { SpanRejection, TraceFormatError, type DecodeResult } from './decode-result';
import { normalizeId, SPAN_ID_HEX, TRACE_ID_HEX } from './ids';
import { jaegerTags } from './jaeger-tags';
import { isObject, type JsonObject } from './otlp-json-values';

// Jaeger trace JSON as the UI and the query API (/api/traces) export it: `{data: [trace…]}`,
// a bare trace `{traceID, spans, processes}`, an array of traces, or an array of spans with
// `process` inline; and the api_v2 model form (`traceId`/`spanId` in base64, RFC 3339 times,
// `"5000ns"` durations). Times are microseconds. The first CHILD_OF reference within the same
// trace is the parent (as Jaeger's own model does); every other reference becomes a link.

const KINDS: Record<string, SpanKind> = {
  server: 'server',
  client: 'client',
  producer: 'producer',
  consumer: 'consumer',
  internal: 'internal',
};

interface Process {
  service: string;
  resource: Record<string, AttributeValue>;
}

function traceList(body: unknown): unknown[] {
  if (Array.isArray(body)) {
    // An array of traces, or (anonymizer output) an array of spans.
    return body.length > 0 && isObject(body[0]) && Array.isArray(body[0].spans)
      ? body
      : [{ spans: body }];
  }
  if (!isObject(body)) throw new TraceFormatError('Jaeger JSON: not an object or array');
  if (body.data !== undefined) {
    if (Array.isArray(body.data)) return body.data;
    if (isObject(body.data)) return [body.data];
    throw new TraceFormatError('data: not an array of traces');
  }
  return [body];
}

function processOf(p: unknown, path: string): Process {
  if (!isObject(p)) throw new SpanRejection(`${path}: not an object`);
  const service = typeof p.serviceName === 'string' ? p.serviceName : '';
  const resource = jaegerTags(p.tags, `${path}.tags`);
  if (service !== '') resource['service.name'] = service;
  return { service, resource };
}

/** Microseconds as a number, or an RFC 3339 string (api_v2 model); returns milliseconds. */
function startMs(v: unknown): number {
  if (typeof v === 'number' && Number.isFinite(v)) return v / 1000;
  if (typeof v === 'string') {
    if (/^\d+$/.test(v)) return Number(v) / 1000;
    const m = /^(.*?)(?:\.(\d+))?(Z|[+-]\d\d:\d\d)$/.exec(v);
    const base = m ? Date.parse(`${m[1]}${m[3]}`) : NaN;
    if (Number.isFinite(base)) return base + Number(`0.${m![2] ?? '0'}`) * 1000;
  }
  throw new SpanRejection('startTime: not a timestamp');
}

/** Microseconds as a number, or a protobuf Duration string such as "5000ns" or "0.5s". */
function durationMs(v: unknown): number {
  if (v === undefined || v === null) return 0;
  if (typeof v === 'number' && Number.isFinite(v)) return Math.max(0, v / 1000);
  const m = typeof v === 'string' ? /^(\d+(?:\.\d+)?)(ns|us|µs|ms|s)?$/.exec(v) : null;
  if (!m) throw new SpanRejection('duration: not a duration');
  const scale = { ns: 1e-6, us: 1e-3, µs: 1e-3, ms: 1, s: 1000 }[m[2] ?? 'us'] ?? 1e-3;
  return Number(m[1]) * scale;
}

function id(v: unknown, width: number, field: string): string {
  const out = normalizeId(v, width);
  if (out === undefined) throw new SpanRejection(`${field}: not a valid id`);
  return out;
}

function spanFrom(s: unknown, processes: Map<string, Process>): NormalizedSpan {
  if (!isObject(s)) throw new SpanRejection('not an object');
  const traceId = id(s.traceID ?? s.traceId, TRACE_ID_HEX, 'traceID');
  const spanId = id(s.spanID ?? s.spanId, SPAN_ID_HEX, 'spanID');
  const process = isObject(s.process)
    ? processOf(s.process, 'process')
    : processes.get(String(s.processID ?? s.processId ?? ''));
  if (!process) throw new SpanRejection(`processID: ${String(s.processID)} not in processes`);

  const attributes = jaegerTags(s.tags, 'tags');
  const kind = KINDS[String(attributes['span.kind'] ?? '').toLowerCase()] ?? 'unspecified';
  const error = attributes.error === true || attributes.error === 'true';
  const statusError = error || attributes['otel.status_code'] === 'ERROR';
  delete attributes['span.kind'];

  let parentSpanId: string | undefined;
  const links: NormalizedSpan['links'] = [];
  const refs = s.references ?? [];
  if (!Array.isArray(refs)) throw new SpanRejection('references: not an array');
  refs.forEach((ref: unknown, i) => {
    if (!isObject(ref)) throw new SpanRejection(`references[${i}]: not an object`);
    const refTrace = id(ref.traceID ?? ref.traceId, TRACE_ID_HEX, `references[${i}].traceID`);
    const refSpan = id(ref.spanID ?? ref.spanId, SPAN_ID_HEX, `references[${i}].spanID`);
    const childOf = (ref.refType ?? 'CHILD_OF') === 'CHILD_OF';
    if (childOf && parentSpanId === undefined && refTrace === traceId) parentSpanId = refSpan;
    else links.push({ traceId: refTrace, spanId: refSpan });
  });
  const legacyParent = s.parentSpanID;
  if (
    parentSpanId === undefined &&
    typeof legacyParent === 'string' &&
    !/^0*$/.test(legacyParent)
  ) {
    parentSpanId = id(legacyParent, SPAN_ID_HEX, 'parentSpanID');
  }

  const span: NormalizedSpan = {
    traceId,
    spanId,
    service: process.service,
    kind,
    name: typeof s.operationName === 'string' ? s.operationName : '',
    startTimeMs: startMs(s.startTime),
    durationMs: durationMs(s.duration),
    statusError,
    attributes,
    resource: process.resource,
    links,
  };
  if (parentSpanId !== undefined) span.parentSpanId = parentSpanId;
  return span;
}

function processMap(trace: JsonObject, path: string, result: DecodeResult): Map<string, Process> {
  const map = new Map<string, Process>();
  const raw = trace.processes;
  if (raw === undefined || raw === null) return map;
  if (!isObject(raw)) throw new TraceFormatError(`${path}.processes: not an object`);
  for (const [key, p] of Object.entries(raw)) {
    try {
      map.set(key, processOf(p, `${path}.processes.${key}`));
    } catch (err) {
      if (!(err instanceof SpanRejection)) throw err;
      result.rejected.push({ reason: `${err.message} (its spans are rejected)` });
    }
  }
  return map;
}

export function decodeJaegerJson(body: unknown): DecodeResult {
  const result: DecodeResult = { spans: [], rejected: [] };
  traceList(body).forEach((trace, t) => {
    const path = `traces[${t}]`;
    if (!isObject(trace)) throw new TraceFormatError(`${path}: not an object`);
    if (!Array.isArray(trace.spans)) throw new TraceFormatError(`${path}.spans: not an array`);
    const processes = processMap(trace, path, result);
    const seen = new Set<string>();
    trace.spans.forEach((s: unknown, i) => {
      try {
        const span = spanFrom(s, processes);
        // Jaeger keeps both copies of a duplicated span id; a graph must count the call once.
        const key = `${span.traceId}/${span.spanId}`;
        if (seen.has(key)) throw new SpanRejection(`spanID: duplicate ${span.spanId}`);
        seen.add(key);
        result.spans.push(span);
      } catch (err) {
        if (!(err instanceof SpanRejection)) throw err;
        result.rejected.push({ reason: `${path}.spans[${i}].${err.message}` });
      }
    });
  });
  return result;
}
