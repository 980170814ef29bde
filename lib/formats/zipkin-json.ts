import type { AttributeValue, NormalizedSpan, SpanKind } from '@/lib/topology/types';

import { clipString } from './attribute-value';
import {
  MAX_ATTRIBUTES_PER_SPAN,
  SpanRejection,
  TraceFormatError,
  type DecodeResult,
} from './decode-result';
import { normalizeId, SPAN_ID_HEX, TRACE_ID_HEX } from './ids';
import { isObject } from './otlp-json-values';
import { resolveSharedSpans, type ZipkinEndpoint, type ZipkinSpan } from './zipkin-shared';

// Zipkin v2 JSON (https://zipkin.io/zipkin-api/#/default/post_spans): an array of spans, or
// one span object. Times are microseconds. The remote endpoint is mapped to the attributes
// current semantic conventions use (`peer.service`, `network.peer.address`/`port`), and the
// Kafka/RabbitMQ tags of Brave's instrumentation to `messaging.*`, so derivation reads Zipkin
// data with the same rules as OTLP. Shared client/server spans: see zipkin-shared.ts.

const KINDS: Record<string, SpanKind> = {
  CLIENT: 'client',
  SERVER: 'server',
  PRODUCER: 'producer',
  CONSUMER: 'consumer',
};

/** Brave's messaging tags and their semantic-convention names. */
const DESTINATION_TAGS = ['kafka.topic', 'rabbit.queue', 'jms.queue', 'jms.topic'];

function endpoint(v: unknown, field: string): ZipkinEndpoint | undefined {
  if (v === undefined || v === null) return undefined;
  if (!isObject(v)) throw new SpanRejection(`${field}: not an object`);
  const e: ZipkinEndpoint = {};
  if (typeof v.serviceName === 'string') e.serviceName = v.serviceName;
  if (typeof v.ipv4 === 'string') e.ipv4 = v.ipv4;
  if (typeof v.ipv6 === 'string') e.ipv6 = v.ipv6;
  if (typeof v.port === 'number') e.port = v.port;
  return e;
}

function optionalMicros(v: unknown, field: string): number | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number' && Number.isFinite(v) && v >= 0) return v;
  throw new SpanRejection(`${field}: not a number of microseconds`);
}

function parse(s: unknown): ZipkinSpan {
  if (!isObject(s)) throw new SpanRejection('not an object');
  const traceId = normalizeId(s.traceId, TRACE_ID_HEX);
  if (!traceId) throw new SpanRejection('traceId: not a valid id');
  const id = normalizeId(s.id, SPAN_ID_HEX);
  if (!id) throw new SpanRejection('id: not a valid id');
  const span: ZipkinSpan = { traceId, id, tags: {} };
  if (s.parentId !== undefined && s.parentId !== null && !/^0*$/.test(String(s.parentId))) {
    span.parentId = normalizeId(s.parentId, SPAN_ID_HEX);
    if (!span.parentId) throw new SpanRejection('parentId: not a valid id');
  }
  if (s.kind !== undefined && s.kind !== null) {
    if (typeof s.kind !== 'string' || !KINDS[s.kind])
      throw new SpanRejection('kind: not a span kind');
    span.kind = s.kind;
  }
  if (typeof s.name === 'string') span.name = s.name;
  span.timestamp = optionalMicros(s.timestamp, 'timestamp');
  span.duration = optionalMicros(s.duration, 'duration');
  span.localEndpoint = endpoint(s.localEndpoint, 'localEndpoint');
  span.remoteEndpoint = endpoint(s.remoteEndpoint, 'remoteEndpoint');
  if (s.shared === true) span.shared = true;
  if (s.tags !== undefined && s.tags !== null) {
    if (!isObject(s.tags)) throw new SpanRejection('tags: not an object');
    for (const [k, v] of Object.entries(s.tags)) span.tags[k] = String(v);
  }
  return span;
}

function attributesOf(s: ZipkinSpan): Record<string, AttributeValue> {
  const out: Record<string, AttributeValue> = {};
  for (const [k, v] of Object.entries(s.tags).slice(0, MAX_ATTRIBUTES_PER_SPAN))
    out[k] = clipString(v);
  const status = out['http.status_code'];
  if (typeof status === 'string' && /^\d{3}$/.test(status))
    out['http.status_code'] = Number(status);
  const remote = s.remoteEndpoint;
  if (remote?.serviceName) out['peer.service'] = remote.serviceName;
  const address = remote?.ipv6 ?? remote?.ipv4;
  if (address) out['network.peer.address'] = address;
  if (remote?.port !== undefined) out['network.peer.port'] = remote.port;
  const destination = DESTINATION_TAGS.find((t) => s.tags[t] !== undefined);
  if (destination && out['messaging.destination.name'] === undefined) {
    out['messaging.destination.name'] = s.tags[destination];
  }
  const messaging = s.kind === 'PRODUCER' || s.kind === 'CONSUMER';
  if (messaging && out['messaging.system'] === undefined && remote?.serviceName) {
    out['messaging.system'] = remote.serviceName;
  }
  return out;
}

function normalize(s: ZipkinSpan, startOf: Map<string, number | undefined>): NormalizedSpan {
  const service = s.localEndpoint?.serviceName ?? '';
  // A span without timestamp (a late fragment whose partner is missing) borrows its parent's.
  const micros =
    s.timestamp ?? (s.parentId ? startOf.get(`${s.traceId}/${s.parentId}`) : undefined) ?? 0;
  const span: NormalizedSpan = {
    traceId: s.traceId,
    spanId: s.id,
    service,
    kind: s.kind ? KINDS[s.kind] : 'internal',
    name: s.name ?? '',
    startTimeMs: micros / 1000,
    durationMs: (s.duration ?? 0) / 1000,
    statusError: s.tags.error !== undefined,
    attributes: attributesOf(s),
    resource: service ? { 'service.name': service } : {},
    links: [],
  };
  if (s.parentId) span.parentSpanId = s.parentId;
  return span;
}

export function decodeZipkinJson(body: unknown): DecodeResult {
  const list = Array.isArray(body) ? body : isObject(body) ? [body] : undefined;
  if (!list) throw new TraceFormatError('Zipkin JSON: not an array of spans or a span object');
  const result: DecodeResult = { spans: [], rejected: [] };
  const parsed: ZipkinSpan[] = [];
  list.forEach((s, i) => {
    try {
      parsed.push(parse(s));
    } catch (err) {
      if (!(err instanceof SpanRejection)) throw err;
      result.rejected.push({ reason: `[${i}].${err.message}` });
    }
  });
  const resolved = resolveSharedSpans(parsed);
  const startOf = new Map(resolved.map((s) => [`${s.traceId}/${s.id}`, s.timestamp]));
  result.spans = resolved.map((s) => normalize(s, startOf));
  return result;
}
