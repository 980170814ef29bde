import { TraceFormatError, type DecodeResult } from './decode-result';
import { decodeJaegerJson } from './jaeger-json';
import { decodeOtlpJson } from './otlp-json';
import { isObject } from './otlp-json-values';
import { decodeZipkinJson } from './zipkin-json';

// Tells the JSON trace formats apart by shape alone (file names lie): OTLP has
// `resourceSpans` (or the `result` / `batches` envelopes), Jaeger has `spans` with `traceID`
// or `spanID`-style fields, Zipkin v2 has flat spans with `traceId` and `id`. Dependency-link
// lists are recognised so that the caller can route them (lib/formats/dependencies.ts).

export type TraceFormat = 'otlp' | 'jaeger' | 'zipkin';
export type DetectedFormat = TraceFormat | 'jaeger-dependencies' | 'zipkin-dependencies';

const isLink = (v: unknown) =>
  isObject(v) && typeof v.parent === 'string' && typeof v.child === 'string' && 'callCount' in v;

function detectArray(items: unknown[]): DetectedFormat | null {
  const first = items[0];
  if (!isObject(first)) return null;
  if (isLink(first))
    return items.some((l) => isObject(l) && 'errorCount' in l)
      ? 'zipkin-dependencies'
      : 'jaeger-dependencies';
  if (Array.isArray(first.spans)) return 'jaeger';
  if ('traceID' in first || 'spanID' in first || 'operationName' in first) return 'jaeger';
  if ('traceId' in first && 'id' in first) return 'zipkin';
  return null;
}

export function detectFormat(body: unknown): DetectedFormat | null {
  if (Array.isArray(body)) return detectArray(body);
  if (!isObject(body)) return null;
  if ('resourceSpans' in body || 'resource_spans' in body || 'batches' in body) return 'otlp';
  if (isObject(body.result) && ('resourceSpans' in body.result || 'resource_spans' in body.result))
    return 'otlp';
  if (Array.isArray(body.data)) {
    if (body.data.length > 0 && isLink(body.data[0])) return 'jaeger-dependencies';
    return body.data.length === 0 || detectArray(body.data) === 'jaeger' ? 'jaeger' : null;
  }
  if (isObject(body.data) && Array.isArray(body.data.spans)) return 'jaeger';
  if (Array.isArray(body.spans)) return 'jaeger';
  if ('traceId' in body && 'id' in body) return 'zipkin';
  return null;
}

/** Decodes a body already known (by detectFormat) to be a trace format. */
export function decodeTraceBody(body: unknown, format: TraceFormat): DecodeResult {
  if (format === 'otlp') return decodeOtlpJson(body);
  if (format === 'jaeger') return decodeJaegerJson(body);
  return decodeZipkinJson(body);
}

/** V8's message, with line and column added where it gives a position. */
function jsonErrorText(err: Error, text: string): string {
  const position = /at position (\d+)/.exec(err.message)?.[1];
  const endOfInput = /end of JSON/.test(err.message);
  const at = position !== undefined ? Number(position) : endOfInput ? text.length : -1;
  if (at < 0 || /\(line \d+/.test(err.message)) return err.message;
  const before = text.slice(0, at);
  const line = before.split('\n').length;
  return `${err.message} (line ${line} column ${at - before.lastIndexOf('\n')})`;
}

/** Parses and decodes a trace file; every error message starts with the file name. */
export function decodeTraceFile(text: string, fileName: string): DecodeResult {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (err) {
    throw new TraceFormatError(`${fileName}: invalid JSON: ${jsonErrorText(err as Error, text)}`, {
      cause: err,
    });
  }
  const format = detectFormat(body);
  if (format === 'jaeger-dependencies' || format === 'zipkin-dependencies') {
    throw new TraceFormatError(`${fileName}: holds ${format} links, not traces`);
  }
  if (format === null) {
    throw new TraceFormatError(
      `${fileName}: unknown format (expected OTLP JSON, Jaeger JSON or Zipkin v2 JSON)`,
    );
  }
  try {
    return decodeTraceBody(body, format);
  } catch (err) {
    if (!(err instanceof TraceFormatError)) throw err;
    throw new TraceFormatError(`${fileName}: ${format}: ${err.message}`, { cause: err });
  }
}
