import type { AttributeValue, NormalizedSpan } from '@/lib/topology/types';

import { MAX_LINKS_PER_SPAN, type DecodeResult } from './decode-result';
import { padId } from './ids';
import {
  durationMs,
  spanKindFromNumber,
  splitFixed64Nanos,
  startTimeMs,
  type SplitNanos,
} from './otlp-enums';
import { readAttribute } from './otlp-protobuf-values';
import { WIRE_FIXED64, WIRE_LEN, WIRE_VARINT, WireReader } from './wire-reader';

export { encodeExportTraceResponse, encodeRpcStatus } from './otlp-response';

// A selective reader of ExportTraceServiceRequest (collector/trace/v1/trace_service.proto):
// it reads only what NormalizedSpan carries and skips everything else (events, scope,
// trace_state, flags, dropped counts) without decoding it, which is what makes it several
// times faster than a full protobufjs decode.
// Field numbers: https://github.com/open-telemetry/opentelemetry-proto/blob/main/opentelemetry/proto/trace/v1/trace.proto
//   ResourceSpans { resource = 1; scope_spans = 2; }   ScopeSpans { scope = 1; spans = 2; }
//   Span { trace_id = 1; span_id = 2; parent_span_id = 4; name = 5; kind = 6;
//          start_time_unix_nano = 7 (fixed64); end_time_unix_nano = 8 (fixed64);
//          attributes = 9; links = 13; status = 15 }
//   Link { trace_id = 1; span_id = 2; }   Status { message = 2; code = 3; }

type Problem = string | undefined;

/**
 * 16 or 8 bytes as lowercase hex. '' when empty or all zero (the spec's "no id"), undefined
 * when the length is wrong.
 */
function readId(r: WireReader, end: number, bytes: number): string | undefined {
  const fieldEnd = r.lengthEnd(end);
  const start = r.pos;
  r.pos = fieldEnd;
  if (fieldEnd === start) return '';
  if (fieldEnd - start !== bytes) return undefined;
  return padId(r.buf.toString('hex', start, fieldEnd), bytes * 2) ?? '';
}

function readStatusIsError(r: WireReader, end: number): boolean {
  let error = false;
  while (r.pos < end) {
    const tag = r.tag(end);
    if (tag === 0x18) error = r.varint(end) === 2;
    else r.skip(tag & 7, end);
  }
  return error;
}

function readLink(r: WireReader, end: number): NormalizedSpan['links'][number] | undefined {
  let traceId: string | undefined;
  let spanId: string | undefined;
  while (r.pos < end) {
    const tag = r.tag(end);
    if (tag === 0x0a) traceId = readId(r, end, 16);
    else if (tag === 0x12) spanId = readId(r, end, 8);
    else r.skip(tag & 7, end);
  }
  return traceId && spanId ? { traceId, spanId } : undefined; // '' or undefined: invalid
}

const NO_TIME: SplitNanos = { ms: 0, ns: 0 };

function readSpan(r: WireReader, end: number, out: NormalizedSpan[]): Problem {
  let traceId: string | undefined;
  let spanId: string | undefined;
  let parentSpanId: string | undefined;
  let parentProblem = false;
  let linkProblem = false;
  let name = '';
  let kind = 0;
  let start = NO_TIME;
  let finish = NO_TIME;
  let statusError = false;
  let attributeCount = 0;
  const attributes: Record<string, AttributeValue> = {};
  const links: NormalizedSpan['links'] = [];

  while (r.pos < end) {
    const tag = r.tag(end);
    const wt = tag & 7;
    switch (tag >>> 3) {
      case 1:
        r.expect(WIRE_LEN, wt);
        traceId = readId(r, end, 16);
        break;
      case 2:
        r.expect(WIRE_LEN, wt);
        spanId = readId(r, end, 8);
        break;
      case 4:
        r.expect(WIRE_LEN, wt);
        parentSpanId = readId(r, end, 8); // '' (empty or zero) means a root span
        parentProblem = parentSpanId === undefined;
        break;
      case 5:
        r.expect(WIRE_LEN, wt);
        name = r.string(end);
        break;
      case 6:
        r.expect(WIRE_VARINT, wt);
        kind = r.varint(end);
        break;
      case 7:
      case 8:
        r.expect(WIRE_FIXED64, wt);
        r.fixed64(end);
        if (tag >>> 3 === 7) start = splitFixed64Nanos(r.lo, r.hi);
        else finish = splitFixed64Nanos(r.lo, r.hi);
        break;
      case 9: {
        r.expect(WIRE_LEN, wt);
        const kvEnd = r.lengthEnd(end);
        attributeCount = readAttribute(r, kvEnd, attributes, attributeCount);
        r.pos = kvEnd;
        break;
      }
      case 13: {
        r.expect(WIRE_LEN, wt);
        const linkEnd = r.lengthEnd(end);
        const link = readLink(r, linkEnd);
        if (!link) linkProblem = true;
        else if (links.length < MAX_LINKS_PER_SPAN) links.push(link);
        r.pos = linkEnd;
        break;
      }
      case 15: {
        r.expect(WIRE_LEN, wt);
        const statusEnd = r.lengthEnd(end);
        statusError = readStatusIsError(r, statusEnd);
        r.pos = statusEnd;
        break;
      }
      default:
        r.skip(wt, end);
    }
  }

  if (!traceId) return 'traceId: not a valid id';
  if (!spanId) return 'spanId: not a valid id';
  if (parentProblem) return 'parentSpanId: not a valid id';
  if (linkProblem) return 'links: not a valid id';
  const span: NormalizedSpan = {
    traceId,
    spanId,
    service: '',
    kind: spanKindFromNumber(kind),
    name,
    startTimeMs: startTimeMs(start),
    durationMs: durationMs(start, finish),
    statusError,
    attributes,
    resource: {},
    links,
  };
  if (parentSpanId) span.parentSpanId = parentSpanId;
  out.push(span);
  return undefined;
}

function readResource(r: WireReader, end: number): Record<string, AttributeValue> {
  const attributes: Record<string, AttributeValue> = {};
  let count = 0;
  while (r.pos < end) {
    const tag = r.tag(end);
    if (tag === 0x0a) {
      const kvEnd = r.lengthEnd(end);
      count = readAttribute(r, kvEnd, attributes, count);
      r.pos = kvEnd;
    } else r.skip(tag & 7, end);
  }
  return attributes;
}

function readScopeSpans(r: WireReader, end: number, result: DecodeResult, path: string): void {
  let index = 0;
  while (r.pos < end) {
    const tag = r.tag(end);
    if (tag === 0x12) {
      const spanEnd = r.lengthEnd(end);
      const problem = readSpan(r, spanEnd, result.spans);
      if (problem) result.rejected.push({ reason: `${path}.spans[${index}].${problem}` });
      r.pos = spanEnd;
      index++;
    } else r.skip(tag & 7, end);
  }
}

function readResourceSpans(r: WireReader, end: number, result: DecodeResult, rs: number): void {
  // Resource may come after the spans on the wire; spans are patched once it is known.
  const first = result.spans.length;
  let resource: Record<string, AttributeValue> = {};
  let scope = 0;
  while (r.pos < end) {
    const tag = r.tag(end);
    if (tag === 0x0a) {
      const resEnd = r.lengthEnd(end);
      resource = readResource(r, resEnd);
      r.pos = resEnd;
    } else if (tag === 0x12) {
      const ssEnd = r.lengthEnd(end);
      readScopeSpans(r, ssEnd, result, `resourceSpans[${rs}].scopeSpans[${scope++}]`);
      r.pos = ssEnd;
    } else r.skip(tag & 7, end);
  }
  const name = resource['service.name'];
  const service = name === undefined ? '' : String(name);
  for (let i = first; i < result.spans.length; i++) {
    result.spans[i].service = service;
    result.spans[i].resource = resource;
  }
}

/** Decodes an OTLP/HTTP protobuf body; throws TraceFormatError when it is not one. */
export function decodeOtlpProtobuf(buf: Uint8Array): DecodeResult {
  const r = new WireReader(buf);
  const result: DecodeResult = { spans: [], rejected: [] };
  const end = buf.byteLength;
  let rs = 0;
  while (r.pos < end) {
    const tag = r.tag(end);
    if (tag === 0x0a) {
      const rsEnd = r.lengthEnd(end);
      readResourceSpans(r, rsEnd, result, rs++);
      r.pos = rsEnd;
    } else r.skip(tag & 7, end);
  }
  return result;
}
